import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { ApiErrors } from '../zoho-error';
import { parseCsv } from './csv';
import { BulkErrors } from './errors';
import type { FieldMapping } from './import-values';
import { JobProgress, jobState } from './progress';
import { Callback, readCallback } from './callback';
import { bulkState, UploadedFile } from './store';

export const WRITE_OPERATIONS = ['insert', 'update', 'upsert'] as const;
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

/** [I] Rows one bulk write file may hold (Zoho's documented limit is 25,000 records per job). */
export const MAX_ROWS = 25_000;

/** Counts and result file of one processed resource. */
export interface ResourceOutcome {
  added: number;
  updated: number;
  skipped: number;
  total: number;
  /** Result CSV: the uploaded columns plus STATUS, RECORD_ID, ERRORS. */
  text: string;
}

export interface WriteResource {
  type: 'data';
  module: string;
  file_id: string;
  file_name: string;
  find_by?: string;
  ignore_empty: boolean;
  field_mappings: FieldMapping[];
  outcome?: ResourceOutcome;
}

/** A bulk write job as stored in the bulk state (plain JSON). */
export interface WriteJob extends JobProgress {
  id: string;
  operation: WriteOperation;
  character_encoding: string;
  callback?: Callback;
  created_by: { id: string; name: string };
  created_time: string;
  resources: WriteResource[];
}

/** Validates a `POST /crm/bulk/v2/write` body against the module metadata and the uploaded files. */
export function createWriteJob(ctx: EmulatorContext, body: unknown, user: UserDef): WriteJob {
  if (!isPlainObject(body)) throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' });
  const operation = readOperation(body.operation);
  if (body.character_encoding !== undefined && typeof body.character_encoding !== 'string') {
    throw BulkErrors.invalid('$.character_encoding', 'character_encoding');
  }
  const ignoreEmpty = readBoolean(body.ignore_empty, '$.ignore_empty', 'ignore_empty') ?? false;
  const resources = body.resource;
  if (resources === undefined || resources === null) throw BulkErrors.missing('$.resource', 'resource');
  if (!Array.isArray(resources) || resources.length === 0)
    throw BulkErrors.invalid('$.resource', 'resource', { expected_data_type: 'jsonarray' });
  const now = ctx.now();
  return {
    id: ctx.newId(),
    operation,
    character_encoding: body.character_encoding ?? 'UTF-8',
    callback: readCallback(body.callback),
    created_by: { id: user.id, name: ctx.userRef(user).name },
    created_time: ctx.timestamp(now),
    resources: resources.map((r, i) => readResource(ctx, r, `$.resource[${i}]`, operation, ignoreEmpty)),
    createdAt: now,
    polls: 0,
    completed: false,
  };
}

function readOperation(value: unknown): WriteOperation {
  if (value === undefined || value === null) throw BulkErrors.missing('$.operation', 'operation');
  if (typeof value !== 'string' || !(WRITE_OPERATIONS as readonly string[]).includes(value))
    throw BulkErrors.invalid('$.operation', 'operation');
  return value as WriteOperation;
}

function readBoolean(value: unknown, path: string, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw BulkErrors.invalid(path, name, { expected_data_type: 'boolean' });
  return value;
}

function readResource(
  ctx: EmulatorContext,
  raw: unknown,
  at: string,
  operation: WriteOperation,
  ignoreEmpty: boolean,
): WriteResource {
  if (!isPlainObject(raw)) throw BulkErrors.invalid(at, 'resource', { expected_data_type: 'jsonobject' });
  if (raw.type !== undefined && raw.type !== 'data') throw BulkErrors.invalid(`${at}.type`, 'type');
  const module = readWritableModule(ctx, raw.module, `${at}.module`);
  const file = readFile(ctx, raw.file_id, `${at}.file_id`);
  const rows = parseCsv(file.text);
  const header = rows[0] ?? [];
  if (rows.length - 1 > MAX_ROWS) throw BulkErrors.limit(`${at}.file_id`, 'file_id', MAX_ROWS);
  const mappings =
    raw.field_mappings === undefined || raw.field_mappings === null
      ? mappingsFromHeader(module, header, `${at}.field_mappings`)
      : readMappings(ctx, module, raw.field_mappings, header.length, `${at}.field_mappings`);
  const findBy = readFindBy(module, raw.find_by, operation, mappings, `${at}.find_by`);
  return {
    type: 'data',
    module: module.api_name,
    file_id: file.id,
    file_name: file.name,
    ...(findBy !== undefined && { find_by: findBy }),
    ignore_empty: readBoolean(raw.ignore_empty, `${at}.ignore_empty`, 'ignore_empty') ?? ignoreEmpty,
    field_mappings: mappings,
  };
}

function readWritableModule(ctx: EmulatorContext, value: unknown, at: string): ModuleDef {
  // [I] v2 names the module with a string; the `{api_name}` object of later versions is accepted too.
  const name = isPlainObject(value) ? value.api_name : value;
  if (name === undefined || name === null) throw BulkErrors.missing(at, 'module');
  const module = typeof name === 'string' ? ctx.findModule(name) : undefined;
  if (!module) throw BulkErrors.moduleNotAvailable(at, 'module', name);
  if (module.api_supported === false || module.creatable === false)
    throw BulkErrors.unsupportedModule(at, 'module');
  return module;
}

function readFile(ctx: EmulatorContext, value: unknown, at: string): UploadedFile {
  if (value === undefined || value === null) throw BulkErrors.missing(at, 'file_id');
  const file = typeof value === 'string' ? bulkState(ctx).files[value] : undefined;
  if (!file) throw BulkErrors.invalid(at, 'file_id');
  return file;
}

