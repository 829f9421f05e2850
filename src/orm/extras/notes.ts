import * as service from '../../api/services/record-notes-service';
import { ZCRMNote } from '../../api/entities/zcrm-note';
import { describeValue } from '../../api/support/describe-value';
import { ValidationException } from '../../errors/validation-exception';
import { collectPages, ListOptions } from './pages';
import { ExtrasOptions, ExtrasRecord, idOf, resolveRecord } from './record-context';

/** A note to add: `content` is required (`Note_Content`), `title` optional (`Note_Title`). */
export interface NoteInput {
  title?: string;
  content: string;
}

/** Options of `notes()` (`invoice.notes(options)`): paging (every page by default) and order. */
export interface NotesOptions extends ListOptions, ExtrasOptions {
  sortBy?: 'Created_Time' | 'Modified_Time' | 'id' | (string & {});
  sortOrder?: 'asc' | 'desc';
}

/**
 * Adds a note to a saved record (`POST /{module}/{id}/Notes`) and returns it as a `ZCRMNote` with its id,
 * created time and user filled in; its `parentRecord` is the record (as a `ZCRMRecord`), so the note's own
 * attachments can be managed from it (`note.uploadAttachment(...)`).
 *
 * Checked before any request (statusCode 0): the record has an id, `content` is a non-empty string, `title`
 * (when given) a string.
 */
export async function addNote(
  record: ExtrasRecord,
  note: NoteInput,
  options: ExtrasOptions = {},
): Promise<ZCRMNote> {
  const context = resolveRecord(record, 'addNote', options);
  if (typeof note !== 'object' || note === null) {
    throw ValidationException.invalidInput(
      'note',
      `${context.operation} needs {title?, content}, got ${describeValue(note)}`,
    );
  }
  service.requireNoteContent(note.content, context.operation.replace(/\(\)$/, ''));
  if (note.title !== undefined && typeof note.title !== 'string') {
    throw ValidationException.invalidInput(
      'note.title',
      `${context.operation}: the title (Note_Title) must be a string, got ${describeValue(note.title)}`,
    );
  }
  const entity = ZCRMNote.getInstance(context.parent, undefined, context.client);
  if (note.title !== undefined) entity.title = note.title;
  entity.content = note.content;
  await service.addNote(context.parent, entity);
  return entity;
}

/**
 * The record's notes (`GET /{module}/{id}/Notes`), every page unless `page` is given; `[]` when it has none.
 * Each is a `ZCRMNote` with owner, times and `$attachments`, its `parentRecord` the record.
 */
export async function notes(record: ExtrasRecord, options: NotesOptions = {}): Promise<ZCRMNote[]> {
  const context = resolveRecord(record, 'notes', options);
  return collectPages(options, context.operation, (page, perPage) =>
    service.getNotes(context.parent, { page, perPage, sortBy: options.sortBy, sortOrder: options.sortOrder }),
  );
}

/** Deletes one of the record's notes (`DELETE /{module}/{id}/Notes/{note_id}`), given as a note or its id. */
export async function removeNote(
  record: ExtrasRecord,
  note: ZCRMNote | string,
  options: ExtrasOptions = {},
): Promise<void> {
  const context = resolveRecord(record, 'removeNote', options);
  const noteId = idOf(note, 'note', context.operation);
  await service.deleteNote(context.parent, ZCRMNote.getInstance(context.parent, noteId, context.client));
}
