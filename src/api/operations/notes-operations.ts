import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { SortedPageParams, sortedPageRequest } from './item-results';

/** Notes endpoints (https://www.zoho.com/crm/developer/docs/api/v2/get-notes.html): a record's notes under `/{module}/{id}/Notes`. */

/** Paging and sorting of a notes list (pages start at 1). */
export type NotesListParams = SortedPageParams;

/** `{data: [note…], info}`, or no data (204 empty list, 304 not modified). */
export interface NotesListJson {
  data?: Record<string, unknown>[];
  info?: Record<string, unknown>;
}

/** A write answer: one result per note, in input order. */
export interface WriteResultsJson {
  data?: Array<Record<string, unknown>>;
}

const notesPath = (module: string, recordId: string) =>
  `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/Notes`;

/** GET `/{module}/{id}/Notes?page&per_page&sort_by&sort_order`. */
export function listRecordNotes(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  params: NotesListParams = {},
): Promise<HttpResponse<NotesListJson>> {
  return client.request<NotesListJson>({
    path: notesPath(module, recordId),
    ...sortedPageRequest(params),
  });
}

/** POST `/{module}/{id}/Notes` with `{"data": [{Note_Title?, Note_Content}…]}` (≤ 100). */
export function createRecordNotes(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  notes: Record<string, unknown>[],
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'POST',
    path: notesPath(module, recordId),
    body: { data: notes },
  });
}

/** PUT `/{module}/{id}/Notes/{noteId}` with `{"data": [note]}`. */
export function updateRecordNote(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  noteId: string,
  note: Record<string, unknown>,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'PUT',
    path: `${notesPath(module, recordId)}/${encodeURIComponent(noteId)}`,
    body: { data: [note] },
  });
}

/** DELETE `/{module}/{id}/Notes/{noteId}`. */
export function deleteRecordNote(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  noteId: string,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'DELETE',
    path: `${notesPath(module, recordId)}/${encodeURIComponent(noteId)}`,
  });
}
