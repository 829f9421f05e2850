import { ZCRMTag } from '../entities/zcrm-tag';
import { idString, isJsonObject, num, str } from './json-utils';

/**
 * Tags on records (`Tag: [{name, id}]`, and the `tags: ["name"]` list of add/remove-tag responses) ↔
 * {@link ZCRMTag}. The seed swapped id and name here and never parsed the list (a seed defect).
 */

/** Parses `{name, id, …}` or a bare tag name; `undefined` for anything else. */
export function parseTag(json: unknown, moduleApiName?: string): ZCRMTag | undefined {
  if (typeof json === 'string') return withModule(ZCRMTag.getInstance(undefined, json), moduleApiName);
  if (!isJsonObject(json)) return undefined;
  const tag = ZCRMTag.getInstance(idString(json.id), str(json.name) ?? undefined);
  const created = str(json.created_time);
  if (created) tag.createdTime = created;
  const modified = str(json.modified_time);
  if (modified) tag.modifiedTime = modified;
  const count = num(json.count);
  if (typeof count === 'number') tag.count = count;
  return withModule(tag, moduleApiName);
}

/** Parses a list of tags, skipping entries that are not tags. */
export function parseTagList(json: unknown, moduleApiName?: string): ZCRMTag[] {
  if (!Array.isArray(json)) return [];
  return json.map((t) => parseTag(t, moduleApiName)).filter((t): t is ZCRMTag => t !== undefined);
}

/** A record's tag as a write sends it: `{name}` plus `id` when known. */
export function tagToJson(tag: ZCRMTag): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (tag.id !== undefined) out.id = tag.id;
  if (tag.name !== undefined) out.name = tag.name;
  return out;
}

function withModule(tag: ZCRMTag, moduleApiName: string | undefined): ZCRMTag {
  if (moduleApiName !== undefined) tag.moduleApiName = moduleApiName;
  return tag;
}
