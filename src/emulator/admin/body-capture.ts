import { Transform, TransformCallback } from 'node:stream';
import { MultipartSummariser } from './multipart-summary';
import { isSecretName, REDACTED, redactJson, redactText } from './redact';

/** Bodies larger than this are logged cut to this many bytes, with their size. */
export const LOGGED_BODY_LIMIT = 64 * 1024;

/** What the request log keeps of a request body while it streams to the route: a head of it, or a parts summary. */
export interface CapturedBody {
  size: number;
  contentType?: string;
  /** Up to `LOGGED_BODY_LIMIT` first bytes (not kept for multipart bodies). */
  head: Buffer[];
  headBytes: number;
  multipart?: MultipartSummariser;
}

/**
 * Watches a request body as it streams to the route and records what the log shows of it. Raw bytes stay here and
 * are parsed and redacted only when the log is read, so serving a request costs one copy of at most 64 KiB.
 *
 * `payload` is the stream fastify's preParsing hook receives; the returned stream replaces it. Multipart bodies are
 * read by `@fastify/multipart` from the raw request, not from that stream, so they are watched in place instead:
 * pausing first keeps the watcher from starting the flow before the multipart parser pipes the request.
 */
export function captureBody(
  payload: NodeJS.ReadableStream,
  contentType: string | undefined,
): { stream: NodeJS.ReadableStream; captured: CapturedBody } {
  const boundary = MultipartSummariser.boundaryOf(contentType);
  const captured: CapturedBody = {
    size: 0,
    contentType,
    head: [],
    headBytes: 0,
    multipart: boundary === undefined ? undefined : new MultipartSummariser(boundary),
  };
  const record = (chunk: Buffer): void => {
    captured.size += chunk.length;
    if (captured.multipart) captured.multipart.write(chunk);
    else if (captured.headBytes < LOGGED_BODY_LIMIT) {
      const take = chunk.subarray(0, LOGGED_BODY_LIMIT - captured.headBytes);
      captured.head.push(Buffer.from(take));
      captured.headBytes += take.length;
    }
  };
  if (captured.multipart) {
    payload.pause();
    payload.on('data', record);
    return { stream: payload, captured };
  }
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      record(chunk);
      // Fastify checks the body limit and Content-Length against this when a preParsing hook swaps the stream.
      (stream as Transform & { receivedEncodedLength: number }).receivedEncodedLength = captured.size;
      done(null, chunk);
    },
  });
  // An aborted upload is the body parser's error to report; the watcher only passes it on.
  payload.on('error', (error: Error) => stream.destroy(error));
  stream.on('error', () => undefined);
  payload.pipe(stream);
  return { stream, captured };
}

/**
 * A body as the log shows it, secrets always redacted: the parsed JSON or form fields; `{truncated, size, text}`
 * past `LOGGED_BODY_LIMIT`; `{multipart: PartSummary[], size}` for multipart; `undefined` when there is none.
 */
export function renderBody(captured: CapturedBody | undefined): unknown {
  if (!captured || captured.size === 0) return undefined;
  if (captured.multipart) {
    const parts = captured.multipart
      .end()
      .map((part) =>
        part.value !== undefined && part.name !== undefined && isSecretName(part.name)
          ? { ...part, value: REDACTED }
          : part,
      );
    return {
      multipart: parts,
      size: captured.size,
      ...(captured.multipart.malformed ? { malformed: true } : {}),
    };
  }
  const text = Buffer.concat(captured.head).toString('utf8');
  if (captured.size > LOGGED_BODY_LIMIT)
    return { truncated: true, size: captured.size, text: redactText(text) };
  try {
    return redactJson(JSON.parse(text));
  } catch {
    // Not JSON: an OAuth form body, or any other text.
  }
  if (/^application\/x-www-form-urlencoded/i.test(captured.contentType ?? ''))
    return redactJson(Object.fromEntries(new URLSearchParams(text)));
  return redactText(text);
}
