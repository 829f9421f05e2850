import * as ops from '../operations/attachments-operations';
import { infoOf, listOf } from '../operations/item-results';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { FileAPIResponse } from '../responses/file-api-response';
import type { PreparedUpload, UploadOptions, UploadSource } from '../files/upload-source';
import { PageOptions, paging, requireHttpUrl, requireId, requireRecordId } from '../support/checks';
import { singleWrite } from '../support/single-write';
import { ZCRMAttachment } from '../entities/zcrm-attachment';
import type { ZCRMRecord } from '../entities/zcrm-record';

/**
 * A record's attachments (seed `ZCRMRecord.get_attachments` … `delete_attachment`), as functions of the record:
 * the one implementation behind `ZCRMRecord`'s attachment methods and the ORM's (`invoice.attach()` …). A note's
 * attachments use the same calls on the note as a `Notes` record (`ZCRMNote` does this for you).
 */

/** Options of downloads. */
export interface DownloadOptions {
  /** Cancels the download. */
  signal?: AbortSignal;
  /** Bounds the wait for the response headers (default: the client's timeout); reading the body is the caller's. */
  timeoutMs?: number;
}

/** Lists the record's attachments (`GET /{module}/{id}/Attachments`); `page` defaults to 1, `perPage` to 20. An empty list is a `noData` result. */
export async function getAttachments(
  record: ZCRMRecord,
  options: PageOptions = {},
): Promise<BulkAPIResponse<ZCRMAttachment>> {
  const id = requireRecordId(record, 'getAttachments');
  const response = await ops.listAttachments(
    record.client,
    record.moduleApiName,
    id,
    paging(options, { page: 1, perPage: 20 }, 'getAttachments'),
  );
  const data = listOf(response, 'data').map((json) =>
    ZCRMAttachment.fromJson(json, record, record.explicitClient),
  );
  return new BulkAPIResponse(response, { data, info: infoOf(response) });
}

/**
 * Uploads a file as an attachment (`POST /{module}/{id}/Attachments`), streamed from a path, a Buffer or a
 * Readable (`options.fileName` names Buffers and streams; a stream is spooled to a temporary file first, so a
 * retry can send it again). `data` is the new attachment: id, created time and user, file name, type and size.
 */
export async function uploadAttachment(
  record: ZCRMRecord,
  source: UploadSource,
  options: UploadOptions = {},
): Promise<APIResponse<ZCRMAttachment>> {
  const id = requireRecordId(record, 'uploadAttachment');
  let file: PreparedUpload | undefined;
  const { response, item } = await singleWrite(() =>
    ops.uploadAttachment(record.client, record.moduleApiName, id, source, options, (f) => (file = f)),
  );
  const attachment = newAttachment(record, id, item.details);
  const fileName = file!.fileName;
  attachment.fileName = fileName;
  attachment.size = file!.size;
  const dot = fileName.lastIndexOf('.');
  if (dot > 0 && dot < fileName.length - 1) attachment.fileType = fileName.slice(dot + 1).toLowerCase();
  attachment.linkUrl = null;
  return new APIResponse(response, attachment, item);
}

/** Attaches a link (`POST /{module}/{id}/Attachments?attachmentUrl=`); the URL must be http(s). */
export async function uploadLinkAsAttachment(
  record: ZCRMRecord,
  linkUrl: string,
): Promise<APIResponse<ZCRMAttachment>> {
  const id = requireRecordId(record, 'uploadLinkAsAttachment');
  requireHttpUrl(linkUrl, 'url', 'uploadLinkAsAttachment');
  const { response, item } = await singleWrite(() =>
    ops.uploadLinkAttachment(record.client, record.moduleApiName, id, linkUrl),
  );
  const attachment = newAttachment(record, id, item.details);
  attachment.linkUrl = linkUrl;
  return new APIResponse(response, attachment, item);
}

/**
 * Downloads an attachment (`GET /{module}/{id}/Attachments/{attachment_id}`) as a stream: write it with
 * `writeTo(pathOrDirOrStream)`. Link attachments cannot be downloaded (Zoho answers `INVALID_DATA`).
 */
export async function downloadAttachment(
  record: ZCRMRecord,
  attachmentId: string,
  options: DownloadOptions = {},
): Promise<FileAPIResponse> {
  const id = requireRecordId(record, 'downloadAttachment');
  requireId(attachmentId, 'attachmentId', 'downloadAttachment');
  const response = await ops.downloadAttachment(
    record.client,
    record.moduleApiName,
    id,
    attachmentId,
    options,
  );
  return new FileAPIResponse(response, `attachment-${attachmentId}`);
}

/** Deletes an attachment (`DELETE /{module}/{id}/Attachments/{attachment_id}`); `data` is the deleted attachment (id only). */
export async function deleteAttachment(
  record: ZCRMRecord,
  attachmentId: string,
): Promise<APIResponse<ZCRMAttachment>> {
  const id = requireRecordId(record, 'deleteAttachment');
  requireId(attachmentId, 'attachmentId', 'deleteAttachment');
  const { response, item } = await singleWrite(() =>
    ops.deleteAttachment(record.client, record.moduleApiName, id, attachmentId),
  );
  return new APIResponse(response, new ZCRMAttachment(record, attachmentId), item);
}

/** The attachment a write made, hanging off `record`. */
function newAttachment(record: ZCRMRecord, recordId: string, details: unknown): ZCRMAttachment {
  const attachment = new ZCRMAttachment(record);
  attachment.applyWriteDetails(details);
  attachment.parentModule = record.moduleApiName;
  attachment.parentId = recordId;
  return attachment;
}
