import * as service from '../../api/services/record-photo-service';
import type { UploadOptions, UploadSource } from '../../api/files/upload-source';
import {
  DownloadedFile,
  FileDownloadOptions,
  DownloadTarget,
  requireTarget,
  writeDownload,
} from './downloads';
import { ExtrasOptions, ExtrasRecord, resolveRecord, uploadOptionsFor } from './record-context';

/** Options of `uploadPhoto()`: the file name and content type (inferred from the name's extension). */
export interface PhotoOptions extends UploadOptions, ExtrasOptions {}

/**
 * Sets the photo of a saved record (`POST /{module}/{id}/photo`; Leads, Contacts, Accounts, Products, Vendors)
 * from a path, a Buffer or a Readable. Zoho takes PNG, JPEG, GIF and BMP up to 10 MB; give `fileName` (or
 * `contentType`) for Buffers and streams so the type is right.
 */
export async function uploadPhoto(
  record: ExtrasRecord,
  source: UploadSource,
  options: PhotoOptions = {},
): Promise<void> {
  const context = resolveRecord(record, 'uploadPhoto', options);
  const upload = uploadOptionsFor(context.operation, source, options);
  await service.uploadPhoto(context.parent, source, upload);
}

/**
 * Downloads the record's photo (`GET /{module}/{id}/photo`) to a file path, a directory or a writable stream.
 * Resolves with what was written, or `undefined` when the record has no photo (nothing is written then).
 */
export async function downloadPhoto(
  record: ExtrasRecord,
  target: DownloadTarget,
  options: FileDownloadOptions = {},
): Promise<DownloadedFile | undefined> {
  const context = resolveRecord(record, 'downloadPhoto', options);
  requireTarget(target, context.operation);
  const file = await service.downloadPhoto(context.parent, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  if (!file.stream) return undefined;
  return writeDownload(file, target);
}

/** Removes the record's photo (`DELETE /{module}/{id}/photo`). */
export async function deletePhoto(record: ExtrasRecord, options: ExtrasOptions = {}): Promise<void> {
  const context = resolveRecord(record, 'deletePhoto', options);
  await service.deletePhoto(context.parent);
}
