/** Signed-URL transfers to and from Wings: streamed, cancellable, never leaving half files. */
export { downloadToFile } from './download';
export { uploadFromFile, uploadFromStream } from './upload';
export { contentDisposition } from './multipart';
export { redactTokens } from './redact';
export type {
  DownloadOptions,
  DownloadResult,
  ProgressCallback,
  RequestImpl,
  TransferCommonOptions,
  UploadFileOptions,
  UploadResult,
  UploadStreamOptions,
  UploadTarget,
} from './types';
