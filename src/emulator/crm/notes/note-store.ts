import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord } from '../../state/types';
import { attachmentsOf, renderAttachment } from '../attachments/attachment-store';
import { renderRecord } from '../records/render';
import { isChildOf, ParentRef } from '../related/parent';

/**
 * Notes are records of module `Notes`, each pointing at its parent through `Parent_Id` + `$se_module`; they
 * are written and deleted through the record write path (which also removes a deleted note's attachments).
 */
export function notesModule(ctx: EmulatorContext): ModuleDef {
  return ctx.module('Notes');
}

export function allNotes(ctx: EmulatorContext): StoredRecord[] {
  return Object.values(ctx.recordsOf(notesModule(ctx).api_name));
}

export function notesOf(ctx: EmulatorContext, parent: ParentRef): StoredRecord[] {
  return allNotes(ctx).filter((note) => isChildOf(note, parent));
}

/** A note as Zoho lists it: the stored fields plus the computed `$` keys of docs/zoho-v2-notes.md §5.16. */
export function renderNote(
  ctx: EmulatorContext,
  note: StoredRecord,
  fields?: readonly string[],
): Record<string, unknown> {
  const module = notesModule(ctx);
  const attachments = attachmentsOf(ctx, { module, record: note });
  return {
    ...renderRecord(ctx, module, note, fields),
    // [I] `$attachments` is null without attachments, else the note's attachments as the attachments list renders them.
    $attachments: attachments.length === 0 ? null : attachments.map((a) => renderAttachment(ctx, a)),
    $voice_note: false,
    $is_shared_to_client: false,
    $size: null,
  };
}
