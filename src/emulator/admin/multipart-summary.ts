/** One part of a multipart body as the request log shows it: never the bytes of a file. */
export interface PartSummary {
  name?: string;
  fileName?: string;
  contentType?: string;
  size: number;
  /** A plain field's text, when short (the log redacts secret-named fields). */
  value?: string;
}

/** Plain field values longer than this are shown by size only. */
const MAX_FIELD_VALUE = 1024;
/** Part headers longer than this mean the body is not the multipart it claims to be. */
const MAX_HEADER_BYTES = 16 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Summarises a multipart body chunk by chunk as it streams past, holding only a delimiter's length of bytes (plus
 * the current part's headers), so a 20 MB upload costs no more memory than a small one.
 */
export class MultipartSummariser {
  readonly parts: PartSummary[] = [];
  /** Set when the body stops following the multipart format; the parts seen so far stay. */
  malformed = false;
  private readonly delimiter: Buffer;
  /** The body starts with `--boundary`, not `\r\n--boundary`: a virtual CRLF makes the first delimiter match. */
  private pending: Buffer = Buffer.from('\r\n');
  private state: 'preamble' | 'delimiter' | 'headers' | 'body' | 'done' = 'preamble';
  private current?: PartSummary;
  private fieldBytes: Buffer[] = [];

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /** The boundary of a `multipart/*` Content-Type, or `undefined` for any other. */
  static boundaryOf(contentType: string | undefined): string | undefined {
    if (!contentType || !/^multipart\//i.test(contentType)) return undefined;
    const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    return match ? (match[1] ?? match[2]) : undefined;
  }

  write(chunk: Buffer): void {
    if (this.state === 'done' || this.malformed) return;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.step());
  }

  /** Ends the summary: a part cut off by the end of the body is listed with the bytes it had. */
  end(): PartSummary[] {
    if (this.state === 'body') {
      this.consumeBody(this.pending);
      this.finishPart();
    }
    this.state = 'done';
    return this.parts;
  }

  /** Consumes what it can of `pending`; false when it needs more bytes. */
  private step(): boolean {
    switch (this.state) {
      case 'preamble':
      case 'body': {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          // Keep the bytes that may begin a delimiter split across chunks.
          const safe = Math.max(0, this.pending.length - (this.delimiter.length - 1));
          this.consumeBody(this.pending.subarray(0, safe));
          this.pending = this.pending.subarray(safe);
          return false;
        }
        this.consumeBody(this.pending.subarray(0, at));
        this.finishPart();
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = 'delimiter';
        return true;
      }
      case 'delimiter': {
        if (this.pending.length < 2) return false;
        const next = this.pending.subarray(0, 2).toString('latin1');
        if (next === '--') {
          this.state = 'done';
          return false;
        }
        // Transport padding after the boundary is allowed; the part's headers start after its CRLF.
        const eol = this.pending.indexOf('\r\n');
        if (eol < 0) return this.tooLong(this.pending.length);
        this.pending = this.pending.subarray(eol + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        // A part with no headers has its blank line right away.
        const end = this.pending.subarray(0, 2).equals(HEADER_END.subarray(2))
          ? -2
          : this.pending.indexOf(HEADER_END);
        if (end === -1) return this.tooLong(this.pending.length);
        this.current = partOf(end < 0 ? '' : this.pending.subarray(0, end).toString('utf8'));
        this.pending = this.pending.subarray(end + HEADER_END.length);
        this.state = 'body';
        return true;
      }
      default:
        return false;
    }
  }

  private consumeBody(bytes: Buffer): void {
    const part = this.current;
    if (!part || bytes.length === 0) return;
    part.size += bytes.length;
    if (part.fileName === undefined && part.size <= MAX_FIELD_VALUE) this.fieldBytes.push(Buffer.from(bytes));
  }

  private finishPart(): void {
    const part = this.current;
    if (part && part.fileName === undefined && part.size <= MAX_FIELD_VALUE)
      part.value = Buffer.concat(this.fieldBytes).toString('utf8');
    if (part) this.parts.push(part);
    this.current = undefined;
    this.fieldBytes = [];
  }

  private tooLong(length: number): boolean {
    if (length > MAX_HEADER_BYTES) this.malformed = true;
    return false;
  }
}

function partOf(headers: string): PartSummary {
  const part: PartSummary = { size: 0 };
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-type') part.contentType = value;
    if (name === 'content-disposition') {
      const fieldName = dispositionParam(value, 'name');
      const fileName = dispositionParam(value, 'filename');
      if (fieldName !== undefined) part.name = fieldName;
      if (fileName !== undefined) part.fileName = fileName;
    }
  }
  return part;
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim();
}
