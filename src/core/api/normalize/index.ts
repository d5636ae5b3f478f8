/**
 * Tolerant, validating parsers from the panel's raw JSON to the core's models. The websocket
 * client imports `normalizeResources` from here for its `stats` events.
 */
export { parseJson, parsePage, parseList, parsePagination, unwrapItem, MAX_PAGES } from './envelope';
export { MAX_LIST_ITEMS, MAX_STRING_LENGTH } from './guards';
export { normalizeServer, normalizeServerDetails, normalizeAllocation } from './server';
export { normalizeResources, normalizePowerState } from './resources';
export { normalizeFileEntry, normalizeFileList, modeBitsFromMode, isSafeFileName } from './files';
export { normalizeAccount, normalizeSystemPermissions, normalizeWebsocketCredentials, normalizeSignedUrl } from './account';
export {
  normalizeActivity,
  normalizeBackup,
  normalizeDatabase,
  normalizeEggVariable,
  normalizeSchedule,
  normalizeScheduleTask,
  normalizeStartup,
  normalizeSubuser,
} from './server-extras';
export { normalizeStartupVariableUpdate } from './startup';
