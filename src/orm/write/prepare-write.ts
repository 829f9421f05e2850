import type { Json } from '../../api/mappers/json-utils';
import type { FieldMetadata } from '../../metadata/field-metadata';
import { canonical, ModelMapping } from '../mapping/model-mapping';
import type { WriteIssue } from '../mapping/field-codecs';
import { stateOf } from '../state/record-state';
import { recordProblems, validationError } from '../validation/validate-record';
import type { CrmValidationError } from '../errors/crm-validation-error';
import { OrmErrors } from '../errors/orm-errors';

/** What a write does with a record: `insert` (no id), `update` (changed fields), `upsert`, or `none` (no change). */
export type WriteKind = 'insert' | 'update' | 'upsert' | 'none';

/** A record ready to send. */
export interface PreparedWrite {
  kind: WriteKind;
  /** The element of the body's `data`. */
  json: Json;
  /** API name → canonical wire form of every writable field now (what Zoho has after success). */
  current: Map<string, string>;
  /** The API names sent. */
  sent: string[];
  /**
   * True when what was sent makes Zoho compute something the record should show: rows (line items, subform
   * rows) get ids and amounts, and an inventory record's totals follow its lines, taxes, discount and
   * adjustment.
   */
  needsReload: boolean;
}

/** Modules whose totals Zoho computes (https://www.zoho.com/crm/developer/docs/api/v2/insert-records.html). */
const INVENTORY_MODULES = new Set(['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices']);
/** Inventory fields the totals depend on, besides the rows. */
const TOTAL_INPUTS = new Set(['Discount', 'Adjustment']);

/** The canonical wire form Zoho has for a field: written since, else as last read, else a fresh instance's. */
export function snapshotOf(record: object, mapping: ModelMapping, field: FieldMetadata): string {
  const state = stateOf(record);
  const synced = state.synced.get(field.apiName);
  if (synced !== undefined) return synced;
  const raw = state.raw;
  if (raw && Object.prototype.hasOwnProperty.call(raw, field.apiName)) {
    const codec = mapping.codec(field.propertyName)!;
    const value = codec.write(codec.read(raw[field.apiName], { record: raw }), { issues: [] });
    const text = canonical(value);
    state.synced.set(field.apiName, text);
    return text;
  }
  return mapping.blank(field.apiName);
}

/** True when the field's value came with the record (or was written since). */
function isLoaded(record: object, field: FieldMetadata): boolean {
  const state = stateOf(record);
  if (state.raw === undefined) return true;
  return state.synced.has(field.apiName) || Object.prototype.hasOwnProperty.call(state.raw, field.apiName);
}

/** True for an empty list, which an insert does not send. */
function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * Serialises and checks a record for a write, before anything is sent: an insert sends every field set, an
 * update only the fields that differ from what Zoho has (a field unset since is sent as `null`, which
 * clears it), an upsert every field set. class-validator and the ORM's own checks run first; a record with
 * problems comes back as a {@link CrmValidationError} listing every bad field (for an update, of the fields
 * it would send).
 */
export async function prepareWrite(
  record: object,
  mapping: ModelMapping,
  mode: 'save' | 'upsert',
  index?: number,
): Promise<PreparedWrite | CrmValidationError> {
  const issues: WriteIssue[] = [];
  const wire = mapping.serialize(record, issues);
  const current = new Map<string, string>();
  for (const field of mapping.writable) current.set(field.apiName, canonical(wire[field.apiName]));
  const id = (record as { id?: unknown }).id;
  const json: Json = {};
  const sent: string[] = [];
  let only: Set<string> | undefined;
  let kind: WriteKind;

  if (mode === 'upsert' || id === undefined || id === null || id === '') {
    kind = mode === 'upsert' ? 'upsert' : 'insert';
    for (const field of mapping.writable) {
      const value = wire[field.apiName];
      if (value === undefined || value === null || (mapping.isRows(field) && isEmptyList(value))) continue;
      json[field.apiName] = value;
      sent.push(field.apiName);
    }
  } else {
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      issues.push({
        property: 'id',
        apiName: 'id',
        message: `a record id is a string of digits, got ${JSON.stringify(id)}`,
      });
    }
    json.id = id;
    only = new Set(['id']);
    for (const field of mapping.writable) {
      if (current.get(field.apiName) === snapshotOf(record, mapping, field)) continue;
      only.add(field.propertyName);
      if (mapping.isRows(field) && !isLoaded(record, field)) {
        const error = OrmErrors.notLoaded(mapping.name, field.propertyName, field.apiName);
        issues.push({
          property: field.propertyName,
          apiName: field.apiName,
          message: error.errorMessage.replace(/^[^:]*: /, ''),
        });
        continue;
      }
      const value = wire[field.apiName];
      json[field.apiName] = value === undefined ? null : value;
      sent.push(field.apiName);
    }
    kind = sent.length === 0 ? 'none' : 'update';
  }

  const problems = await recordProblems(record, mapping, issues, only);
  const error = validationError(mapping, problems, index);
  if (error) return error;
  const inventory = INVENTORY_MODULES.has(mapping.module);
  const needsReload = sent.some((apiName) => {
    if (inventory && TOTAL_INPUTS.has(apiName)) return true;
    const field = mapping.meta.fieldByApiName(apiName);
    return field !== undefined && mapping.isRows(field);
  });
  return { kind, json, current, sent, needsReload };
}

/** Records that Zoho now has what was sent (after a successful write). */
export function markWritten(record: object, prepared: PreparedWrite): void {
  const state = stateOf(record);
  const names = prepared.kind === 'update' ? prepared.sent : [...prepared.current.keys()];
  for (const apiName of names) state.synced.set(apiName, prepared.current.get(apiName)!);
}
