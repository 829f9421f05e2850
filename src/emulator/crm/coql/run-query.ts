import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord } from '../../state/types';
import { orderNullable, Typed } from '../query/compare';
import { ID_FIELD } from '../query/fields';
import { QueryErrors } from '../query/query-errors';
import { ApiErrors } from '../zoho-error';
import type { SelectQuery } from './ast';
import { outputColumnValue, resolveColumn, ResolvedColumn, typedColumnValue } from './columns';
import { compileWhere, countComparisons, RecordPredicate } from './where';

/** COQL limits (docs/zoho-v2-notes.md §5.9). [I] The later 2,000-per-call maximum with v2's 200 default and 10,000 total. */
export const COQL_LIMITS = {
  columns: 50,
  criteria: 25,
  defaultLimit: 200,
  maxLimit: 2000,
  maxReachable: 10_000,
};

/** A checked query, ready to run. */
export interface QueryPlan {
  module: ModuleDef;
  columns: ResolvedColumn[];
  where?: RecordPredicate;
  orderBy: Array<{ column: ResolvedColumn; descending: boolean }>;
  limit: number;
  offset: number;
}

const ID_COLUMN: ResolvedColumn = { key: 'id', hops: [], field: ID_FIELD };

/** Checks a parsed query against the metadata and COQL's limits. */
export function planQuery(ctx: EmulatorContext, query: SelectQuery): QueryPlan {
  const module = ctx.findModule(query.module);
  // [I] An unknown module is a query error naming it, as for unknown columns.
  if (!module) throw ApiErrors.invalidQuery({ module: query.module });
  if (module.api_supported === false) throw ApiErrors.unsupportedModule();
  if (query.columns.length > COQL_LIMITS.columns)
    throw ApiErrors.limitExceeded({ clause: 'select', limit: COQL_LIMITS.columns });
  const columns = query.columns.map((ref) => resolveColumn(ctx, module, ref));
  const seen = new Set<string>();
  for (const [i, column] of columns.entries()) {
    if (seen.has(column.key)) throw QueryErrors.duplicateColumn(query.columns[i].text);
    seen.add(column.key);
  }
  if (query.where && countComparisons(query.where) > COQL_LIMITS.criteria) {
    throw ApiErrors.limitExceeded({ clause: 'where', limit: COQL_LIMITS.criteria });
  }
  const where = query.where ? compileWhere(ctx, module, query.where) : undefined;
  const orderBy = query.orderBy.map((term) => ({
    column: resolveColumn(ctx, module, term.column),
    descending: term.descending,
  }));
  const limit = query.limit === undefined ? COQL_LIMITS.defaultLimit : count(query.limit, 'limit');
  const offset = query.offset === undefined ? 0 : count(query.offset, 'offset');
  if (limit === 0) throw QueryErrors.limitNotPositive();
  // [I] Over the per-call maximum, or past the 10,000th record: LIMIT_EXCEEDED rather than a silent cap.
  if (limit > COQL_LIMITS.maxLimit)
    throw ApiErrors.limitExceeded({ clause: 'limit', limit: COQL_LIMITS.maxLimit });
  if (offset + limit > COQL_LIMITS.maxReachable)
    throw ApiErrors.limitExceeded({ clause: 'offset', limit: COQL_LIMITS.maxReachable });
  return { module, columns, where, orderBy, limit, offset };
}

function count(text: string, clause: 'limit' | 'offset'): number {
  if (!/^\d+$/.test(text)) throw ApiErrors.invalidQuery({ [clause]: text });
  return Number(text);
}

/** Runs a plan: `{data, info}`, or undefined when no record matches (→ 204). */
export function runQuery(
  ctx: EmulatorContext,
  plan: QueryPlan,
): { data: Record<string, unknown>[]; info: Record<string, unknown> } | undefined {
  let records = Object.values(ctx.recordsOf(plan.module.api_name));
  if (plan.where) records = records.filter(plan.where);
  const sorted = sortRecords(ctx, records, plan);
  const page = sorted.slice(plan.offset, plan.offset + plan.limit);
  if (page.length === 0) return undefined;
  const columns = plan.columns.some((c) => c.key === 'id') ? plan.columns : [...plan.columns, ID_COLUMN];
  const data = page.map((record) =>
    Object.fromEntries(columns.map((c) => [c.key, outputColumnValue(ctx, c, record)])),
  );
  return { data, info: { count: data.length, more_records: plan.offset + page.length < sorted.length } };
}

/** Sorts by the `order by` terms, then [I] by id ascending (also the order without `order by`). */
function sortRecords(ctx: EmulatorContext, records: StoredRecord[], plan: QueryPlan): StoredRecord[] {
  const terms = [...plan.orderBy, { column: ID_COLUMN, descending: false }];
  const keyed = records.map((record) => ({
    record,
    keys: terms.map((t) => typedColumnValue(ctx, t.column, record)),
  }));
  const byKeys = (a: (Typed | null)[], b: (Typed | null)[]): number => {
    for (const [i, term] of terms.entries()) {
      const order = orderNullable(a[i], b[i]);
      if (order !== 0) return term.descending ? -order : order;
    }
    return 0;
  };
  return keyed.sort((a, b) => byKeys(a.keys, b.keys)).map((k) => k.record);
}
