import type { EmulatorContext } from '../../context';
import { isPlainObject } from '../body';
import type { ParentRef } from '../related/parent';
import { ItemErrors } from '../item-errors';
import type { ItemResult } from '../zoho-error';

/** Keys naming a note's parent: Zoho's docs send `se_module`, its SDKs `$se_module`. */
const PARENT_KEYS = ['Parent_Id', 'se_module', '$se_module'];

/**
 * A new note for the record write path, which checks `Parent_Id` (an id or `{id}`) against `$se_module` /
 * `se_module`. Under `/{module}/{id}/Notes` the URL names the parent, whatever the item says.
 */
export function prepareNewNote(
  ctx: EmulatorContext,
  item: unknown,
  parent?: ParentRef,
): { input: unknown } | { error: ItemResult } {
  if (!isPlainObject(item)) return { input: item };
  if (parent)
    return {
      input: {
        ...withoutParent(item),
        Parent_Id: { id: parent.record.id },
        $se_module: parent.module.api_name,
      },
    };
  const moduleName = item.$se_module ?? item.se_module;
  const module = typeof moduleName === 'string' ? ctx.findModule(moduleName) : undefined;
  // [I] A parent module that has no notes (Notes, Attachments) is refused like an invalid `$se_module`.
  if (module && !module.related_lists?.some((rl) => rl.kind === 'notes')) {
    return { error: ItemErrors.invalid('$se_module') };
  }
  return { input: item };
}

/** [I] An update cannot move a note to another parent: parent keys and the id are dropped. */
export function prepareNoteUpdate(item: unknown): unknown {
  if (!isPlainObject(item)) return item;
  const input = withoutParent(item);
  delete input.id;
  return input;
}

function withoutParent(item: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...item };
  for (const key of PARENT_KEYS) delete rest[key];
  return rest;
}
