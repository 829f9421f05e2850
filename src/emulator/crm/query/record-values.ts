import type { EmulatorContext } from '../../context';
import type { FieldDef, StoredRecord } from '../../state/types';
import { renderLookup } from '../records/render';
import { kindOf } from './fields';
import { Typed, typedStored } from './compare';

/** The module a lookup field points at (`$se_module` lookups point where the record says). */
export function lookupTarget(def: FieldDef, record: StoredRecord): string | undefined {
  return def.lookup_module === '$se_module'
    ? (record['$se_module'] as string | undefined)
    : def.lookup_module;
}

/** Names a lookup id is also known by: the target's display name, or a user's full name and email. */
function refNames(ctx: EmulatorContext, def: FieldDef, record: StoredRecord, id: string): string[] {
  if (kindOf(def) === 'user') {
    const user = ctx.userById(id);
    return user ? [ctx.userRef(user).name, user.email] : [];
  }
  const { name } = renderLookup(ctx, lookupTarget(def, record), id) as { name: string | null };
  return name === null ? [] : [name];
}

/** A record's value of one field, typed for comparison. */
export function typedFieldValue(ctx: EmulatorContext, def: FieldDef, record: StoredRecord): Typed | null {
  return typedStored(kindOf(def), record[def.api_name], (id) => refNames(ctx, def, record, id));
}
