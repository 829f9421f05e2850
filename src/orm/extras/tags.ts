import * as ops from '../../api/operations/tags-operations';
import { MAX_TAGS_PER_RECORD } from '../../api/entities/record-tags';
import { idString, isJsonObject } from '../../api/mappers/json-utils';
import { firstOf } from '../../api/operations/item-results';
import { getRecord } from '../../api/operations/record-operations';
import { requireList } from '../../api/support/checks';
import { singleWrite } from '../../api/support/single-write';
import type { RecordTag } from '../values/tag';
import { ExtrasOptions, ExtrasRecord, ResolvedRecord, resolveRecord } from './record-context';

/** Options of {@link addTags}. */
export interface TagsOptions extends ExtrasOptions {
  /** Replace the record's tags with these instead of adding them (`over_write=true`). */
  overWrite?: boolean;
}

/**
 * Tags a saved record by name (`POST /{module}/{id}/actions/add_tags`), 1 to 10 names; tags the module lacks
 * are created. Resolves with the names of every tag the record carries afterwards, as Zoho reports them (should
 * its answer not list them, they are read back with `GET /{module}/{id}?fields=Tag`), and sets the record's
 * `tags` to them (`{name, id}`, ids kept for tags the record already listed; the others get theirs on `reload()`).
 *
 * Checked before any request (statusCode 0): the record has an id; 1 to 10 non-empty names, none with a comma
 * (Zoho reads commas as separators).
 */
export async function addTags(
  record: ExtrasRecord,
  names: readonly string[],
  options: TagsOptions = {},
): Promise<string[]> {
  const context = resolveRecord(record, 'addTags', options);
  return tag(record, context, 'add_tags', names, options.overWrite);
}

/** Takes tags off a saved record by name (`POST /{module}/{id}/actions/remove_tags`); see {@link addTags}. */
export async function removeTags(
  record: ExtrasRecord,
  names: readonly string[],
  options: ExtrasOptions = {},
): Promise<string[]> {
  const context = resolveRecord(record, 'removeTags', options);
  return tag(record, context, 'remove_tags', names, undefined);
}

async function tag(
  record: ExtrasRecord,
  context: ResolvedRecord,
  action: 'add_tags' | 'remove_tags',
  names: readonly string[],
  overWrite: boolean | undefined,
): Promise<string[]> {
  const tagNames = requireList(names, `${context.operation} tag names`, 1, MAX_TAGS_PER_RECORD);
  const { item } = await singleWrite(() =>
    ops.tagRecord(context.client, action, context.moduleApiName, context.id, tagNames, overWrite),
  );
  const reported = isJsonObject(item.details) ? item.details.tags : undefined;
  // Zoho lists the record's tags in `details.tags`; should an answer lack them, read them back.
  const after = Array.isArray(reported) ? namesOf(reported) : await readTags(context);
  const target = record as { tags?: unknown };
  const known = new Map<string, string | undefined>();
  if (Array.isArray(target.tags)) {
    for (const t of target.tags)
      if (isJsonObject(t) && typeof t.name === 'string') known.set(t.name, idString(t.id));
  }
  target.tags = after.map((name): RecordTag => {
    const id = known.get(name);
    return id === undefined ? { name } : { name, id };
  });
  return after;
}

/** The record's tag names (`GET /{module}/{id}?fields=Tag`). */
async function readTags(context: ResolvedRecord): Promise<string[]> {
  const response = await getRecord(context.client, context.moduleApiName, context.id, {
    params: { fields: 'Tag' },
  });
  const json = firstOf(response, 'data');
  return Array.isArray(json?.Tag) ? namesOf(json.Tag) : [];
}

/** Names from `["a", …]` or `[{name, id}, …]`. */
function namesOf(list: unknown[]): string[] {
  return list
    .map((t) =>
      typeof t === 'string' ? t : isJsonObject(t) && typeof t.name === 'string' ? t.name : undefined,
    )
    .filter((t): t is string => t !== undefined);
}
