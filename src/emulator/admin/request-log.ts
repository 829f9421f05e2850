import { CapturedBody, renderBody } from './body-capture';

export { redactUrl } from './redact';

/** A bounded log of the requests the emulator served, read by tests through `GET /__emulator/requests`. */
export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  /** Path and query string, with the values of token, code and secret parameters replaced by `***`. */
  url: string;
  path: string;
  status?: number;
  /** `grant_type` of token-endpoint calls. */
  grantType?: string;
  /** The user an API call was authenticated as. */
  user?: string;
  /** Request headers, `Authorization` and other secret ones redacted. */
  headers?: Record<string, string>;
  /**
   * The request body, redacted and bounded (see `renderBody`); absent when there was none. Once the log's bodies
   * pass its byte budget the oldest give way to `{dropped: true, size}`.
   */
  body?: unknown;
}

/** An entry as stored: the body stays raw until the log is read. */
type StoredRequest = Omit<LoggedRequest, 'body'> & { capturedBody?: CapturedBody; droppedBodySize?: number };

/** Bytes of request bodies the log keeps by default (up to 64 KiB each), so a load test cannot exhaust memory. */
export const BODY_BUDGET = 32 * 1024 * 1024;

export class RequestLog {
  /** A ring: once full, each entry overwrites the oldest (at `oldest`), so logging stays O(1) under load. */
  private entries: StoredRequest[] = [];
  private oldest = 0;
  private seq = 0;
  /** Entries holding a body, oldest first from `bodyHead`, and the bytes those bodies hold. */
  private withBodies: StoredRequest[] = [];
  private bodyHead = 0;
  private bodyBytes = 0;

  constructor(
    private readonly capacity = 10_000,
    private readonly bodyBudget = BODY_BUDGET,
  ) {}

  add(entry: Omit<StoredRequest, 'seq'>): void {
    const logged = { seq: ++this.seq, ...entry };
    if (this.entries.length < this.capacity) this.entries.push(logged);
    else {
      this.entries[this.oldest] = logged;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
    if (logged.capturedBody) this.keepBody(logged);
  }

  private keepBody(entry: StoredRequest): void {
    this.withBodies.push(entry);
    this.bodyBytes += entry.capturedBody!.headBytes;
    while (this.bodyBytes > this.bodyBudget && this.bodyHead < this.withBodies.length) {
      const old = this.withBodies[this.bodyHead++];
      this.bodyBytes -= old.capturedBody!.headBytes;
      old.droppedBodySize = old.capturedBody!.size;
      old.capturedBody = undefined;
    }
    if (this.bodyHead > 1024 && this.bodyHead * 2 > this.withBodies.length) {
      this.withBodies = this.withBodies.slice(this.bodyHead);
      this.bodyHead = 0;
    }
  }

  /** Oldest first. */
  list(): LoggedRequest[] {
    return this.entries
      .slice(this.oldest)
      .concat(this.entries.slice(0, this.oldest))
      .map(({ capturedBody, droppedBodySize, ...entry }) => ({
        ...entry,
        body:
          droppedBodySize === undefined ? renderBody(capturedBody) : { dropped: true, size: droppedBodySize },
      }));
  }

  clear(): void {
    this.entries = [];
    this.oldest = 0;
    this.withBodies = [];
    this.bodyHead = 0;
    this.bodyBytes = 0;
  }
}
