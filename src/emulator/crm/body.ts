import { isUtf8 } from 'node:buffer';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from './zoho-error';

/**
 * Request bodies arrive as raw bytes whatever their Content-Type (Zoho's own Python SDK sends JSON with
 * none), and are parsed here so malformed JSON gets Zoho's error envelope instead of a framework error.
 */
export function readJson(request: FastifyRequest): unknown {
  const body = request.body;
  if (body === undefined || body === null) return undefined;
  const raw = Buffer.isBuffer(body) ? body : rawFormBody(body);
  if (!raw) return body;
  // Decoding would turn broken bytes into U+FFFD and store text the client never sent.
  if (!isUtf8(raw))
    throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' }, 'body is not valid UTF-8');
  const text = raw.toString('utf8').trim();
  if (text.length === 0) return undefined;
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw ApiErrors.invalidData(
      { expected_data_type: 'jsonobject' },
      `body is nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  try {
    // A `__proto__` key would swap an object's prototype when merged with Object.assign: drop it, as an unknown field.
    return text.includes('"__proto__"') ? JSON.parse(text, dropProtoKeys) : JSON.parse(text);
  } catch {
    // [I] Zoho's exact message for unparsable JSON is not documented; it answers INVALID_DATA.
    throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' }, 'body is not a valid JSON');
  }
}

/**
 * Deepest nesting of arrays and objects a body may have. [I] Zoho's limit is not documented; no CRM body comes
 * close (a subform row inside a record inside `data` is 5 levels), and handlers walk values recursively.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of `[`/`{` in JSON text, outside strings (the text need not be valid JSON). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function dropProtoKeys(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

const RAW_BODY = Symbol('rawBody');

/**
 * Parses an `application/x-www-form-urlencoded` body into fields (repeated keys become arrays), keeping the raw
 * bytes beside them: curl's `-d @record.json`, as in Zoho's own examples, sends JSON with that Content-Type.
 */
export function parseFormBody(raw: Buffer): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    if (key === '__proto__') continue;
    const seen = fields[key];
    fields[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  Object.defineProperty(fields, RAW_BODY, { value: raw, enumerable: false });
  return fields;
}

function rawFormBody(body: unknown): Buffer | undefined {
  return typeof body === 'object' && body !== null ? (body as { [RAW_BODY]?: Buffer })[RAW_BODY] : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{ "<key>": [ {...}, ... ] }` with Zoho's checks: present, an array of objects, at most `max` items. */
export function readItems(
  request: FastifyRequest,
  key = 'data',
  max = 100,
): { body: Record<string, unknown>; items: unknown[] } {
  const body = readJson(request);
  if (!isPlainObject(body)) throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' });
  const items = body[key];
  if (items === undefined || items === null) throw ApiErrors.mandatoryNotFound({ api_name: key });
  if (!Array.isArray(items)) throw ApiErrors.invalidData({ api_name: key, expected_data_type: 'jsonarray' });
  if (items.length === 0) throw ApiErrors.mandatoryNotFound({ api_name: key });
  if (items.length > max) throw ApiErrors.limitExceeded({ api_name: key, limit: max });
  return { body, items };
}

/** Splits a comma-separated query parameter, dropping empty entries. */
export function csv(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/**
 * Parses `page`/`per_page` with Zoho's defaults (page 1, 200 per page) and the 200-per-page ceiling.
 * `page=0` is the first page: Zoho's official Python client sends it by default (`get_records(..., page=0,
 * per_page=200)` in zoho/zcrm-python-sdk `zcrmsdk/Operations.py`) and Zoho serves page 1 for it.
 * `per_page` above 200 serves 200: the v2 Get Records page gives 200 as both default and maximum and documents no
 * error for more (https://www.zoho.com/crm/developer/docs/api/v2/get-records.html); only what is not a
 * non-negative integer is an error ("Positive Integer values only"). See docs/zoho-v2-notes.md §5.1.
 */
export function paging(
  query: Record<string, string | undefined>,
  defaultPerPage = 200,
): { page: number; perPage: number } {
  const page = query.page === undefined ? 1 : Number(query.page);
  const perPage = query.per_page === undefined ? defaultPerPage : Number(query.per_page);
  if (!Number.isInteger(page) || page < 0) throw ApiErrors.invalidData({ param: 'page' });
  if (!Number.isInteger(perPage) || perPage < 1) throw ApiErrors.invalidData({ param: 'per_page' });
  return { page: Math.max(page, 1), perPage: Math.min(perPage, 200) };
}

/** Slices a list into Zoho's `{data, info}` page, or `undefined` when the page is empty (→ 204). */
export function pageOf<T>(
  items: T[],
  page: number,
  perPage: number,
): { data: T[]; info: Record<string, unknown> } | undefined {
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  if (data.length === 0) return undefined;
  return {
    data,
    info: { per_page: perPage, count: data.length, page, more_records: start + perPage < items.length },
  };
}
