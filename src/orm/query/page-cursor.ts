import { createHash } from 'node:crypto';
import { OrmErrors } from '../errors/orm-errors';

/**
 * The opaque cursors of `findPage`: where the next page starts (an offset into the query's records) and
 * a fingerprint of the query they belong to, so a cursor given back with another `where` or `order` is
 * refused instead of paging the wrong list. Zoho's v2 list API has no `page_token` (it came with v7:
 * https://www.zoho.com/crm/developer/docs/api/v7/get-records.html), so pages are offsets in a fixed order.
 */
interface CursorBody {
  v: 1;
  /** The query's fingerprint. */
  q: string;
  /** How many records come before the page. */
  skip: number;
}

/** A short digest of what a query sends, which pages of the same query share. */
export function queryFingerprint(described: string): string {
  return createHash('sha256').update(described).digest('base64url').slice(0, 16);
}

/** The cursor of the page starting at `skip` of the query `fingerprint`. */
export function encodeCursor(fingerprint: string, skip: number): string {
  const body: CursorBody = { v: 1, q: fingerprint, skip };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Where the page of `cursor` starts; an `INVALID_OPTION` error when it is not a cursor of this query. */
export function decodeCursor(cursor: string, fingerprint: string): number {
  let body: Partial<CursorBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    body = undefined;
  }
  if (!body || body.v !== 1 || !Number.isInteger(body.skip) || (body.skip as number) < 0)
    throw OrmErrors.badOption('cursor', 'is not a cursor that findPage returned');
  if (body.q !== fingerprint)
    throw OrmErrors.badOption('cursor', 'belongs to a query with another where or order');
  return body.skip as number;
}
