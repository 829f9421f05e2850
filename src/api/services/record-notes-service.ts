import * as ops from '../operations/notes-operations';
import { infoOf, listOf } from '../operations/item-results';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { ValidationException } from '../../errors/validation-exception';
import { PageOptions, paging, requireRecordId } from '../support/checks';
import { singleWrite } from '../support/single-write';
import { ZCRMNote } from '../entities/zcrm-note';
import type { ZCRMRecord } from '../entities/zcrm-record';

/**
 * A record's notes (seed `ZCRMRecord.add_note` … `get_notes`), as functions of the record: the one
 * implementation behind `ZCRMRecord`'s note methods, `ZCRMModuleRelation`'s and the ORM's (`invoice.addNote()`).
 */

/**
 * Adds a note to the record (`POST /{module}/{id}/Notes`). The note needs `content`; `data` is the same note
 * with its id, created time and user filled in, and its `parentRecord` set to `record`.
 */
export async function addNote(record: ZCRMRecord, note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
  const id = requireRecordId(record, 'addNote');
  requireNote(note, 'addNote', false);
  const { response, item } = await singleWrite(() =>
    ops.createRecordNotes(record.client, record.moduleApiName, id, [note.toJson()]),
  );
  note.parentRecord = record;
  note.applyWriteDetails(item.details);
  note.parentModule = record.moduleApiName;
  note.parentId = id;
  return new APIResponse(response, note, item);
}

/** Updates a note of the record (`PUT /{module}/{id}/Notes/{note_id}`), sending its title and content as set; the note needs its id. */
export async function updateNote(record: ZCRMRecord, note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
  const id = requireRecordId(record, 'updateNote');
  requireNote(note, 'updateNote', true);
  const { response, item } = await singleWrite(() =>
    ops.updateRecordNote(record.client, record.moduleApiName, id, note.id as string, note.toJson()),
  );
  note.parentRecord ??= record;
  note.applyWriteDetails(item.details);
  return new APIResponse(response, note, item);
}

/** Deletes a note of the record (`DELETE /{module}/{id}/Notes/{note_id}`); the note needs its id. */
export async function deleteNote(record: ZCRMRecord, note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
  const id = requireRecordId(record, 'deleteNote');
  if (!note || !note.id)
    throw ValidationException.invalidInput('note.id', 'deleteNote() needs a note with its id');
  const { response, item } = await singleWrite(() =>
    ops.deleteRecordNote(record.client, record.moduleApiName, id, note.id as string),
  );
  return new APIResponse(response, note, item);
}

/** Options of {@link ZCRMRecord.getNotes}: `page` defaults to 1, `perPage` to 20 (as in the seed). */
export interface GetNotesOptions extends PageOptions {
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  /** Only notes modified after this ISO-8601 date-time; nothing newer → 304, a `noData` result. */
  ifModifiedSince?: string;
}

/**
 * Lists the record's notes (`GET /{module}/{id}/Notes`), pages from 1. An empty list (204) or an unchanged one
 * (`ifModifiedSince`, 304) is a `noData` result with no notes.
 */
export async function getNotes(
  record: ZCRMRecord,
  options: GetNotesOptions = {},
): Promise<BulkAPIResponse<ZCRMNote>> {
  const id = requireRecordId(record, 'getNotes');
  const response = await ops.listRecordNotes(record.client, record.moduleApiName, id, {
    ...paging(options, { page: 1, perPage: 20 }, 'getNotes'),
    sortBy: options.sortBy,
    sortOrder: options.sortOrder,
    ifModifiedSince: options.ifModifiedSince,
  });
  const data = listOf(response, 'data').map((json) => ZCRMNote.fromJson(json, record, record.explicitClient));
  return new BulkAPIResponse(response, { data, info: infoOf(response) });
}

function requireNote(note: ZCRMNote, operation: string, needsId: boolean): void {
  if (!(note instanceof ZCRMNote))
    throw ValidationException.invalidInput('note', `${operation}() needs a ZCRMNote`);
  if (needsId && !note.id)
    throw ValidationException.invalidInput('note.id', `${operation}() needs a note with its id`);
  if (!needsId && note.id) {
    throw ValidationException.invalidInput(
      'note.id',
      `${operation}() needs a new note without an id; use updateNote() for note ${note.id}`,
    );
  }
  if (!needsId) requireNoteContent(note.content, operation);
}

/** A new note's content (`Note_Content`): a non-empty string; `operation` names the call in the message. */
export function requireNoteContent(content: unknown, operation: string): string {
  if (typeof content === 'string' && content.trim() !== '') return content;
  throw ValidationException.invalidInput(
    'note.content',
    `${operation}(): the content (Note_Content) is required and must be a non-empty string`,
  );
}
