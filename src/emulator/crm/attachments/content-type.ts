/** Content types by file extension, for parts sent without one (Python `requests` labels none, so busboy says `text/plain`). */
const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Multipart parsers' defaults, which say nothing about the file. */
const GENERIC = new Set(['text/plain', 'application/octet-stream']);

/** The extension after the last dot, lower-cased (`''` when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The declared type, unless it is a parser default and the extension says more. */
export function contentTypeOf(fileName: string, declared: string | undefined): string {
  const fromName = BY_EXTENSION[extensionOf(fileName)];
  if (declared && !GENERIC.has(declared.toLowerCase())) return declared;
  return fromName ?? declared ?? 'application/octet-stream';
}

/** An extension for a content type (photos are served under a synthesised file name). */
export function extensionFor(contentType: string): string {
  const match = Object.entries(BY_EXTENSION).find(([, type]) => type === contentType);
  return match ? match[0] : 'bin';
}
