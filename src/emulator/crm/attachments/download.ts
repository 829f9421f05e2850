import type { CrmResult } from '../route';

/**
 * A file download as Zoho streams it: the bytes, their type, and `Content-Disposition` with both the plain
 * `filename` (ASCII fallback) and the RFC 5987 `filename*` form, which the v2 SDKs each parse differently.
 */
export function fileResponse(data: Buffer, fileName: string, contentType: string): CrmResult {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    status: 200,
    body: data,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`,
    },
  };
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
