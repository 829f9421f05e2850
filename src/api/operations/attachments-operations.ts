import type { Readable } from 'node:stream';
import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { requestDownload } from '../files/download';
import { PreparedUpload, UploadOptions, UploadSource, withUploadForm } from '../files/upload-source';
import type { WriteResultsJson } from './notes-operations';

/** Attachments endpoints (https://www.zoho.com/crm/developer/docs/api/v2/get-attachments.html): `/{module}/{id}/Attachments[/{attachment_id}]`, notes included (`Notes/{id}/…`). */

export interface AttachmentsListJson {
  data?: Record<string, unknown>[];
  info?: Record<string, unknown>;
}

const attachmentsPath = (module: string, recordId: string) =>
  `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/Attachments`;

/** GET `/{module}/{id}/Attachments?page&per_page`. */
export function listAttachments(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  params: { page?: number; perPage?: number } = {},
): Promise<HttpResponse<AttachmentsListJson>> {
  return client.request<AttachmentsListJson>({
    path: attachmentsPath(module, recordId),
    params: { page: params.page, per_page: params.perPage },
  });
}

/**
 * POST `/{module}/{id}/Attachments`, multipart part `file`, streamed from a path, Buffer or stream;
 * `onPrepared` learns the file's name and size before it is sent (Zoho's answer holds neither).
 */
export function uploadAttachment(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  source: UploadSource,
  options: UploadOptions = {},
  onPrepared?: (file: PreparedUpload) => void,
): Promise<HttpResponse<WriteResultsJson>> {
  return withUploadForm('file', 'file', source, options, (form, file) => {
    onPrepared?.(file);
    return client.request<WriteResultsJson>({
      method: 'POST',
      path: attachmentsPath(module, recordId),
      body: form,
    });
  });
}

/** POST `/{module}/{id}/Attachments?attachmentUrl=<url>`: a link attachment (no body). */
export function uploadLinkAttachment(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  url: string,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'POST',
    path: attachmentsPath(module, recordId),
    params: { attachmentUrl: url },
  });
}

/** GET `/{module}/{id}/Attachments/{attachment_id}`: the file, as an unread stream. */
export function downloadAttachment(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  attachmentId: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<HttpResponse<Readable>> {
  return requestDownload(client, {
    path: `${attachmentsPath(module, recordId)}/${encodeURIComponent(attachmentId)}`,
    ...options,
  });
}

/** DELETE `/{module}/{id}/Attachments/{attachment_id}`. */
export function deleteAttachment(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  attachmentId: string,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'DELETE',
    path: `${attachmentsPath(module, recordId)}/${encodeURIComponent(attachmentId)}`,
  });
}
