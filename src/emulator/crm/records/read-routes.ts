import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { csv, pageOf, paging } from '../body';
import { crmRoute, NO_CONTENT } from '../route';
import { moduleScope } from '../module-scopes';
import { parseDateTime } from '../../time';
import { ApiErrors } from '../zoho-error';
import { ID_PATTERN } from '../../ids';
import { renderRecord } from './render';
import type { StoredRecord } from '../../state/types';

/** `GET /{module}` (list) and `GET /{module}/{id}` (one record), docs/zoho-v2-notes.md §5.1–5.2. */
export function registerRecordReadRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/:module',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    // Listing through a custom view costs 3 credits (docs/zoho-v2-notes.md §4.1).
    cost: ({ query }) => (query.cvid ? 3 : 1),
    handler: ({ params, query, request }) => {
      const module = ctx.module(params.module);
      const { page, perPage } = paging(query);
      let records = Object.values(ctx.recordsOf(module.api_name));
      const ids = csv(query.ids);
      if (ids.length > 0) records = records.filter((r) => ids.includes(r.id));
      records = filterApproval(records, query.approved);
      if (module.api_name === 'Leads') records = filterConverted(records, query.converted);
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined) {
        records = records.filter((r) => modifiedAfter(r, since));
        if (records.length === 0) return { status: 304 };
      }
      records = sortRecords(records, query.sort_by, query.sort_order);
      const result = pageOf(records, page, perPage);
      if (!result) return NO_CONTENT;
      const fields = csv(query.fields);
      return { data: result.data.map((r) => renderRecord(ctx, module, r, fields)), info: result.info };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/:module/:id',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params, query, request }) => {
      const module = ctx.module(params.module);
      if (!ID_PATTERN.test(params.id)) throw ApiErrors.invalidId();
      const record = ctx.recordsOf(module.api_name)[params.id];
      // [I] A well-formed id that names no record answers 204, as for an empty list.
      if (!record) return NO_CONTENT;
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined && !modifiedAfter(record, since)) return { status: 304 };
      return { data: [renderRecord(ctx, module, record, csv(query.fields))] };
    },
  });
}

/** `If-Modified-Since` carries an ISO-8601 date-time with offset in Zoho (not RFC 1123). */
export function ifModifiedSince(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string') return undefined;
  const ms = parseDateTime(header.trim()) ?? Date.parse(header);
  if (Number.isNaN(ms)) throw ApiErrors.invalidData({ header: 'If-Modified-Since' });
  return ms;
}

export function modifiedAfter(record: StoredRecord, since: number): boolean {
  const modified = typeof record.Modified_Time === 'string' ? Date.parse(record.Modified_Time) : NaN;
  return !Number.isNaN(modified) && modified > since;
}

export function filterApproval(records: StoredRecord[], approved: string | undefined): StoredRecord[] {
  const want = approved ?? 'true';
  if (want === 'both') return records;
  const flag = want !== 'false';
  return records.filter((r) => (r['$approved'] ?? true) === flag);
}

export function filterConverted(records: StoredRecord[], converted: string | undefined): StoredRecord[] {
  const want = converted ?? 'false';
  if (want === 'both') return records;
  const flag = want === 'true';
  return records.filter((r) => (r['$converted'] ?? false) === flag);
}

/**
 * `sort_order` alone sorts by id; with `sort_by` by that field (docs/zoho-v2-notes.md §5.1).
 * [I] Without `sort_order` records come in ascending order (by id: creation order), which other record
 * listings (search, notes, related lists) share.
 */
export function sortRecords(
  records: StoredRecord[],
  sortBy: string | undefined,
  sortOrder: string | undefined,
): StoredRecord[] {
  if (sortOrder !== undefined && sortOrder !== 'asc' && sortOrder !== 'desc') {
    throw ApiErrors.invalidData({ param: 'sort_order' });
  }
  const direction = sortOrder === 'desc' ? -1 : 1;
  const key = sortBy ?? 'id';
  return records.slice().sort((a, b) => direction * compareValues(a[key], b[key]));
}

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (
    typeof a === 'string' &&
    typeof b === 'string' &&
    /^\d+$/.test(a) &&
    /^\d+$/.test(b) &&
    a.length !== b.length
  ) {
    return a.length - b.length;
  }
  if (typeof a === 'object' && typeof b === 'object')
    return compareValues((a as { id?: unknown }).id, (b as { id?: unknown }).id);
  return a < b ? -1 : 1;
}