function fieldNamed(module: ModuleDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return module.fields.find((f) => f.api_name.toLowerCase() === lower);
}

/** [I] Without `field_mappings`, columns whose header is a field API name (or `id`) map to that field. */
function mappingsFromHeader(module: ModuleDef, header: string[], at: string): FieldMapping[] {
  const mappings: FieldMapping[] = [];
  header.forEach((name, index) => {
    const apiName = name.trim().toLowerCase() === 'id' ? 'id' : fieldNamed(module, name.trim())?.api_name;
    if (apiName !== undefined) mappings.push({ api_name: apiName, index });
  });
  if (mappings.length === 0) throw BulkErrors.missing(at, 'field_mappings');
  return mappings;
}

function readMappings(
  ctx: EmulatorContext,
  module: ModuleDef,
  raw: unknown,
  columns: number,
  at: string,
): FieldMapping[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw BulkErrors.invalid(at, 'field_mappings', { expected_data_type: 'jsonarray' });
  return raw.map((entry, i) => {
    const path = `${at}[${i}]`;
    if (!isPlainObject(entry))
      throw BulkErrors.invalid(path, 'field_mappings', { expected_data_type: 'jsonobject' });
    if (typeof entry.api_name !== 'string') throw BulkErrors.missing(`${path}.api_name`, 'api_name');
    const def = fieldNamed(module, entry.api_name);
    const isId = entry.api_name.toLowerCase() === 'id';
    if (!isId && (!def || def.read_only)) throw BulkErrors.invalid(`${path}.api_name`, entry.api_name);
    const mapping: FieldMapping = { api_name: isId ? 'id' : def!.api_name };
    if (entry.index !== undefined && entry.index !== null) {
      if (
        typeof entry.index !== 'number' ||
        !Number.isInteger(entry.index) ||
        entry.index < 0 ||
        entry.index >= columns
      ) {
        throw BulkErrors.invalid(`${path}.index`, 'index');
      }
      mapping.index = entry.index;
    }
    if (entry.default_value !== undefined && entry.default_value !== null) {
      if (!isPlainObject(entry.default_value) || !('value' in entry.default_value))
        throw BulkErrors.invalid(`${path}.default_value`, 'default_value');
      mapping.default_value = { value: entry.default_value.value };
    }
    if (mapping.index === undefined && mapping.default_value === undefined)
      throw BulkErrors.missing(`${path}.index`, 'index');
    if (entry.format !== undefined) {
      if (typeof entry.format !== 'string') throw BulkErrors.invalid(`${path}.format`, 'format');
      mapping.format = entry.format;
    }
    if (entry.find_by !== undefined)
      mapping.find_by = readLookupFindBy(ctx, def, entry.find_by, `${path}.find_by`);
    return mapping;
  });
}

/** A lookup mapping's `find_by`: a field of the target module, `id`, or `email` for user lookups. */
function readLookupFindBy(
  ctx: EmulatorContext,
  def: FieldDef | undefined,
  value: unknown,
  at: string,
): string {
  if (typeof value !== 'string' || def === undefined) throw BulkErrors.invalid(at, 'find_by');
  if (value.toLowerCase() === 'id') return 'id';
  if (def.data_type === 'ownerlookup' || def.data_type === 'userlookup') {
    if (value.toLowerCase() === 'email') return 'email';
    throw BulkErrors.invalid(at, 'find_by');
  }
  const target =
    def.data_type === 'lookup' && def.lookup_module ? ctx.findModule(def.lookup_module) : undefined;
  const field = target ? fieldNamed(target, value) : undefined;
  if (!field) throw BulkErrors.invalid(at, 'find_by');
  return field.api_name;
}

/**
 * The resource's `find_by` (required for update and upsert): `id` or a unique / duplicate-check field,
 * and it must be one of the mapped columns, since each row's key comes from it.
 */
function readFindBy(
  module: ModuleDef,
  value: unknown,
  operation: WriteOperation,
  mappings: FieldMapping[],
  at: string,
): string | undefined {
  if (value === undefined || value === null) {
    if (operation === 'insert') return undefined;
    throw BulkErrors.missing(at, 'find_by');
  }
  if (typeof value !== 'string') throw BulkErrors.invalid(at, 'find_by');
  const def = fieldNamed(module, value);
  const name =
    value.toLowerCase() === 'id'
      ? 'id'
      : def && (def.unique || module.duplicate_check_fields?.includes(def.api_name))
        ? def.api_name
        : undefined;
  if (name === undefined || !mappings.some((m) => m.api_name === name && m.index !== undefined))
    throw BulkErrors.invalid(at, 'find_by');
  return name;
}

/** The job as `GET /crm/bulk/v2/write/{id}` reports it. */
export function renderWriteJob(ctx: EmulatorContext, job: WriteJob): Record<string, unknown> {
  const status = jobState(job);
  return {
    status,
    character_encoding: job.character_encoding,
    resource: job.resources.map((r) => ({
      status,
      type: r.type,
      module: r.module,
      field_mappings: r.field_mappings,
      ...(r.find_by !== undefined && { find_by: r.find_by }),
      ignore_empty: r.ignore_empty,
      file: {
        status,
        name: r.file_name,
        // [I] Counts read 0 until the job has run.
        added_count: r.outcome?.added ?? 0,
        skipped_count: r.outcome?.skipped ?? 0,
        updated_count: r.outcome?.updated ?? 0,
        total_count: r.outcome?.total ?? 0,
      },
    })),
    id: job.id,
    ...(job.callback && { callback: job.callback }),
    ...(job.completed && { result: { download_url: `${ctx.baseUrl}/crm/bulk/v2/write/${job.id}/result` } }),
    created_by: job.created_by,
    operation: job.operation,
    created_time: job.created_time,
  };
}
