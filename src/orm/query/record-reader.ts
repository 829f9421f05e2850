import { getRecord } from '../../api/operations/record-operations';
import { firstRecord } from '../../api/mappers/record-results';
import type { Json } from '../../api/mappers/json-utils';
import { ValidationException } from '../../errors/validation-exception';
import type { QueryNode } from '../../query/ast';
import { QUERY_LIMITS } from '../../query/limits';
import type { Repository } from '../repository';
import { resetState, stateOf } from '../state/record-state';
import { OrmErrors } from '../errors/orm-errors';
import { isRecordId } from '../support/record-id';
import { Page, PageReadOptions, readPages } from './read-pages';
import { completeRows } from './complete-rows';
import type { QueryLogEntry } from '../../config/query-log';
import { redact } from '../../errors/redact';
import type { FieldMetadata } from '../../metadata/field-metadata';
import { Hydrate, loadRelations } from './relations';
import { runAfterLoad } from '../../metadata/record-listeners';

/**
 * The read engine behind a repository's `find`, `iterate`, `count`, `exists`, `findById` and `reload`: runs
 * built queries page by page (`readPages`) and hydrates each row into a model instance bound to the
 * repository (so its `save()` goes back through the same client) with what Zoho has remembered.
 */
export class RecordReader<T extends object> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly hydrateAs: Hydrate,
  ) {}

  /** Every record the query reaches, with the lookups `relations` loaded (see `loadRelations`). */
  async all(
    node: QueryNode,
    options: PageReadOptions = {},
    relations: readonly FieldMetadata[] = [],
  ): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages(node, options))
      for (const json of page.records) out.push(this.hydrate(json));
    if (relations.length > 0) await loadRelations(this.repository.client, out, relations, this.hydrateAs);
    return out;
  }

  /**
   * The records the query reaches one at a time, a page in memory at once; `relations` are loaded a page
   * at a time.
   */
  async *each(
    node: QueryNode,
    options: PageReadOptions = {},
    relations: readonly FieldMetadata[] = [],
  ): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages(node, options)) {
      const rows = page.records;
      if (relations.length > 0) {
        const records = rows.map((json) => this.hydrate(json));
        await loadRelations(this.repository.client, records, relations, this.hydrateAs);
        yield* records;
        continue;
      }
      for (let i = 0; i < rows.length; i++) {
        const record = this.hydrate(rows[i]);
        // The page lets go of each row as it is handed out, so rows the caller is done with are collected
        // young instead of living (and being promoted) until the whole page is read.
        (rows as Array<Json | undefined>)[i] = undefined;
        yield record;
      }
    }
  }

  /**
   * The query's pages, each with the fields COQL cannot select loaded by id (see `completeRows`); reported
   * to the client's query log (`queryLogger`) when the query ends, however it ends.
   */
  private async *pages(node: QueryNode, options: PageReadOptions): AsyncGenerator<Page> {
    const { client, mapping } = this.repository;
    const log = client.queryLog;
    const calls: QueryLogEntry['calls'] = [];
    const onCall =
      log &&
      ((query: { backend: QueryLogEntry['backend']; text: string }) => {
        calls.push({ backend: query.backend, text: redact(query.text) });
      });
    const started = Date.now();
    let records = 0;
    let failure: unknown;
    try {
      for await (const page of readPages(client, node, options, onCall)) {
        await completeRows(client, mapping, page.query, page.records, onCall);
        records += page.records.length;
        yield page;
      }
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      log?.({
        model: mapping.name,
        module: mapping.module,
        backend: calls[0]?.backend ?? 'list',
        calls,
        records,
        durationMs: Date.now() - started,
        ...(failure === undefined
          ? {}
          : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever was thrown, as text
            { error: redact(failure instanceof Error ? failure.message : String(failure)) }),
      });
    }
  }

  /** How many records an id-only query reaches (2,000 per COQL call). */
  async count(node: QueryNode): Promise<number> {
    let count = 0;
    for await (const page of this.pages(node, { pageSize: QUERY_LIMITS.COQL_LIMIT }))
      count += page.records.length;
    return count;
  }

  /** True when the query reaches a record. */
  async exists(node: QueryNode): Promise<boolean> {
    for await (const page of this.pages(node, {})) if (page.records.length > 0) return true;
    return false;
  }

  /** The JSON of the record with this id (every field), or undefined when there is none. */
  async byId(id: string): Promise<Json | undefined> {
    const { client, module, mapping } = this.repository;
    if (!isRecordId(id)) throw OrmErrors.badId(mapping.name, id);
    try {
      return firstRecord(await getRecord(client, module, id));
    } catch (error) {
      // Zoho answers some missing ids with INVALID_DATA instead of 204.
      if (error instanceof ValidationException && error.errorCode === 'INVALID_DATA' && error.statusCode > 0)
        return undefined;
      throw error;
    }
  }

  /** A record from its JSON, bound to the repository, with what Zoho has remembered. */
  hydrate(json: Json): T {
    const { mapping, loader } = this.repository;
    const record = mapping.hydrate<T>(json, loader);
    resetState(record, { repository: this.repository, raw: json, synced: new Map() });
    runAfterLoad(record);
    return record;
  }

  /** Replaces a record's properties with a fresh read of it. */
  refresh(record: T, json: Json): void {
    const { mapping, loader } = this.repository;
    const fresh = mapping.hydrate<T>(json, loader);
    Object.assign(record, fresh);
    resetState(record, {
      repository: stateOf(record).repository ?? this.repository,
      raw: json,
      synced: new Map(),
    });
    runAfterLoad(record);
  }
}
