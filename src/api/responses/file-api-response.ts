import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { HttpResponse } from '../../http/http-types';
import { fileNameFromContentDisposition, safeFileName } from '../files/content-disposition';
import { CommonAPIResponse } from './common-api-response';

/**
 * A download (attachment, photo, bulk result): the body is an unread stream, never buffered in memory.
 * Consume it once, with {@link writeTo} (a file, a directory or a writable stream) or by reading
 * {@link stream} yourself; call {@link discard} if you do not want it, so the connection is released.
 * A 204 No Content answer (no photo, nothing to download) is a `noData` result without a stream.
 */
export class FileAPIResponse extends CommonAPIResponse {
  /** `success` when a file came back; undefined for a 204/304 "no data" answer. */
  readonly status?: 'success';
  /**
   * The file name from `Content-Disposition` (`filename*=UTF-8''…` preferred over `filename="…"`), stripped of
   * any directory part; else the fallback the call supplied (e.g. `<jobId>.zip`); else undefined.
   */
  readonly fileName?: string;
  /** `Content-Type` of the file, e.g. `image/png`, `application/zip`. */
  readonly contentType?: string;
  /** `Content-Length`, when the server sent it. */
  readonly contentLength?: number;
  private body?: Readable;
  private consumed = false;

  constructor(response: HttpResponse<unknown>, fallbackFileName?: string) {
    super(response);
    const header = (name: string) => response.headers[name];
    if (!response.noData) this.status = 'success';
    this.fileName =
      fileNameFromContentDisposition(header('content-disposition')) ??
      (fallbackFileName ? safeFileName(fallbackFileName) : undefined);
    const contentType = header('content-type');
    if (contentType) this.contentType = contentType.split(';')[0].trim();
    const length = Number(header('content-length'));
    if (header('content-length') !== undefined && Number.isInteger(length) && length >= 0)
      this.contentLength = length;
    if (!response.noData && response.data instanceof Readable) this.body = response.data;
  }

  /** The file's bytes as a readable stream (undefined for a no-data answer). Reading it consumes the response. */
  get stream(): Readable | undefined {
    return this.body;
  }

  /** The seed's `get_response_stream()`. */
  getResponseStream(): Readable | undefined {
    return this.body;
  }

  /**
   * Streams the file to `target` and resolves when every byte is written:
   * - an existing directory, or a path ending in a separator (created if missing): the file goes there under
   *   {@link fileName};
   * - any other path: the file is written at exactly that path (its directory is created if missing).
   * Files are written to a temporary name and renamed when complete, so a failed download leaves no partial
   * file behind. A writable stream receives the bytes (it is ended afterwards).
   * Resolves with the path written, or undefined for a stream target.
   */
  async writeTo(target: string | Writable): Promise<string | undefined> {
    const source = this.take();
    if (typeof target !== 'string') {
      await pipeline(source, target);
      return undefined;
    }
    const destination = await this.destinationPath(target, source);
    await mkdir(path.dirname(destination), { recursive: true });
    const partial = `${destination}.${process.pid}.${Date.now()}.part`;
    try {
      await pipeline(source, createWriteStream(partial));
      await rename(partial, destination);
    } catch (err) {
      await rm(partial, { force: true });
      throw err instanceof ZCRMException
        ? err
        : ZCRMException.unexpected(`Writing the download to ${destination} failed`, err, this.url);
    }
    return destination;
  }

  /** Drops the body unread, releasing the connection. Safe to call more than once. */
  discard(): void {
    this.consumed = true;
    this.body?.destroy();
  }

  private take(): Readable {
    if (!this.body) {
      throw new ZCRMException({
        statusCode: this.statusCode,
        errorCode: 'NO_CONTENT',
        errorMessage: `There is no file to write: the server answered ${this.statusCode} without a body`,
        url: this.url,
      });
    }
    if (this.consumed) {
      throw new ZCRMException({
        errorCode: 'STREAM_CONSUMED',
        errorMessage: 'The download was already written or discarded; a response body can be read only once',
        url: this.url,
      });
    }
    this.consumed = true;
    return this.body;
  }

  private async destinationPath(target: string, source: Readable): Promise<string> {
    const isDirectory =
      /[/\\]$/.test(target) ||
      (await stat(target).then(
        (s) => s.isDirectory(),
        () => false,
      ));
    if (!isDirectory) return path.resolve(target);
    if (!this.fileName) {
      source.destroy();
      throw new ZCRMException({
        errorCode: 'NO_FILE_NAME',
        errorMessage: `The download carries no file name, so it cannot be written into the directory ${target}; give a file path instead`,
        url: this.url,
      });
    }
    return path.resolve(target, this.fileName);
  }
}
