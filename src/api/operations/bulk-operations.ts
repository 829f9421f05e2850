import type { Readable } from 'node:stream';
import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { ZCRMException } from '../../errors/zcrm-exception';
import { requestDownload } from '../files/download';
import { UploadOptions, UploadSource, withUploadForm } from '../files/upload-source';

/** Bulk Read and Bulk Write endpoints (https://www.zoho.com/crm/developer/docs/api/v2/bulk-read/overview.html): `/crm/bulk/v2/read|write`, and the file upload host. */

/** `{"data": [{status, code, message, details: {id, operation, state, …}}], "info": {}}` (create) or `{"data": [job]}` (status). */
export interface BulkReadJson {
  data?: Array<Record<string, unknown>>;
  info?: Record<string, unknown>;
}

/** Top-level acknowledgements (`{status, code, message, details}`) and write-job status objects. */
export type BulkWriteJson = Record<string, unknown>;

/** Download options: cancel with `signal`; `timeoutMs` bounds the wait for the response headers (default: the client's timeout), not the reading of the file. */
export interface DownloadOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** POST `/crm/bulk/v2/read` with the job definition (`query`, `callback`, `file_type`). */
export function createBulkReadJob(
  client: ZCRMRestClient,
  body: Record<string, unknown>,
): Promise<HttpResponse<BulkReadJson>> {
  return client.request<BulkReadJson>({ method: 'POST', path: '/crm/bulk/v2/read', body });
}

/** GET `/crm/bulk/v2/read/{job_id}`. */
export function getBulkReadJob(client: ZCRMRestClient, jobId: string): Promise<HttpResponse<BulkReadJson>> {
  return client.request<BulkReadJson>({ path: `/crm/bulk/v2/read/${encodeURIComponent(jobId)}` });
}

/** GET `/crm/bulk/v2/read/{job_id}/result`: the zipped CSV (or ICS), as an unread stream. */
export function downloadBulkReadResult(
  client: ZCRMRestClient,
  jobId: string,
  options: DownloadOptions = {},
): Promise<HttpResponse<Readable>> {
  return requestDownload(client, {
    path: `/crm/bulk/v2/read/${encodeURIComponent(jobId)}/result`,
    ...options,
  });
}

/**
 * POST `{upload host}/crm/v2/upload` with headers `feature: bulk-write` and `X-CRM-ORG: <zgid>`, multipart part
 * `file` = a zip holding one CSV. The upload host is the DC's `content.` host for Zoho API hosts, and the
 * configured API base URL otherwise (the emulator, a proxy); `uploadUrl` overrides both.
 */
export function uploadBulkWriteFile(
  client: ZCRMRestClient,
  orgId: string,
  source: UploadSource,
  options: UploadOptions & { uploadUrl?: string } = {},
): Promise<HttpResponse<BulkWriteJson>> {
  const url = options.uploadUrl ?? bulkUploadUrl(client);
  return withUploadForm(
    'file',
    'file',
    source,
    { contentType: 'application/zip', ...options },
    async (form) => {
      try {
        return await client.request<BulkWriteJson>({
          method: 'POST',
          path: trustedUrl(client, url),
          headers: { feature: 'bulk-write', 'X-CRM-ORG': orgId },
          body: form,
        });
      } catch (err) {
        throw headerError(err) ?? err;
      }
    },
  );
}

/** The upload host's own error body (`{"x-error": …, "info": "Forbidden"}`) as an exception with its text. */
function headerError(err: unknown): ZCRMException | undefined {
  if (!(err instanceof ZCRMException)) return undefined;
  const body = err.errorContent as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || typeof body['x-error'] !== 'string') return undefined;
  return new ZCRMException({
    statusCode: err.statusCode,
    errorCode: 'INVALID_BULK_WRITE_HEADERS',
    errorMessage: `${body['x-error']} (is orgId the org's zgid?)`,
    errorContent: body,
    url: err.url,
  });
}

/** POST `/crm/bulk/v2/write` with the job definition (`operation`, `resource`, `callback`, `character_encoding`). */
export function createBulkWriteJob(
  client: ZCRMRestClient,
  body: Record<string, unknown>,
): Promise<HttpResponse<BulkWriteJson>> {
  return client.request<BulkWriteJson>({ method: 'POST', path: '/crm/bulk/v2/write', body });
}

/** GET `/crm/bulk/v2/write/{job_id}`. */
export function getBulkWriteJob(client: ZCRMRestClient, jobId: string): Promise<HttpResponse<BulkWriteJson>> {
  return client.request<BulkWriteJson>({ path: `/crm/bulk/v2/write/${encodeURIComponent(jobId)}` });
}

/**
 * GET the job's `result.download_url` (a zip of result CSVs). The access token goes only to Zoho hosts or the
 * configured API/upload origin: any other URL is refused before a request is made.
 */
export function downloadBulkWriteResult(
  client: ZCRMRestClient,
  downloadUrl: string,
  options: DownloadOptions = {},
): Promise<HttpResponse<Readable>> {
  return requestDownload(client, { path: trustedUrl(client, downloadUrl), ...options });
}

/** Where bulk-write files are uploaded for this client's configuration. */
export function bulkUploadUrl(client: ZCRMRestClient): string {
  const { apiBaseUrl } = client.config;
  const host = new URL(apiBaseUrl).hostname;
  const zoho = /^(?:www|sandbox|developer)\.(zohoapis\.[a-z.]+)$/i.exec(host);
  if (zoho) return `https://content.${zoho[1]}/crm/v2/upload`;
  return `${apiBaseUrl}/crm/${client.config.apiVersion}/upload`;
}

const ZOHO_HOST = /(^|\.)(zoho|zohoapis|zohocloud)\.(com|eu|in|com\.au|com\.cn|jp|ca|sa|uk)$/i;

/**
 * `url` as a request path: relative URLs (`/crm/bulk/v2/…`) go to the API host; absolute ones must be https on a
 * Zoho domain, or on the configured API base URL's origin (the emulator), since the request carries the token.
 */
export function trustedUrl(client: ZCRMRestClient, url: string): string {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw untrusted(url, 'it is not a valid URL');
  }
  const apiOrigin = new URL(client.config.apiBaseUrl).origin;
  if (parsed.origin === apiOrigin) return parsed.href;
  if (parsed.protocol === 'https:' && ZOHO_HOST.test(parsed.hostname)) return parsed.href;
  throw untrusted(
    url,
    'it is neither a Zoho https host nor the configured API host, and the request would carry the access token',
  );
}

function untrusted(url: string, why: string): ZCRMException {
  return new ZCRMException({ errorCode: 'UNTRUSTED_URL', errorMessage: `Refusing to call ${url}: ${why}` });
}
