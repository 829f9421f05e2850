import type { EmulatorContext } from '../../context';
import type { StoredRecord, TagDef, UserDef } from '../../state/types';
import { ApiErrors } from '../zoho-error';

/** How a record carries its tags (`Tag` field, docs/zoho-v2-notes.md §8). */
export interface TagRef {
  name: string;
  id: string;
}

/**
 * Tag definitions live in `state.tags` (one module each); records keep `Tag: [{name, id}]` in wire form,
 * so renames, merges and deletes rewrite the records that carry the tag.
 */
export function tagsOfModule(ctx: EmulatorContext, module: string): TagDef[] {
  return ctx.state.tags.filter((t) => t.module === module);
}

/** Tag names are unique per module, compared case-insensitively. */
export function findTagByName(ctx: EmulatorContext, module: string, name: string): TagDef | undefined {
  const lower = name.toLowerCase();
  return tagsOfModule(ctx, module).find((t) => t.name.toLowerCase() === lower);
}

export function findTag(ctx: EmulatorContext, id: string): TagDef | undefined {
  return ctx.state.tags.find((t) => t.id === id);
}

/** The tag a `/settings/tags/{id}` path names, or Zoho's invalid-id error. */
export function requireTag(ctx: EmulatorContext, id: string): TagDef {
  const tag = findTag(ctx, id);
  if (!tag) throw ApiErrors.invalidId(id);
  return tag;
}

export function createTag(ctx: EmulatorContext, module: string, name: string, user: UserDef): TagDef {
  const now = ctx.timestamp();
  const tag: TagDef = {
    id: ctx.newId(),
    name,
    module,
    created_by: user.id,
    created_time: now,
    modified_by: user.id,
    modified_time: now,
  };
  ctx.state.tags.push(tag);
  return tag;
}

/** A tag as `/settings/tags` lists it. */
export function renderTag(ctx: EmulatorContext, tag: TagDef): Record<string, unknown> {
  return {
    created_by: userRef(ctx, tag.created_by),
    modified_by: userRef(ctx, tag.modified_by),
    created_time: tag.created_time,
    modified_time: tag.modified_time,
    name: tag.name,
    id: tag.id,
  };
}

export function recordTags(record: StoredRecord): TagRef[] {
  return Array.isArray(record.Tag) ? (record.Tag as TagRef[]) : [];
}

export function setRecordTags(record: StoredRecord, tags: TagRef[]): void {
  record.Tag = tags;
}

/** Records of the tag's module that carry it. */
export function taggedRecords(ctx: EmulatorContext, tag: TagDef): StoredRecord[] {
  return Object.values(ctx.recordsOf(tag.module)).filter((r) => recordTags(r).some((t) => t.id === tag.id));
}

export function renameTag(ctx: EmulatorContext, tag: TagDef, name: string, user: UserDef): void {
  tag.name = name;
  tag.modified_by = user.id;
  tag.modified_time = ctx.timestamp();
  for (const record of taggedRecords(ctx, tag)) {
    setRecordTags(
      record,
      recordTags(record).map((t) => (t.id === tag.id ? { name, id: tag.id } : t)),
    );
  }
}

/** Deletes a tag definition and takes it off every record. */
export function deleteTag(ctx: EmulatorContext, tag: TagDef): void {
  for (const record of taggedRecords(ctx, tag))
    setRecordTags(
      record,
      recordTags(record).filter((t) => t.id !== tag.id),
    );
  ctx.state.tags = ctx.state.tags.filter((t) => t.id !== tag.id);
}

/** Moves every record of `conflict` onto `target` (once each) and deletes `conflict`. */
export function mergeTag(ctx: EmulatorContext, target: TagDef, conflict: TagDef): void {
  for (const record of taggedRecords(ctx, conflict)) {
    const kept = recordTags(record).filter((t) => t.id !== conflict.id);
    if (!kept.some((t) => t.id === target.id)) kept.push({ name: target.name, id: target.id });
    setRecordTags(record, kept);
  }
  ctx.state.tags = ctx.state.tags.filter((t) => t.id !== conflict.id);
}

function userRef(ctx: EmulatorContext, id: string): { name: string; id: string } {
  const user = ctx.userById(id);
  return { name: user ? `${user.first_name} ${user.last_name}`.trim() : '', id };
}
