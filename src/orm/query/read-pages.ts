import type { ZCRMRestClient } from '../../api/rest-client';
import type { HttpResponse } from '../../http/http-types';
import { listRecords } from '../../api/operations/record-operations';
import { searchRecords } from '../../api/operations/search-operations';
import { executeCoql } from '../../api/operations/coql-operations';
import { infoOf, listOf } from '../../api/operations/item-results';
import type { Json } from '../../api/mappers/json-utils';
import type { QueryNode } from '../../query/ast';
import type { CompiledQuery } from '../../query/compilers/compiled-query';
import { compileCoql } from '../../query/compilers/coql';
import { compileListParams } from '../../query/compilers/list-params';
import { compileSearch } from '../../query/compilers/search-criteria';
import { QUERY_LIMITS } from '../../query/limits';
import { ID_FIELD, keysetAfter, planQuery } from '../../query/planner';
import { QueryErrors } from '../../query/query-errors';
import { OrmErrors } from '../errors/orm-errors';
import { QueryCompileException } from '../../errors/query-compile-exception';

/** Options of `readPages` (and of `find` and `iterate`, which read through it). */
export interface PageReadOptions {
  /**
   * Records per call. Default: the query's `take` up to the backend's maximum, else 200 for the first call
   * and, for COQL, 2,000 for the calls after it (the cheapest in credits per record once a query turns out
   * to be long). The list and search APIs take at most 200.
   */
  pageSize?: number;
}

/** One call's records, and the call that read them. */
export interface Page {
  records: Json[];
  query: CompiledQuery;
}

/** True when a query reads records in id order (no order, or `id` ascending): it may then page by id. */
export function isIdOrdered(node: QueryNode): boolean {
  return (
    node.order.length === 0 ||
    (node.order.length === 1 && node.order[0].field.apiName === 'id' && node.order[0].direction === 'asc')
  );
}

async function run(
  client: ZCRMRestClient,
  query: CompiledQuery,
): Promise<{ records: Json[]; more?: boolean; url: string }> {
  let response: HttpResponse<unknown>;
  switch (query.backend) {
    case 'list':
      response = await listRecords(client, query.module, { params: { ...query.params } });
      break;
    case 'search':
      response = await searchRecords(
        client,
        query.module,
        'criteria',
        String(query.params.criteria),
        Number(query.params.page),
        Number(query.params.per_page),
        query.params.fields === undefined ? undefined : String(query.params.fields).split(','),
      );
      break;
    case 'coql':
      response = await executeCoql(client, query.text);
      break;
  }
  const records = listOf(response, 'data');
  if (query.select) for (const record of records) project(record, query.select);
  const more = infoOf(response)?.more_records;
  return { records, more: typeof more === 'boolean' ? more : undefined, url: response.url };
}

/**
 * Keeps only the id and the selected fields of a record, so a query with `select` gives records of one shape
 * whichever backend ran it (a backend may send more than was asked); Zoho's `$` properties stay.
 */
function project(record: Json, select: readonly string[]): void {
  for (const key of Object.keys(record))
    if (key !== 'id' && !key.startsWith('$') && !select.includes(key)) delete record[key];
}

/**
 * Reads a query's records call by call, as many calls as it takes, without ever stopping early in silence:
 * - the list API (no filter) and search (bounded simple filters) page by `page`/`per_page`;
 * - COQL reads its first window by offset, then, for a query in id order, each next window by id
 *   (`… and id > <last id> order by id asc`), so it goes past the 10,000 records `limit offset` reaches
 *   (a `skip` beyond that walks the ids first). A query in another order that would pass the 10,000th
 *   record fails there with an error naming the limit.
 * Yields each call's records (cut to `take`).
 */
