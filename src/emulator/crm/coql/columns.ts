import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { parseDateTime } from '../../time';
import type { Typed } from '../query/compare';
import { idOf } from '../records/field-values';
import { findField, kindOf } from '../query/fields';
import { lookupTarget, typedFieldValue } from '../query/record-values';
import { ApiErrors } from '../zoho-error';
import type { ColumnRef } from './ast';

/** A COQL column resolved against the metadata: the lookups it follows and the field it ends on. */
export interface ResolvedColumn {
  /** Output key: the canonical API names joined by dots (`Account_Name.Account_Name`). */
  key: string;
  /** Lookup fields followed to reach `field`, at most {@link MAX_RELATIONS}. */
  hops: FieldDef[];
  field: FieldDef;
}

/** COQL follows at most two lookup relations (`Account_Name.Parent_Account.Account_Name`). */
const MAX_RELATIONS = 2;

/** [I] What a user lookup exposes to dotted COQL columns (`Owner.email`, `Owner.last_name` …). */
const USER_FIELDS: ModuleDef = {
  api_name: 'users',
  singular_label: 'User',
  plural_label: 'Users',
  generated_type: 'default',
  display_field: 'full_name',
  fields: [
    { api_name: 'first_name', field_label: 'First Name', data_type: 'text' },
    { api_name: 'last_name', field_label: 'Last Name', data_type: 'text' },
    { api_name: 'full_name', field_label: 'Full Name', data_type: 'text' },
    { api_name: 'email', field_label: 'Email', data_type: 'email' },
  ],
};

/** Resolves a column; unknown or unsupported fields are `INVALID_QUERY` with `{"column_name"}`. */
export function resolveColumn(ctx: EmulatorContext, module: ModuleDef, ref: ColumnRef): ResolvedColumn {
  const invalid = () => ApiErrors.invalidQuery({ column_name: ref.text });
  // [I] A third relation is a limit, not a syntax problem.
  if (ref.parts.length - 1 > MAX_RELATIONS)
    throw ApiErrors.limitExceeded({ column_name: ref.text, limit: MAX_RELATIONS });
  const hops: FieldDef[] = [];
  let current = module;
  for (const part of ref.parts.slice(0, -1)) {
    const hop = findField(current, part);
    if (!hop) throw invalid();
    const kind = kindOf(hop);
    const target =
      kind === 'user' ? USER_FIELDS : kind === 'lookup' ? ctx.findModule(hop.lookup_module ?? '') : undefined;
    if (!target) throw invalid();
    hops.push(hop);
    current = target;
  }
  const field = findField(current, ref.parts[ref.parts.length - 1]);
  if (!field || kindOf(field) === 'unsupported') throw invalid();
  return { key: [...hops, field].map((f) => f.api_name).join('.'), hops, field };
}

function userRecord(ctx: EmulatorContext, user: UserDef): StoredRecord {
  return {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    full_name: ctx.userRef(user).name,
    email: user.email,
  };
}

/** The record holding a column's field after following its lookups; undefined when a lookup is empty. */
function holderOf(
  ctx: EmulatorContext,
  column: ResolvedColumn,
  record: StoredRecord,
): StoredRecord | undefined {
  let holder: StoredRecord | undefined = record;
  for (const hop of column.hops) {
    const id = idOf(holder[hop.api_name]);
    if (id === undefined) return undefined;
    if (kindOf(hop) === 'user') {
      const user = ctx.userById(id);
      holder = user ? userRecord(ctx, user) : undefined;
    } else {
      const target = ctx.findModule(lookupTarget(hop, holder) ?? '');
      holder = target ? ctx.state.records[target.api_name]?.[id] : undefined;
    }
    if (!holder) return undefined;
  }
  return holder;
}

/** A column's value on a record, typed for comparison and sorting. */
export function typedColumnValue(
  ctx: EmulatorContext,
  column: ResolvedColumn,
  record: StoredRecord,
): Typed | null {
  const holder = holderOf(ctx, column, record);
  return holder ? typedFieldValue(ctx, column.field, holder) : null;
}

/** A column's value as COQL returns it: lookups as `{"id"}` only, date-times in the org's offset. */
export function outputColumnValue(
  ctx: EmulatorContext,
  column: ResolvedColumn,
  record: StoredRecord,
): unknown {
  const value = holderOf(ctx, column, record)?.[column.field.api_name];
  if (value === undefined || value === null) return null;
  switch (kindOf(column.field)) {
    case 'lookup':
    case 'user': {
      const id = idOf(value);
      return id === undefined ? null : { id };
    }
    case 'datetime': {
      const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
      return ms === undefined ? value : ctx.timestamp(ms);
    }
    default:
      return value;
  }
}
