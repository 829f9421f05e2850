import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { itemError, itemSuccess, ItemResult } from '../zoho-error';

/**
 * The one write path for records of every module (records routes, notes, bulk write, lead conversion and
 * seeding all use it), so validation and computed fields behave the same everywhere.
 */
export interface WriteOutcome {
  result: ItemResult;
  /** The stored record after a successful write. */
  record?: StoredRecord;
}

/** Inserts one input item; `index` is its position in the request (for error details). */
export function insertRecord(ctx: EmulatorContext, module: ModuleDef, input: unknown, user: UserDef, _index = 0): WriteOutcome {
  if (!isPlainObject(input)) return { result: itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }) };
  const missing = module.fields.find((f) => f.system_mandatory && (input[f.api_name] === undefined || input[f.api_name] === null));
  if (missing) return { result: itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: missing.api_name }) };
  const now = ctx.timestamp();
  const id = ctx.newId();
  const by = { id: user.id };
  const record: StoredRecord = { ...input, id, Owner: input.Owner ?? by, Created_By: by, Modified_By: by, Created_Time: now, Modified_Time: now };
  ctx.recordsOf(module.api_name)[id] = record;
  return { result: itemSuccess('record added', auditDetails(ctx, record)), record };
}

/** Updates one record by id with the input's fields. */
export function updateRecord(ctx: EmulatorContext, module: ModuleDef, id: string, input: unknown, user: UserDef, _index = 0): WriteOutcome {
  const record = ctx.recordsOf(module.api_name)[id];
  if (!record) return { result: itemError('INVALID_DATA', 'the id given seems to be invalid', { id }) };
  if (!isPlainObject(input)) return { result: itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }) };
  Object.assign(record, input, { id, Modified_By: { id: user.id }, Modified_Time: ctx.timestamp() });
  return { result: itemSuccess('record updated', auditDetails(ctx, record)), record };
}

/** Moves a record to the recycle bin. */
export function deleteRecord(ctx: EmulatorContext, module: ModuleDef, id: string, _user: UserDef): ItemResult {
  const records = ctx.recordsOf(module.api_name);
  if (!records[id]) return itemError('INVALID_DATA', 'record not deleted', { id });
  delete records[id];
  return itemSuccess('record deleted', { id });
}

/** `details` of a successful write: audit fields rendered as Zoho does. */
export function auditDetails(ctx: EmulatorContext, record: StoredRecord): Record<string, unknown> {
  const user = (value: unknown) => {
    const u = ctx.userById((value as { id: string }).id);
    return u ? { name: `${u.first_name} ${u.last_name}`, id: u.id } : value;
  };
  return {
    Modified_Time: record.Modified_Time,
    Modified_By: user(record.Modified_By),
    Created_Time: record.Created_Time,
    id: record.id,
    Created_By: user(record.Created_By),
  };
}

/** HTTP status of a write batch: `successStatus` when every item succeeded, 400 when all failed, else the mixed status. */
export function batchStatus(ctx: EmulatorContext, results: ItemResult[], successStatus: number): number {
  const ok = results.filter((r) => r.status === 'success').length;
  if (ok === results.length) return successStatus;
  if (ok === 0) return 400;
  return ctx.settings.mixedStatus;
}
