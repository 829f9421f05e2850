import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { insertRecord, updateRecord, WriteOutcome } from '../records/write';
import { parseCsv, toCsv } from './csv';
import { cellText } from './export';
import { cellValue } from './import-values';
import { compareIds } from './record-order';
import { bulkState } from './store';
import type { ResourceOutcome, WriteJob, WriteOperation, WriteResource } from './write-job';

type RowStatus = 'ADDED' | 'UPDATED' | 'SKIPPED';

/** What every row of one resource is processed with. */
interface ResourceRun {
  ctx: EmulatorContext;
  operation: WriteOperation;
  module: ModuleDef;
  resource: WriteResource;
  header: string[];
  user: UserDef;
}

/** Runs every resource of a bulk write job, row by row, through the shared record write path. */
export function runWriteJob(ctx: EmulatorContext, job: WriteJob): void {
  const user = ctx.userById(job.created_by.id) ?? ctx.adminUser();
  for (const resource of job.resources) resource.outcome = runResource(ctx, job.operation, resource, user);
}

function runResource(
  ctx: EmulatorContext,
  operation: WriteOperation,
  resource: WriteResource,
  user: UserDef,
): ResourceOutcome {
  const [header = [], ...rows] = parseCsv(bulkState(ctx).files[resource.file_id].text);
  const run: ResourceRun = { ctx, operation, module: ctx.module(resource.module), resource, header, user };
  const counts = { added: 0, updated: 0, skipped: 0 };
  const resultRows = rows.map((row, index) => {
    const { status, id, errors } = runRow(run, row, index);
    if (status === 'ADDED') counts.added++;
    else if (status === 'UPDATED') counts.updated++;
    else counts.skipped++;
    const cells = header.map((_, i) => row[i] ?? '');
    return [...cells, status, id ?? '', errors];
  });
  // [I] The result file keeps every uploaded column and adds STATUS, RECORD_ID and ERRORS (Zoho documents these three).
  return {
    ...counts,
    total: rows.length,
    text: toCsv([[...header, 'STATUS', 'RECORD_ID', 'ERRORS'], ...resultRows]),
  };
}

function runRow(
  run: ResourceRun,
  row: string[],
  index: number,
): { status: RowStatus; id?: string; errors: string } {
  const { ctx, operation, module, resource, header, user } = run;
  const columnOf = (apiName: string) => {
    const mapping = resource.field_mappings.find((m) => m.api_name === apiName && m.index !== undefined);
    return mapping ? header[mapping.index!] : apiName;
  };
  const skip = (code: string, apiName?: string) => ({
    status: 'SKIPPED' as const,
    errors: apiName ? `${code}-${columnOf(apiName)}` : code,
  });

  const built = buildInput(ctx, module, resource, row);
  if ('error' in built) return skip(built.error, built.apiName);
  const input = built.input;

  let existing: StoredRecord | undefined;
  if (operation !== 'insert') {
    const key = keyOf(resource, row);
    // [I] An upsert row without a key is a new record; an update row without one cannot name its record.
    if (key === '' && operation === 'update') return skip('MANDATORY_NOT_FOUND', resource.find_by);
    existing = key === '' ? undefined : findExisting(ctx, module, resource.find_by!, key);
    if (!existing && operation === 'update') return skip('RESOURCE_NOT_FOUND', resource.find_by);
  }
  const outcome: WriteOutcome = existing
    ? updateRecord(ctx, module, existing.id, input, user, index)
    : insertRecord(ctx, module, input, user, index);
  const { result } = outcome;
  if (result.status === 'error')
    return skip(
      result.code,
      typeof result.details.api_name === 'string' ? result.details.api_name : undefined,
    );
  return {
    status: existing ? 'UPDATED' : 'ADDED',
    id: outcome.record?.id ?? String(result.details.id ?? ''),
    errors: '',
  };
}

/** The record input of one row: mapped cells converted to wire values; empty cells skipped or cleared per `ignore_empty`. */
function buildInput(
  ctx: EmulatorContext,
  module: ModuleDef,
  resource: WriteResource,
  row: string[],
): { input: Record<string, unknown> } | { error: string; apiName: string } {
  const input: Record<string, unknown> = {};
  for (const mapping of resource.field_mappings) {
    if (mapping.api_name === 'id') continue;
    const raw = mapping.index === undefined ? '' : (row[mapping.index] ?? '');
    if (raw === '') {
      if (mapping.default_value !== undefined) input[mapping.api_name] = mapping.default_value.value;
      else if (!resource.ignore_empty) input[mapping.api_name] = null;
      continue;
    }
    const def = module.fields.find((f) => f.api_name === mapping.api_name);
    const converted = cellValue(ctx, def, mapping, raw);
    if ('error' in converted) return { error: converted.error, apiName: mapping.api_name };
    input[mapping.api_name] = converted.value;
  }
  return { input };
}

function keyOf(resource: WriteResource, row: string[]): string {
  const mapping = resource.field_mappings.find(
    (m) => m.api_name === resource.find_by && m.index !== undefined,
  );
  return mapping ? (row[mapping.index!] ?? '').trim() : '';
}

/** [I] The record whose `find_by` field equals the key (text compared case-insensitively); the oldest when several do. */
function findExisting(
  ctx: EmulatorContext,
  module: ModuleDef,
  findBy: string,
  key: string,
): StoredRecord | undefined {
  const records = ctx.recordsOf(module.api_name);
  if (findBy === 'id') return records[key];
  const wanted = key.toLowerCase();
  let found: StoredRecord | undefined;
  for (const record of Object.values(records)) {
    if (cellText(record[findBy]).toLowerCase() !== wanted) continue;
    if (!found || compareIds(record.id, found.id) < 0) found = record;
  }
  return found;
}
