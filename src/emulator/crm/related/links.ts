import type { EmulatorContext } from '../../context';
import type { RelatedListDef } from '../../state/types';
import type { ParentRef } from './parent';

/** Relation data of one link (e.g. `Member_Status` for Campaigns, `list_price` for Price_Books↔Products). */
export type RelationData = Record<string, unknown>;

/**
 * Many-to-many links live in `state.links` under `${module}:${id}:${relatedList}` → related id → relation
 * data, written on both sides so either record lists the other.
 */
function linkKey(module: string, id: string, relatedList: string): string {
  return `${module}:${id}:${relatedList}`;
}

/** The records linked to `parent` through `rl`, with their relation data. */
export function linksOf(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
): Record<string, RelationData> {
  return ctx.state.links[linkKey(parent.module.api_name, parent.record.id, rl.api_name)] ?? {};
}

/** Links (or re-links, merging relation data) `relatedId` to `parent`, and mirrors it on the related record. */
export function link(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
  relatedId: string,
  data: RelationData,
): void {
  for (const [key, otherId] of sides(ctx, parent, rl, relatedId)) {
    const links = (ctx.state.links[key] ??= {});
    links[otherId] = { ...links[otherId], ...data };
  }
}

/** Removes a link on both sides; false when there was none. */
export function unlink(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
  relatedId: string,
): boolean {
  if (!(relatedId in linksOf(ctx, parent, rl))) return false;
  for (const [key, otherId] of sides(ctx, parent, rl, relatedId)) {
    const links = ctx.state.links[key];
    if (!links) continue;
    delete links[otherId];
    if (Object.keys(links).length === 0) delete ctx.state.links[key];
  }
  return true;
}

/** The link maps to write: the parent's, and the related record's reverse list when its module has one. */
function sides(
  ctx: EmulatorContext,
  parent: ParentRef,
  rl: RelatedListDef,
  relatedId: string,
): Array<[string, string]> {
  const result: Array<[string, string]> = [
    [linkKey(parent.module.api_name, parent.record.id, rl.api_name), relatedId],
  ];
  const reverse = ctx
    .findModule(rl.module)
    ?.related_lists?.find((other) => other.kind === 'link' && other.module === parent.module.api_name);
  if (reverse) result.push([linkKey(rl.module, relatedId, reverse.api_name), parent.record.id]);
  return result;
}
