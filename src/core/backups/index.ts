/** Backups beyond the API calls: checking a download against the panel's checksum, and retention. */
export { hashFile, parseChecksum, verifyFile, type ChecksumAlgorithm, type ChecksumVerdict, type ParsedChecksum } from './checksum';
export { MAX_KEEP_NEWEST, retentionCandidates } from './retention';
