import type { EmulatorContext } from '../../context';
import type { ModuleDef, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { Callback, readCallback } from './callback';
import { BulkErrors } from './errors';
import { eventsToIcs, exportable, exportColumns, recordsToCsv } from './export';
import { JobProgress, jobState } from './progress';
import { compareIds } from './record-order';
import { compileJsonCriteria } from '../query/json-criteria';
import { ApiErrors } from '../zoho-error';

/** Records per result page of a bulk read (docs/zoho-v2-notes.md §7.1). */
export const READ_PAGE_SIZE = 200_000;

const CRITERIA_PATH = '$.query.criteria';

/** A bulk read job as stored in the bulk state (plain JSON). */
export interface ReadJob extends JobProgress {
  id: string;
  /** The query as the job reports it back. */
  query: Record<string, unknown>;
  module: string;
  columns: string[];
  /**
   * The request's criteria, validated when the job is created and compiled again when it runs (a compiled
   * filter is a function, and the bulk state stays plain JSON).
   */
  criteria?: unknown;
  page: number;
  file_type: 'csv' | 'ics';
  callback?: Callback;
  created_by: { id: string; name: string };
  created_time: string;
  result?: { count: number; more_records: boolean; text: string };
}

/** Validates a `POST /crm/bulk/v2/read` body and builds the job (not yet run). */
export function createReadJob(ctx: EmulatorContext, body: unknown, user: UserDef): ReadJob {
  if (!isPlainObject(body)) throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' });
  const query = body.query;
  if (query === undefined || query === null) throw BulkErrors.missing('$.query', 'query');
  if (!isPlainObject(query))
    throw BulkErrors.invalid('$.query', 'query', { expected_data_type: 'jsonobject' });
  const module = readModule(ctx, query.module);
  const fileType = readFileType(body.file_type, module);
  const fields = readFields(module, query.fields);
  const page = query.page ?? 1;
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1)
    throw BulkErrors.invalid('$.query.page', 'page');
  // [I] The emulator's custom views all show every record, so a well-formed cvid does not narrow the export.
  if (query.cvid !== undefined && !(typeof query.cvid === 'string' && /^\d+$/.test(query.cvid))) {
    throw BulkErrors.invalid('$.query.cvid', 'cvid');
  }
  const criteria = query.criteria === null ? undefined : query.criteria;
  if (criteria !== undefined) compileJsonCriteria(module, criteria, CRITERIA_PATH);
  const now = ctx.now();
  return {
    id: ctx.newId(),
    query: {
      module: module.api_name,
      page,
      ...(query.cvid !== undefined && { cvid: query.cvid }),
      ...(fields && { fields }),
      ...(criteria !== undefined && { criteria }),
    },
    module: module.api_name,
    columns: exportColumns(module, fields),
    criteria,
    page,
    file_type: fileType,
    callback: readCallback(body.callback),
    created_by: { id: user.id, name: ctx.userRef(user).name },
    created_time: ctx.timestamp(now),
    createdAt: now,
    polls: 0,
    completed: false,
  };
}

function readModule(ctx: EmulatorContext, value: unknown): ModuleDef {
  // [I] v2 sends the module as a string; the `{api_name}` form of later versions is accepted too.
  const name = isPlainObject(value) ? value.api_name : value;
  if (name === undefined || name === null) throw BulkErrors.missing('$.query.module', 'module');
  const module = typeof name === 'string' ? ctx.findModule(name) : undefined;
  if (!module) throw BulkErrors.moduleNotAvailable('$.query.module', 'module', name);
  if (module.api_supported === false) throw BulkErrors.unsupportedModule('$.query.module', 'module');
  return module;
}

function readFileType(value: unknown, module: ModuleDef): 'csv' | 'ics' {
  if (value === undefined || value === null || value === 'csv') return 'csv';
  if (value === 'ics' && module.api_name === 'Events') return 'ics';
  throw BulkErrors.invalid('$.file_type', 'file_type');
}

function readFields(module: ModuleDef, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value))
    throw BulkErrors.invalid('$.query.fields', 'fields', { expected_data_type: 'jsonarray' });
  return value.map((name, i) => {
    if (typeof name === 'string' && name.toLowerCase() === 'id') return 'id';
    const def =
      typeof name === 'string'
        ? module.fields.find((f) => f.api_name.toLowerCase() === name.toLowerCase())
        : undefined;
    if (!def || !exportable(def))
      throw BulkErrors.invalid(`$.query.fields[${i}]`, typeof name === 'string' ? name : 'fields');
    return def.api_name;
  });
}

/** Runs the export: matching records in id order, the job's page of them, as CSV (or ICS for Events). */
export function runReadJob(ctx: EmulatorContext, job: ReadJob): void {
  const matches =
    job.criteria === undefined
      ? () => true
      : compileJsonCriteria(ctx.module(job.module), job.criteria, CRITERIA_PATH);
  const matching = Object.values(ctx.recordsOf(job.module))
    .filter(matches)
    .sort((a, b) => compareIds(a.id, b.id));
  const start = (job.page - 1) * READ_PAGE_SIZE;
  const page = matching.slice(start, start + READ_PAGE_SIZE);
  job.result = {
    count: page.length,
    more_records: start + READ_PAGE_SIZE < matching.length,
    text: job.file_type === 'ics' ? eventsToIcs(page, ctx.now()) : recordsToCsv(job.columns, page),
  };
}

/** The job as `GET /crm/bulk/v2/read/{id}` reports it. */
export function renderReadJob(job: ReadJob): Record<string, unknown> {
  return {
    id: job.id,
    operation: 'read',
    state: jobState(job),
    query: job.query,
    created_by: job.created_by,
    created_time: job.created_time,
    file_type: job.file_type,
    ...(job.callback && { callback: job.callback }),
    ...(job.result && {
      result: {
        page: job.page,
        per_page: READ_PAGE_SIZE,
        count: job.result.count,
        download_url: `/crm/bulk/v2/read/${job.id}/result`,
        more_records: job.result.more_records,
      },
    }),
  };
}

/** Name of the file inside the result zip. */
export function readResultName(job: ReadJob): string {
  return `${job.id}.${job.file_type}`;
}
