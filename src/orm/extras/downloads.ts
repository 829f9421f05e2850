import { Writable } from 'node:stream';
import type { FileAPIResponse } from '../../api/responses/file-api-response';
import { ValidationException } from '../../errors/validation-exception';
import { describeValue } from '../../api/support/describe-value';
import type { ExtrasOptions } from './record-context';

/** Where a download goes: a file path, an existing directory (the file keeps its name), or a writable stream. */
export type DownloadTarget = string | Writable;

/** Options of downloads. */
export interface FileDownloadOptions extends ExtrasOptions {
  /** Cancels the download. */
  signal?: AbortSignal;
  /** Bounds the whole download, body included (default: the client's timeout). */
  timeoutMs?: number;
}

/** What a download wrote. */
export interface DownloadedFile {
  /** The file written (absolute), or undefined when the target was a stream. */
  path?: string;
  /** The file name Zoho gave (`Content-Disposition`), or the fallback. */
  fileName?: string;
  /** `Content-Type`, e.g. `application/pdf`. */
  contentType?: string;
  /** `Content-Length`, when the server sent it. */
  contentLength?: number;
}

/** Checks a download target before any request. */
export function requireTarget(target: unknown, operation: string): DownloadTarget {
  if ((typeof target === 'string' && target.trim() !== '') || target instanceof Writable) {
    return target;
  }
  throw ValidationException.invalidInput(
    'target',
    `${operation} needs a file path, a directory or a writable stream to write to, got ${describeValue(target)}`,
  );
}

/** Streams a download to its target (never buffering it) and describes what was written. */
export async function writeDownload(file: FileAPIResponse, target: DownloadTarget): Promise<DownloadedFile> {
  const path = await file.writeTo(target);
  const written: DownloadedFile = {};
  if (path !== undefined) written.path = path;
  if (file.fileName !== undefined) written.fileName = file.fileName;
  if (file.contentType !== undefined) written.contentType = file.contentType;
  if (file.contentLength !== undefined) written.contentLength = file.contentLength;
  return written;
}
