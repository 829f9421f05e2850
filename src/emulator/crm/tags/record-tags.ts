import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { itemError, itemSuccess, ItemResult } from '../zoho-error';
import { createTag, findTagByName, recordTags, setRecordTags } from './tag-store';

/** Zoho allows 10 tags per record (docs/zoho-v2-notes.md §5.13). */
export const MAX_TAGS_PER_RECORD = 10;

/**
 * Tags a record by name, creating tags the module does not have yet; `overwrite` replaces the record's
 * tags. Past 10 tags nothing changes: no tag is created and the record keeps its tags.
 */
export function addTags(
  ctx: EmulatorContext,
  module: ModuleDef,
  record: StoredRecord,
  names: string[],
  overwrite: boolean,
  user: UserDef,
): ItemResult {
  const kept = overwrite ? [] : recordTags(record);
  const fresh = uniqueNames(names).filter((name) => !kept.some((t) => sameName(t.name, name)));
  if (kept.length + fresh.length > MAX_TAGS_PER_RECORD) {
    // [I] Zoho's per-record message for the 10-tag limit is not documented.
    return itemError('LIMIT_EXCEEDED', 'limit exceeded', { id: record.id, limit: MAX_TAGS_PER_RECORD });
  }
  const added = fresh.map((name) => {
    const tag = findTagByName(ctx, module.api_name, name) ?? createTag(ctx, module.api_name, name, user);
    return { name: tag.name, id: tag.id };
  });
  setRecordTags(record, [...kept, ...added]);
  return tagsUpdated(record);
}

/** Takes tags off a record by name; names it does not carry are ignored. */
export function removeTags(record: StoredRecord, names: string[]): ItemResult {
  setRecordTags(
    record,
    recordTags(record).filter((t) => !names.some((name) => sameName(t.name, name))),
  );
  return tagsUpdated(record);
}

/** [I] `details.tags` lists every tag the record carries afterwards. */
function tagsUpdated(record: StoredRecord): ItemResult {
  return itemSuccess('tags updated successfully', {
    id: record.id,
    tags: recordTags(record).map((t) => t.name),
  });
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function uniqueNames(names: string[]): string[] {
  return names.filter((name, i) => names.findIndex((other) => sameName(other, name)) === i);
}
