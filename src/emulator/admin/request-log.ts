/** A bounded log of the requests the emulator served, read by tests through `GET /__emulator/requests`. */
export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  /** Path and query string, with token, code and secret values replaced by `***`. */
  url: string;
  path: string;
  status?: number;
  /** `grant_type` of token-endpoint calls. */
  grantType?: string;
  /** The user an API call was authenticated as. */
  user?: string;
}

const SECRET_PARAMS = /([?&](?:token|code|refresh_token|client_secret|access_token)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***');
}

export class RequestLog {
  /** A ring: once full, each entry overwrites the oldest (at `oldest`), so logging stays O(1) under load. */
  private entries: LoggedRequest[] = [];
  private oldest = 0;
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged = { seq: ++this.seq, ...entry };
    if (this.entries.length < this.capacity) this.entries.push(logged);
    else {
      this.entries[this.oldest] = logged;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
    return logged;
  }

  /** Oldest first. */
  list(): LoggedRequest[] {
    return this.entries.slice(this.oldest).concat(this.entries.slice(0, this.oldest));
  }

  clear(): void {
    this.entries = [];
    this.oldest = 0;
  }
}
