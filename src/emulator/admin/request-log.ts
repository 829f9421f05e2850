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
  /** The request body, redacted and bounded (see `renderBody`); absent when there was none. */
  body?: unknown;
}

/** An entry as stored: the body stays raw until the log is read. */
type StoredRequest = Omit<LoggedRequest, 'body'> & { capturedBody?: CapturedBody };

export class RequestLog {
  /** A ring: once full, each entry overwrites the oldest (at `oldest`), so logging stays O(1) under load. */
  private entries: StoredRequest[] = [];
  private oldest = 0;
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<StoredRequest, 'seq'>): void {
    const logged = { seq: ++this.seq, ...entry };
    if (this.entries.length < this.capacity) this.entries.push(logged);
    else {
      this.entries[this.oldest] = logged;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  list(): LoggedRequest[] {
    return this.entries
      .slice(this.oldest)
      .concat(this.entries.slice(0, this.oldest))
      .map(({ capturedBody, ...entry }) => ({ ...entry, body: renderBody(capturedBody) }));
  }

  clear(): void {
    this.entries = [];
    this.oldest = 0;
  }
}
