import type { EmulatorContext } from '../../context';
import type { RelatedListDef, UserDef } from '../../state/types';
import { idOf } from '../records/field-values';
import { isPlainObject } from '../body';
import { fieldDef } from '../records/render';
import { updateRecord } from '../records/write';
import { ItemErrors } from '../item-errors';
import { itemError, itemSuccess, ItemResult } from '../zoho-error';
import { link, unlink } from './links';
import { ParentRef } from './parent';
import { pointsAt } from './related-rows';

/**
 * Relates one record (`{id, ...relation fields}`) to `parent`: a many-to-many list stores a link;
 * [I] a lookup list points the child's lookup field at the parent through the record write path.
 */
export function addRelation(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
  item: unknown,
  user: UserDef,
  index: number,
): ItemResult {
  if (!isPlainObject(item)) return ItemErrors.notAnObject();
  const id = idOf(item.id);
  if (id === undefined) return ItemErrors.mandatory('id');
  if (!ctx.state.records[rl.module]?.[id]) return invalidRelatedId(id);
  if (rl.kind === 'link') {
    const relation = { ...item };
    delete relation.id;
    // [I] Price_Books↔Products carry a numeric `list_price`.
    if ('list_price' in relation && typeof relation.list_price !== 'number') {
      return ItemErrors.invalidType('list_price', 'double');
    }
    link(ctx, parent, rl, id, relation);
  } else {
    const outcome = updateRecord(
      ctx,
      ctx.module(rl.module),
      id,
      lookupValue(ctx, parent, rl, { id: parent.record.id }),
      user,
      index,
    );
    if (outcome.result.status === 'error') return outcome.result;
  }
  return itemSuccess('relation added', { id });
}

/** Removes one relation; [I] for a lookup list, clears the child's lookup field. */
export function removeRelation(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
  id: string,
  user: UserDef,
  index: number,
): ItemResult {
  if (rl.kind === 'link') {
    if (!unlink(ctx, parent, rl, id)) return invalidRelatedId(id);
  } else {
    const module = ctx.module(rl.module);
    const child = ctx.state.records[module.api_name]?.[id];
    if (!child || !pointsAt(module, rl, child, parent)) return invalidRelatedId(id);
    const outcome = updateRecord(ctx, module, id, lookupValue(ctx, parent, rl, null), user, index);
    if (outcome.result.status === 'error') return outcome.result;
  }
  return itemSuccess('relation removed', { id });
}

/** The child's update for a lookup list; a polymorphic lookup (`What_Id`) also sets `$se_module`. */
function lookupValue(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
  value: { id: string } | null,
): Record<string, unknown> {
  const field = rl.lookup_field as string;
  const polymorphic = fieldDef(ctx.module(rl.module), field)?.lookup_module === '$se_module';
  return polymorphic && value ? { [field]: value, $se_module: parent.module.api_name } : { [field]: value };
}

function invalidRelatedId(id: string): ItemResult {
  return itemError('INVALID_DATA', 'the related id given seems to be invalid', { id });
}
