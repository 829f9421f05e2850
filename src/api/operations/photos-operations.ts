import type { Readable } from 'node:stream';
import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { requestDownload } from '../files/download';
import { UploadOptions, UploadSource, withUploadForm } from '../files/upload-source';

/** Record photo endpoints (https://www.zoho.com/crm/developer/docs/api/v2/upload-image.html): `/{module}/{id}/photo`. Answers are top-level `{code, message, status}`. */

export type AcknowledgementJson = Record<string, unknown>;

const photoPath = (module: string, recordId: string) =>
  `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/photo`;

/** POST `/{module}/{id}/photo`, multipart part `file`. */
export function uploadPhoto(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  source: UploadSource,
  options: UploadOptions = {},
): Promise<HttpResponse<AcknowledgementJson>> {
  return withUploadForm('file', 'file', source, options, (form) =>
    client.request<AcknowledgementJson>({ method: 'POST', path: photoPath(module, recordId), body: form }),
  );
}

/** GET `/{module}/{id}/photo`: the image as an unread stream; 204 when the record has no photo. */
export function downloadPhoto(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<HttpResponse<Readable>> {
  return requestDownload(client, { path: photoPath(module, recordId), ...options });
}

/** DELETE `/{module}/{id}/photo`. */
export function deletePhoto(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
): Promise<HttpResponse<AcknowledgementJson>> {
  return client.request<AcknowledgementJson>({ method: 'DELETE', path: photoPath(module, recordId) });
}
