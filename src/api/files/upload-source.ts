import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationException } from '../../errors/validation-exception';
import { safeFileName } from './content-disposition';

/** What is sent of an upload: the name Zoho stores, the size in bytes and the MIME type. */
export interface PreparedUpload {
  fileName: string;
  size: number;
  contentType: string;
}

/** What an upload accepts: a file path, the bytes, or a readable stream of them. */
export type UploadSource = string | Buffer | Uint8Array | Readable;

/** How to label an upload. Paths default to their base name; Buffers and streams to `file`. */
export interface UploadOptions {
  /** The file name Zoho stores (attachments list it as `File_Name`). */
  fileName?: string;
  /** MIME type; inferred from the file name's extension when omitted. */
  contentType?: string;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
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

/** The MIME type for a file name's extension, or `application/octet-stream`. */
export function mimeTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot >= 0 && MIME_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

/** True for values {@link withUploadForm} accepts. */
export function isUploadSource(value: unknown): value is UploadSource {
  return (
    (typeof value === 'string' && value.length > 0) ||
    value instanceof Uint8Array ||
    value instanceof Readable
  );
}

/**
 * Runs `send` with a multipart form whose part `field` holds the upload (and what it holds), without reading the file into
 * memory: a path becomes a file-backed Blob (`fs.openAsBlob`); a stream is first spooled to a temporary file
 * (removed afterwards), so the body can be sent again if the request is retried. `what` names the argument in
 * errors. A missing source or a path that is not a readable file fails before any request (statusCode 0).
 */
export async function withUploadForm<T>(
  what: string,
  field: string,
  source: UploadSource | undefined | null,
  options: UploadOptions,
  send: (form: FormData, file: PreparedUpload) => Promise<T>,
  extraFields: Record<string, string> = {},
): Promise<T> {
  if (!isUploadSource(source)) {
    throw ValidationException.invalidInput(what, 'a file path, a Buffer or a Readable stream must be given');
  }
  let spoolDir: string | undefined;
  try {
    let blobPath: string | undefined;
    let defaultName = 'file';
    if (typeof source === 'string') {
      const info = await stat(source).catch(() => undefined);
      if (!info?.isFile()) throw ValidationException.invalidInput(what, `no readable file at ${source}`);
      blobPath = source;
      defaultName = path.basename(source);
    } else if (source instanceof Readable) {
      spoolDir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-upload-'));
      blobPath = path.join(spoolDir, 'upload');
      await pipeline(source, createWriteStream(blobPath));
    }
    const fileName = (options.fileName && safeFileName(options.fileName)) || defaultName;
    const type = options.contentType ?? mimeTypeOf(fileName);
    const blob =
      blobPath !== undefined
        ? await openAsBlob(blobPath, { type })
        : new Blob([source as Uint8Array], { type });
    const form = new FormData();
    for (const [key, value] of Object.entries(extraFields)) form.append(key, value);
    form.append(field, blob, fileName);
    return await send(form, { fileName, size: blob.size, contentType: type });
  } finally {
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
  }
}
