import path from 'node:path';
import * as ops from '../../api/operations/attachments-operations';
import { ZCRMAttachment } from '../../api/entities/zcrm-attachment';
import { FileAPIResponse } from '../../api/responses/file-api-response';
import { safeFileName } from '../../api/files/content-disposition';
import { UploadOptions, UploadSource } from '../../api/files/upload-source';
import { singleWrite } from '../../api/support/single-write';
import { ValidationException } from '../../errors/validation-exception';
import {
  DownloadedFile,
  FileDownloadOptions,
  DownloadTarget,
  requireTarget,
  writeDownload,
} from './downloads';
import { collectPages, ListOptions } from './pages';
import {
  describe,
  ExtrasOptions,
  ExtrasRecord,
  idOf,
  parentRecordOf,
  resolveRecord,
  uploadOptionsFor,
} from './record-context';

/** Options of {@link attach}: how to name the upload (paths default to their base name, Buffers and streams to `file`). */
export interface AttachOptions extends UploadOptions, ExtrasOptions {}

/** Options of {@link attachments}: every page by default. */
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
  const { item } = await singleWrite(() =>
    ops.uploadAttachment(context.client, context.moduleApiName, context.id, source, upload),
  );
  const attachment = ZCRMAttachment.getInstance(parentRecordOf(context));
  attachment.applyWriteDetails(item.details);
  const fileName =
    (options.fileName !== undefined ? safeFileName(options.fileName) : undefined) ??
    (typeof source === 'string' ? path.basename(source) : 'file');
  attachment.fileName = fileName;
  const dot = fileName.lastIndexOf('.');
  if (dot > 0 && dot < fileName.length - 1) attachment.fileType = fileName.slice(dot + 1).toLowerCase();
  attachment.parentModule = context.moduleApiName;
  attachment.parentId = context.id;
  attachment.linkUrl = null;
  return attachment;
}

/** Attaches a link to a saved record (`POST /{module}/{id}/Attachments?attachmentUrl=`); the URL must be http(s). */
export async function attachLink(
  record: ExtrasRecord,
  url: string,
  options: ExtrasOptions = {},
): Promise<ZCRMAttachment> {
  const context = resolveRecord(record, 'attachLink', options);
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    throw ValidationException.invalidInput(
      'url',
      `${context.operation} needs an http(s) URL, got ${describe(url)}`,
    );
  }
  const { item } = await singleWrite(() =>
    ops.uploadLinkAttachment(context.client, context.moduleApiName, context.id, url),
  );
  const attachment = ZCRMAttachment.getInstance(parentRecordOf(context));
  attachment.applyWriteDetails(item.details);
  attachment.linkUrl = url;
  attachment.parentModule = context.moduleApiName;
  attachment.parentId = context.id;
  return attachment;
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
  const parent = parentRecordOf(context);
  return collectPages(
    options,
    context.operation,
    (page, perPage) =>
      ops.listAttachments(context.client, context.moduleApiName, context.id, { page, perPage }),
    (json) => ZCRMAttachment.fromJson(json, parent, context.client),
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
  const response = await ops.downloadAttachment(
    context.client,
    context.moduleApiName,
    context.id,
    attachmentId,
    {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    },
  );
  return writeDownload(new FileAPIResponse(response, `attachment-${attachmentId}`), target);
}

/** Deletes one of the record's attachments (`DELETE /{module}/{id}/Attachments/{attachment_id}`). */
export async function removeAttachment(
  record: ExtrasRecord,
  attachment: ZCRMAttachment | string,
  options: ExtrasOptions = {},
): Promise<void> {
  const context = resolveRecord(record, 'removeAttachment', options);
  const attachmentId = idOf(attachment, 'attachment', context.operation);
  await singleWrite(() =>
    ops.deleteAttachment(context.client, context.moduleApiName, context.id, attachmentId),
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
