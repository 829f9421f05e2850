import type { Readable } from 'node:stream';

/** Largest body read from a streamed response that is not handed on as a stream (Zoho's error envelopes are a few hundred bytes). */
export const MAX_BUFFERED_STREAM_BYTES = 1024 * 1024;

/**
 * Reads at most `maxBytes` of `stream` and destroys it (which releases a keep-alive socket only when the body was
 * not read to its end). A stream error rejects, so the caller can classify it (timeout, abort, reset).
 */
export async function readBounded(stream: Readable, maxBytes = MAX_BUFFERED_STREAM_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buffer);
      size += buffer.length;
      if (size >= maxBytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

/** A body as the JSON transport would have given it: parsed JSON, else the text; undefined when empty. */
export function parseBody(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
