import type { CrmResult } from '../route';

/**
 * Zoho labels every attachment download `application/x-download`, whatever the file, and names it in
 * `Content-Disposition`; clients pick their parser from the type, so the stored type of a `.txt` or `.json` file
 * would make them parse the bytes as an API answer (the official Node SDK 2.0 streams `application/x-download`
 * but reads `text/plain` and `application/json` as JSON: `getConverterClassInstance` in
 * `routes/middlewares/common_api_handler.js`). Photos keep their image type, which that SDK streams too.
 */
export const ATTACHMENT_DOWNLOAD_TYPE = 'application/x-download';

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
