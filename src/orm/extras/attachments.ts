import * as service from '../../api/services/record-attachments-service';
import type { ZCRMAttachment } from '../../api/entities/zcrm-attachment';
import type { UploadOptions, UploadSource } from '../../api/files/upload-source';
import { requireHttpUrl } from '../../api/support/checks';
import {
  DownloadedFile,
  FileDownloadOptions,
  DownloadTarget,
  requireTarget,
  writeDownload,
} from './downloads';
import { collectPages, ListOptions } from './pages';
import { ExtrasOptions, ExtrasRecord, idOf, resolveRecord, uploadOptionsFor } from './record-context';

/** Options of `attach()` (`invoice.attach(source, options)`): how to name the upload (paths default to their base name, Buffers and streams to `file`). */
export interface AttachOptions extends UploadOptions, ExtrasOptions {}

/** Options of `attachments()`: every page by default. */
export interface AttachmentsOptions extends ListOptions, ExtrasOptions {}

/**
 * Attaches a file to a saved record (`POST /{module}/{id}/Attachments`), streamed from a file path, a Buffer or a
 * Readable (a stream is spooled to a temporary file first, so a retry can send it again; nothing is read into
 * memory). Returns the new `ZCRMAttachment` (id, created time and user; `fileName` when known), whose
 * `download()` and `delete()` work through the record.
 *
 * Checked before any request (statusCode 0): the record has an id; the source is a path to a readable file, a
 * Buffer or a stream. To attach a link, use {@link attachLink}.
 */
export async function attach(
  record: ExtrasRecord,
  source: UploadSource,
  options: AttachOptions = {},
): Promise<ZCRMAttachment> {
  const context = resolveRecord(record, 'attach', options);
  const upload = uploadOptionsFor(context.operation, source, options);
  return (await service.uploadAttachment(context.parent, source, upload)).data!;
}

/** Attaches a link to a saved record (`POST /{module}/{id}/Attachments?attachmentUrl=`); the URL must be http(s). */
export async function attachLink(
  record: ExtrasRecord,
  url: string,
  options: ExtrasOptions = {},
): Promise<ZCRMAttachment> {
  const context = resolveRecord(record, 'attachLink', options);
  requireHttpUrl(url, 'url', context.operation.replace(/\(\)$/, ''));
  return (await service.uploadLinkAsAttachment(context.parent, url)).data!;
}

/**
 * The record's attachments (`GET /{module}/{id}/Attachments`), files and links, every page unless `page` is
 * given; `[]` when it has none.
 */
export async function attachments(
  record: ExtrasRecord,
  options: AttachmentsOptions = {},
): Promise<ZCRMAttachment[]> {
  const context = resolveRecord(record, 'attachments', options);
  return collectPages(options, context.operation, (page, perPage) =>
    service.getAttachments(context.parent, { page, perPage }),
  );
}

/**
 * Downloads one of the record's attachments (`GET /{module}/{id}/Attachments/{attachment_id}`), given as an
 * attachment or its id, streaming it to `target`: a file path (written under a temporary name and renamed when
 * complete), an existing directory (the file keeps the name Zoho gives), or a writable stream (ended afterwards).
 * Link attachments cannot be downloaded (Zoho answers `INVALID_DATA`).
 */
export async function downloadAttachment(
  record: ExtrasRecord,
  attachment: ZCRMAttachment | string,
  target: DownloadTarget,
  options: FileDownloadOptions = {},
): Promise<DownloadedFile> {
  const context = resolveRecord(record, 'downloadAttachment', options);
  const attachmentId = idOf(attachment, 'attachment', context.operation);
  requireTarget(target, context.operation);
  const file = await service.downloadAttachment(context.parent, attachmentId, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return writeDownload(file, target);
}

/** Deletes one of the record's attachments (`DELETE /{module}/{id}/Attachments/{attachment_id}`). */
export async function removeAttachment(
  record: ExtrasRecord,
  attachment: ZCRMAttachment | string,
  options: ExtrasOptions = {},
): Promise<void> {
  const context = resolveRecord(record, 'removeAttachment', options);
  const attachmentId = idOf(attachment, 'attachment', context.operation);
  await service.deleteAttachment(context.parent, attachmentId);
}