export async function* readPages(
  client: ZCRMRestClient,
  node: QueryNode,
  options: PageReadOptions = {},
): AsyncGenerator<Page> {
  if (options.pageSize !== undefined && (!Number.isInteger(options.pageSize) || options.pageSize < 1)) {
    throw QueryErrors.badOption(
      'pageSize',
      `must be a positive integer, got ${JSON.stringify(options.pageSize)}`,
    );
  }
  const first = plan(node);
  const total = node.take;
  let fetched = 0;
  const remaining = () => (total === undefined ? Number.POSITIVE_INFINITY : total - fetched);

  if (first.backend !== 'coql') {
    const max = QUERY_LIMITS.PER_PAGE;
    let pageSize = first.limit;
    if (options.pageSize !== undefined && node.skip % Math.min(options.pageSize, max) === 0) {
      pageSize = Math.min(options.pageSize, max);
    }
    const compile = first.backend === 'list' ? compileListParams : compileSearch;
    let position = node.skip;
    while (remaining() > 0) {
      const query = compile({ ...node, skip: position }, { pageSize });
      const { records, more, url } = await run(client, query);
      const kept = records.length > remaining() ? records.slice(0, remaining()) : records;
      fetched += kept.length;
      position += records.length;
      if (kept.length > 0) yield { records: kept, query };
      const hasMore = more ?? records.length >= pageSize;
      if (!hasMore) return;
      if (records.length === 0)
        throw OrmErrors.brokenPage(
          node.modelName,
          url,
          'the response says more records follow, but holds none',
        );
    }
    return;
  }

  // COQL.
  const idOrdered = isIdOrdered(node);
  const firstSize = options.pageSize ?? first.limit;
  const laterSize = options.pageSize ?? (total === undefined ? QUERY_LIMITS.COQL_LIMIT : first.limit);
  let position = node.skip;
  let lastId: string | undefined;

  if (idOrdered && node.skip > 0 && node.skip + Math.min(firstSize, remaining()) > QUERY_LIMITS.COQL_OFFSET) {
    // Walk the ids up to `skip`: only then can the reader go on by id.
    lastId = await seek(client, node, node.skip);
    if (lastId === undefined) return;
  }
  let size = firstSize;
  for (;;) {
    const want = Math.min(size, remaining());
    if (want <= 0) return;
    let query: CompiledQuery;
    if (lastId !== undefined && idOrdered) {
      query = compileCoql(keysetAfter(node, lastId), { pageSize: want });
    } else if (position + want <= QUERY_LIMITS.COQL_OFFSET) {
      query = compileCoql({ ...node, skip: position }, { pageSize: want });
    } else if (position < QUERY_LIMITS.COQL_OFFSET) {
      // The last window that offsets reach; the next call fails below unless the query is in id order.
      query = compileCoql({ ...node, skip: position }, { pageSize: QUERY_LIMITS.COQL_OFFSET - position });
    } else {
      throw OrmErrors.cannotPage(
        node.modelName,
        fetched,
        `COQL reaches only 10,000 records by limit and offset, and a query in another order than by id cannot page by id (limit COQL_OFFSET): leave order out or order by id, or narrow the where`,
      );
    }
    const { records, more, url } = await run(client, query);
    const kept = records.length > remaining() ? records.slice(0, remaining()) : records;
    fetched += kept.length;
    position += records.length;
    if (records.length > 0) lastId = String(records[records.length - 1].id);
    if (kept.length > 0) yield { records: kept, query };
    const hasMore = more ?? records.length >= query.limit;
    if (!hasMore) return;
    if (records.length === 0)
      throw OrmErrors.brokenPage(
        node.modelName,
        url,
        'the response says more records follow, but holds none',
      );
    size = laterSize;
  }
}

/**
 * The backend and first call of a query. A query in id order whose `skip` lies past COQL's offset wall is
 * planned as from the start: the reader walks the ids to its `skip` (see {@link seek}).
 */
function plan(node: QueryNode): CompiledQuery {
  try {
    return planQuery(node);
  } catch (error) {
    const limit =
      error instanceof QueryCompileException ? (error.errorDetails as { limit?: unknown }).limit : undefined;
    if (limit !== 'COQL_OFFSET' || !isIdOrdered(node)) throw error;
    return compileCoql({ ...node, skip: 0 });
  }
}

/** The id of the record at position `skip − 1` of an id-ordered query, read id-only; undefined when there are fewer. */
async function seek(client: ZCRMRestClient, node: QueryNode, skip: number): Promise<string | undefined> {
  const idsOnly: QueryNode = { ...node, select: [ID_FIELD], take: skip, skip: 0 };
  let lastId: string | undefined;
  let seen = 0;
  for await (const page of readPages(client, idsOnly, { pageSize: QUERY_LIMITS.COQL_LIMIT })) {
    seen += page.records.length;
    lastId = String(page.records[page.records.length - 1].id);
  }
  return seen === skip ? lastId : undefined;
}
