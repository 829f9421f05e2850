import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { idOf } from './field-values';
import { noteRemoved } from './duplicates';

/** Modules whose records belong to a parent record through `Parent_Id`. */
export const CHILD_MODULES = ['Notes', 'Attachments'];

/**
 * What goes with a deleted record, as in Zoho: its notes and attachments (and theirs), their file bytes,
 * its photo and its many-to-many links on both sides.
 */
export function removeDependents(ctx: EmulatorContext, module: ModuleDef, id: string): void {
  delete ctx.state.files[id];
  delete ctx.state.photos[`${module.api_name}:${id}`];
  const ownLinks = `${module.api_name}:${id}:`;
  for (const key of Object.keys(ctx.state.links)) {
    if (key.startsWith(ownLinks)) delete ctx.state.links[key];
    else delete ctx.state.links[key][id];
  }
  for (const childModule of CHILD_MODULES) {
    const children = ctx.state.records[childModule];
    if (!children) continue;
    for (const child of Object.values(children)) {
      if (idOf(child.Parent_Id) !== id) continue;
      delete children[child.id];
      noteRemoved(children);
      removeDependents(ctx, ctx.module(childModule), child.id);
    }
  }
}
