import { unzipSync, strFromU8 } from 'fflate';
import type { Readable } from 'node:stream';
import { ZCRMBulkRead } from '../../api/entities/zcrm-bulk-read';
import { parseCsv } from '../../api/files/csv';
import type { Json } from '../../api/mappers/json-utils';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { FieldMetadata } from '../../metadata/field-metadata';
import type { Repository } from '../repository';
import { OrmErrors } from '../errors/orm-errors';

/** How `iterate({ bulk })` runs its Bulk Read jobs. */
export interface BulkIterateOptions {
  /** Wait between job status calls (default 2 s; Zoho's jobs take seconds to minutes). */
  pollIntervalMs?: number;
  /** Give up on one job after this long (default 10 minutes). */
  timeoutMs?: number;
}

/** What `iterate` takes to read through Bulk Read jobs instead of pages of the list API. */
export interface BulkReadOption {
  /**
   * Read the module through Zoho's Bulk Read API (https://www.zoho.com/crm/developer/docs/api/v2/bulk-read/overview.html):
   * one job per 200,000 records, each exported as a zipped CSV, for far fewer credits and calls than pages of
   * 200 on large modules. `true`, or the jobs' polling options. Reads every record of the module (`select` picks
   * the fields); `where`, `order`, `skip`, `take` and `relations` are refused rather than ignored.
   */
  bulk?: boolean | BulkIterateOptions;
}

/** Roles a bulk read exports as one CSV cell. */
const EXPORTED_ROLES = new Set<FieldMetadata['role']>(['field', 'lookup', 'owner', 'userLookup']);
const NUMBER_TYPES = new Set(['integer', 'bigint', 'long', 'double', 'currency', 'percent', 'decimal']);
const STRUCTURED_TYPES = new Set(['jsonarray', 'jsonobject', 'profileimage']);

/** The fields a bulk read asks for: the selected ones, else every field it can export. */
function exportedFields(
  repository: Repository<object>,
  select: readonly string[] | undefined,
): FieldMetadata[] {
  const { mapping } = repository;
  const fields = select
    ? select.map((name) => mapping.meta.field(name) ?? mapping.meta.fieldByApiName(name))
    : mapping.fields;
  return fields.filter(
    (f): f is FieldMetadata =>
      f !== undefined &&
      EXPORTED_ROLES.has(f.role) &&
      !STRUCTURED_TYPES.has(f.dataType) &&
      f.apiName !== 'Tag',
  );
}

/** A CSV cell of a bulk read as the JSON value the list API would have sent (empty cells are null). */
function wireValue(field: FieldMetadata, cell: string): unknown {
  if (cell === '') return null;
  if (field.role !== 'field') return { id: cell };
  if (NUMBER_TYPES.has(field.dataType)) return Number(cell);
  if (field.dataType === 'boolean') return cell === 'true';
  if (field.dataType === 'multiselectpicklist') return cell.split(';');
  return cell;
}

async function bytesOf(stream: Readable | undefined): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  if (stream) for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Every record of the repository's module as record JSON (what the list API returns), read through Bulk Read
 * jobs, one page of up to 200,000 records after another. Each page's zip is held in memory while its rows are
 * yielded; the job's own `more_records` says when to stop.
 */
export async function* bulkReadPages(
  repository: Repository<object>,
  options: {
    select?: readonly string[];
    where?: unknown;
    order?: unknown;
    skip?: unknown;
    take?: unknown;
    relations?: unknown;
  },
  bulk: BulkIterateOptions,
): AsyncGenerator<Json> {
  for (const refused of ['where', 'order', 'skip', 'take', 'relations'] as const) {
    if (options[refused] !== undefined) {
      throw OrmErrors.badOption(
        'bulk',
        `a bulk read exports the whole module; "${refused}" cannot be combined with it (filter the records as they come)`,
      );
    }
  }
  const fields = exportedFields(repository, options.select);
  const byApiName = new Map(fields.map((f) => [f.apiName, f]));
  for (let page = 1; ; page++) {
    const job = ZCRMBulkRead.getInstance(repository.module, undefined, repository.client);
    job.fields = [...new Set(['id', ...fields.map((f) => f.apiName)])];
    job.page = page;
    await job.create();
    await job.waitForCompletion({ pollIntervalMs: bulk.pollIntervalMs ?? 2000, timeoutMs: bulk.timeoutMs });
    const archive = unzipSync(await bytesOf((await job.downloadResult()).stream));
    const csv = Object.values(archive)[0];
    if (!csv)
      throw ZCRMException.unexpected('Bulk read result', `job ${job.jobId} returned an empty archive`);
    let header: string[] | undefined;
    for await (const row of parseCsv([strFromU8(csv)])) {
      if (row.error) throw ZCRMException.unexpected('Bulk read result', `line ${row.line}: ${row.error}`);
      if (!header) {
        header = row.cells;
        continue;
      }
      const json: Json = {};
      header.forEach((apiName, i) => {
        const field = byApiName.get(apiName);
        if (apiName === 'id') json.id = row.cells[i];
        else if (field) json[apiName] = wireValue(field, row.cells[i] ?? '');
      });
      yield json;
    }
    if (!job.result?.moreRecords) return;
  }
}
