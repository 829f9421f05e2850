import * as service from '../../api/services/record-tags-service';
import { idString, isJsonObject } from '../../api/mappers/json-utils';
import { requireList } from '../../api/support/checks';
import type { RecordTag } from '../values/tag';
import { ExtrasOptions, ExtrasRecord, ResolvedRecord, resolveRecord } from './record-context';

/** Options of `addTags()` (`invoice.addTags(names, options)`). */
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
  const tagNames = requireTagNames(names, context);
  const response = await service.addTags(context.parent, tagNames, { overWrite: options.overWrite });
  return applyTags(record, context, response.details);
}

/** Takes tags off a saved record by name (`POST /{module}/{id}/actions/remove_tags`); see {@link addTags}. */
export async function removeTags(
  record: ExtrasRecord,
  names: readonly string[],
  options: ExtrasOptions = {},
): Promise<string[]> {
  const context = resolveRecord(record, 'removeTags', options);
  const tagNames = requireTagNames(names, context);
  const response = await service.removeTags(context.parent, tagNames);
  return applyTags(record, context, response.details);
}

function requireTagNames(names: readonly string[], context: ResolvedRecord): string[] {
  return requireList(names, `${context.operation} tag names`, 1, service.MAX_TAGS_PER_RECORD);
}

/** Sets the model's `tags` to what the record carries after a tag call, and returns their names. */
async function applyTags(
  record: ExtrasRecord,
  context: ResolvedRecord,
  details: Record<string, unknown> | undefined,
): Promise<string[]> {
  const reported = details?.tags;
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
  await context.parent.get({ params: { fields: 'Tag' } });
  return context.parent.tagList.map((t) => t.name).filter((name): name is string => typeof name === 'string');
}

/** Names from `["a", …]` or `[{name, id}, …]`. */
function namesOf(list: unknown[]): string[] {
  return list
    .map((t) =>
      typeof t === 'string' ? t : isJsonObject(t) && typeof t.name === 'string' ? t.name : undefined,
    )
    .filter((t): t is string => t !== undefined);
}
