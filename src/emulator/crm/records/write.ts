import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { itemSuccess, ItemResult } from '../zoho-error';
import { computedFields } from './computed-fields';
import { removeDependents } from './dependents';
import { checkUnique, noteAdded, noteRemoved } from './duplicates';
import { idOf } from './field-values';
import { ItemErrors } from '../item-errors';
import { fail, ItemFailure } from './item-failure';
import { buildPatch, ROW_TYPES } from './record-input';
import { recordsState } from './records-state';
import { displayName } from './render';

/**
 * The one write path for records of every module (records routes, notes, bulk write, lead conversion and
 * seeding all use it), so validation and computed fields behave the same everywhere. Every write validates
 * first and stores only when the whole item is valid: a failed item leaves stored data untouched.
 */
export interface WriteOutcome {
  result: ItemResult;
  /** The stored record after a successful write. */
  record?: StoredRecord;
}

/** Inserts one input item; `index` is its position in the request (kept for callers; v2 errors carry no path). */
export function insertRecord(
  ctx: EmulatorContext,
  module: ModuleDef,
  input: unknown,
  user: UserDef,
  _index = 0,
): WriteOutcome {
  return attempt(() => {
    const record = commitInsert(ctx, module, prepareInsert(ctx, module, input, user), user);
    return { result: itemSuccess('record added', auditDetails(ctx, record)), record };
  });
}

/** Updates one record by id with the input's fields. */
export function updateRecord(
  ctx: EmulatorContext,
  module: ModuleDef,
  id: string,
  input: unknown,
  user: UserDef,
  _index = 0,
): WriteOutcome {
  return attempt(() => {
    const record = ctx.recordsOf(module.api_name)[id];
    if (!record) fail(ItemErrors.invalidId(id));
    commitUpdate(ctx, module, record, prepareUpdate(ctx, module, record, input), user);
    return { result: itemSuccess('record updated', auditDetails(ctx, record)), record };
  });
}

/**
 * Validates an insert without storing anything: the fields of the new record (no id or audit fields yet).
 * Throws `ItemFailure`.
 */
export function prepareInsert(
  ctx: EmulatorContext,
  module: ModuleDef,
  input: unknown,
  user: UserDef,
): Record<string, unknown> {
  if (!isPlainObject(input)) fail(ItemErrors.notAnObject());
  const patch = buildPatch(ctx, module, input, 'insert');
  const fields: Record<string, unknown> = { Owner: { id: user.id }, ...patch };
  Object.assign(fields, computedFields(module, fields as StoredRecord, new Set(Object.keys(patch))));
  checkUnique(ctx, module, fields);
  return fields;
}

/** Stores prepared fields as a new record: id, autonumbers, row ids and audit fields. */
export function commitInsert(
  ctx: EmulatorContext,
  module: ModuleDef,
  fields: Record<string, unknown>,
  user: UserDef,
): StoredRecord {
  const now = ctx.timestamp();
  const by = { id: user.id };
  const record: StoredRecord = {
    ...fields,
    id: ctx.newId(),
    Created_By: by,
    Modified_By: by,
    Created_Time: now,
    Modified_Time: now,
  };
  const counters = recordsState(ctx).autonumbers;
  for (const def of module.fields) {
    if (def.data_type !== 'autonumber') continue;
    const key = `${module.api_name}.${def.api_name}`;
    counters[key] = (counters[key] ?? 0) + 1;
    record[def.api_name] = String(counters[key]);
  }
  assignRowIds(ctx, module, record);
  const records = ctx.recordsOf(module.api_name);
  records[record.id] = record;
  noteAdded(records, record);
  return record;
}

/** Validates an update of `record` without storing it: the fields to change, computed fields included. */
export function prepareUpdate(
  ctx: EmulatorContext,
  module: ModuleDef,
  record: StoredRecord,
  input: unknown,
): Record<string, unknown> {
  if (!isPlainObject(input)) fail(ItemErrors.notAnObject());
  const patch = buildPatch(ctx, module, input, 'update', record);
  const changes = {
    ...patch,
    ...computedFields(module, { ...record, ...patch }, new Set(Object.keys(patch))),
  };
  checkUnique(ctx, module, patch, record.id);
  return changes;
}

/** Applies prepared changes in place, so references to the stored record stay valid. */
export function commitUpdate(
  ctx: EmulatorContext,
  module: ModuleDef,
  record: StoredRecord,
  changes: Record<string, unknown>,
  user: UserDef,
): void {
  assignRowIds(ctx, module, changes);
  Object.assign(record, changes, { Modified_By: { id: user.id }, Modified_Time: ctx.timestamp() });
}

/** Moves a record to the recycle bin, with its notes, attachments, links and photo. */
export function deleteRecord(ctx: EmulatorContext, module: ModuleDef, id: string, user: UserDef): ItemResult {
  const records = ctx.recordsOf(module.api_name);
  const record = records[id];
  if (!record) return ItemErrors.notDeleted(id);
  delete records[id];
  noteRemoved(records);
  ctx.state.deleted.push({
    id,
    module: module.api_name,
    display_name: displayName(module, record) ?? '',
    type: 'recycle',
    deleted_time: ctx.timestamp(),
    deleted_by: user.id,
    created_by: idOf(record.Created_By) ?? user.id,
  });
  removeDependents(ctx, module, id);
  return itemSuccess('record deleted', { id });
}

/** `details` of a successful write: audit fields rendered as Zoho does. */
export function auditDetails(ctx: EmulatorContext, record: StoredRecord): Record<string, unknown> {
  const user = (value: unknown) => {
    const id = idOf(value);
    const u = id === undefined ? undefined : ctx.userById(id);
    return u ? { name: ctx.userRef(u).name, id: u.id } : value;
  };
  return {
    Modified_Time: record.Modified_Time,
    Modified_By: user(record.Modified_By),
    Created_Time: record.Created_Time,
    id: record.id,
    Created_By: user(record.Created_By),
  };
}

/** Runs a write, turning an `ItemFailure` into the item's error result. */
function attempt(write: () => WriteOutcome): WriteOutcome {
  try {
    return write();
  } catch (err) {
    if (err instanceof ItemFailure) return { result: err.result };
    throw err;
  }
}

/** New line items, pricing rows and subform rows get ids when stored. */
function assignRowIds(ctx: EmulatorContext, module: ModuleDef, fields: Record<string, unknown>): void {
  for (const def of module.fields) {
    const rows = fields[def.api_name];
    if (!ROW_TYPES.has(def.data_type) || !Array.isArray(rows)) continue;
    for (const row of rows as Array<{ id?: string }>) row.id ??= ctx.newId();
  }
}
