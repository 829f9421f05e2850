import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../context';
import { idOf } from '../records/field-values';
import { ID_PATTERN } from '../../ids';
import type { StoredRecord, UserDef } from '../../state/types';
import { csv, isPlainObject, pageOf, paging, readItems } from '../body';
import { moduleScope } from '../module-scopes';
import { ifModifiedSince, modifiedAfter, sortRecords } from '../records/read-routes';
import { batchReply } from '../batch-reply';
import { deleteRecord, insertRecord, updateRecord } from '../records/write';
import { requireIdsParam } from '../ids-param';
import { isChildOf, ParentRef, requireParent } from '../related/parent';
import { crmRoute, CrmResult, NO_CONTENT } from '../route';
import type { Operation } from '../scopes';
import { ItemErrors } from '../item-errors';
import { ApiErrors, ItemResult } from '../zoho-error';
import { prepareNewNote, prepareNoteUpdate } from './note-input';
import { allNotes, notesModule, notesOf, renderNote } from './note-store';

/** Every Notes endpoint of docs/zoho-v2-notes.md §5.16: `/Notes[/{id}]` and a record's `/{module}/{id}/Notes[/{note_id}]`. */
export function registerNotesRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  // Digits only, so `/Notes/search`, `/Notes/deleted` … fall through to the generic `/{module}/...` routes.
  const noteUrl = '/Notes/:id(^\\d+$)';
  // Notes need the notes scope whichever record they hang off.
  const scopes = (operation: Operation) => () => moduleScope(ctx, 'Notes', operation);
  const parentOf = (params: Record<string, string>) => requireParent(ctx, params.module, params.id, 'notes');

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/Notes',
    scopes: scopes('READ'),
    handler: ({ query, request }) => listNotes(allNotes(ctx), query, request),
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: noteUrl,
    scopes: scopes('READ'),
    handler: ({ params, query }) => {
      if (!ID_PATTERN.test(params.id)) throw ApiErrors.invalidId();
      const note = ctx.recordsOf(notesModule(ctx).api_name)[params.id];
      // [I] As for records: a well-formed id that names no note answers 204.
      if (!note) return NO_CONTENT;
      return { data: [renderNote(ctx, note, csv(query.fields))] };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/:module/:id/Notes',
    scopes: scopes('READ'),
    handler: ({ params, query, request }) => listNotes(notesOf(ctx, parentOf(params)), query, request),
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/Notes',
    scopes: scopes('CREATE'),
    handler: ({ request, user }) => createNotes(readItems(request).items, user),
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/:module/:id/Notes',
    scopes: scopes('CREATE'),
    handler: ({ params, request, user }) => {
      const parent = parentOf(params);
      return createNotes(readItems(request).items, user, parent);
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/Notes',
    scopes: scopes('UPDATE'),
    handler: ({ request, user }) => {
      const results = readItems(request).items.map((item, index) => {
        const id = isPlainObject(item) ? idOf(item.id) : undefined;
        if (id === undefined) return ItemErrors.mandatory('id');
        return updateNote(id, item, user, index);
      });
      return batchReply(ctx, results, 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: noteUrl,
    scopes: scopes('UPDATE'),
    handler: ({ params, request, user }) =>
      batchReply(ctx, [updateNote(params.id, firstItem(request), user, 0)], 200),
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/:module/:id/Notes/:noteId',
    scopes: scopes('UPDATE'),
    handler: ({ params, request, user }) => {
      const parent = parentOf(params);
      return batchReply(ctx, [updateNote(params.noteId, firstItem(request), user, 0, parent)], 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/Notes',
    scopes: scopes('DELETE'),
    handler: ({ query, user }) =>
      batchReply(
        ctx,
        requireIdsParam(query).map((id) => deleteNote(id, user)),
        200,
      ),
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: noteUrl,
    scopes: scopes('DELETE'),
    handler: ({ params, user }) => batchReply(ctx, [deleteNote(params.id, user)], 200),
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/:module/:id/Notes/:noteId',
    scopes: scopes('DELETE'),
    handler: ({ params, user }) => {
      const parent = parentOf(params);
      const result = ownedBy(params.noteId, parent)
        ? deleteNote(params.noteId, user)
        : ItemErrors.notDeleted(params.noteId);
      return batchReply(ctx, [result], 200);
    },
  });

  /** Lists notes with `If-Modified-Since` (304), `sort_by`/`sort_order`, paging (204 when empty) and `fields`. */
  function listNotes(
    notes: StoredRecord[],
    query: Record<string, string | undefined>,
    request: FastifyRequest,
  ): unknown {
    const { page, perPage } = paging(query);
    const since = ifModifiedSince(request.headers['if-modified-since']);
    if (since !== undefined) {
      notes = notes.filter((note) => modifiedAfter(note, since));
      if (notes.length === 0) return { status: 304 };
    }
    const result = pageOf(sortRecords(notes, query.sort_by, query.sort_order), page, perPage);
    if (!result) return NO_CONTENT;
    const fields = csv(query.fields);
    return { data: result.data.map((note) => renderNote(ctx, note, fields)), info: result.info };
  }

  function createNotes(items: unknown[], user: UserDef, parent?: ParentRef): CrmResult {
    const results = items.map((item, index) => {
      const prepared = prepareNewNote(ctx, item, parent);
      if ('error' in prepared) return prepared.error;
      return insertRecord(ctx, notesModule(ctx), prepared.input, user, index).result;
    });
    return batchReply(ctx, results, 201);
  }

  function updateNote(
    id: string,
    item: unknown,
    user: UserDef,
    index: number,
    parent?: ParentRef,
  ): ItemResult {
    if (parent && !ownedBy(id, parent)) return ItemErrors.invalidId(id);
    return updateRecord(ctx, notesModule(ctx), id, prepareNoteUpdate(item), user, index).result;
  }

  /** Notes go to the recycle bin like other records; their attachments are removed with them. */
  function deleteNote(id: string, user: UserDef): ItemResult {
    return deleteRecord(ctx, notesModule(ctx), id, user);
  }

  function ownedBy(noteId: string, parent: ParentRef): boolean {
    const note = ctx.recordById(notesModule(ctx).api_name, noteId);
    return note !== undefined && isChildOf(note, parent);
  }
}

/** [I] Single-note updates read the first item of `data`, as single-record updates do. */
function firstItem(request: FastifyRequest): unknown {
  return readItems(request).items[0];
}
