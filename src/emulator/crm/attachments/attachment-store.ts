import type { EmulatorContext } from '../../context';
import type { StoredRecord, UserDef } from '../../state/types';
import { renderRecord } from '../records/render';
import { noteAdded, noteRemoved } from '../records/duplicates';
import { isChildOf, ParentRef } from '../related/parent';
import { ItemErrors } from '../item-errors';
import { ApiErrors, itemSuccess, ItemResult, ZohoApiError } from '../zoho-error';
import type { UploadedFile } from './multipart';

/**
 * Attachment metadata lives in `records.Attachments` (wire form, as Zoho lists it); the bytes live in
 * `files[attachmentId]` as base64. Attachments are system records users cannot write field by field
 * (the module is neither creatable nor editable), so they are stored here rather than through `insertRecord`.
 */
const MODULE = 'Attachments';

/** `$type` of an uploaded file. */
const FILE_TYPE = 'Attachment';
/** [I] `$type` of a link attachment. */
const LINK_TYPE = 'Link URL';

/** The attachments of a record, oldest first. */
export function attachmentsOf(ctx: EmulatorContext, parent: ParentRef): StoredRecord[] {
  return Object.values(ctx.recordsOf(MODULE)).filter((a) => isChildOf(a, parent));
}

/** One attachment of `parent`, or Zoho's invalid-id error. */
export function requireAttachment(ctx: EmulatorContext, parent: ParentRef, id: string): StoredRecord {
  const attachment = ctx.recordsOf(MODULE)[id];
  // [I] An attachment of another record is as unknown as a missing one.
  if (!attachment || !isChildOf(attachment, parent)) throw ApiErrors.invalidId(id);
  return attachment;
}

export function renderAttachment(
  ctx: EmulatorContext,
  attachment: StoredRecord,
  fields?: readonly string[],
): Record<string, unknown> {
  return renderRecord(ctx, ctx.module(MODULE), attachment, fields);
}

/** Stores an uploaded file as an attachment of `parent`. */
export function addFileAttachment(
  ctx: EmulatorContext,
  parent: ParentRef,
  file: UploadedFile,
  user: UserDef,
): StoredRecord {
  const record = newAttachment(ctx, parent, user, {
    File_Name: file.fileName,
    Size: String(file.data.length),
    $type: FILE_TYPE,
    $file_id: ctx.newId(),
    $link_url: null,
  });
  ctx.state.files[record.id] = { data: file.data.toString('base64'), contentType: file.contentType };
  return record;
}

/** Stores a link attachment; a URL already linked to the same record is refused. */
export function addLinkAttachment(
  ctx: EmulatorContext,
  parent: ParentRef,
  url: string,
  user: UserDef,
): StoredRecord {
  if (!isHttpUrl(url)) throw ApiErrors.invalidData({ param: 'attachmentUrl' });
  if (attachmentsOf(ctx, parent).some((a) => a.$link_url === url)) {
    // [I] Zoho's code for the duplicate-link message is not documented; DUPLICATE_DATA is what clients see.
    throw new ZohoApiError(400, 'DUPLICATE_DATA', 'Attachment link already exists');
  }
  // [I] A link attachment is named after its URL and has no size or file id.
  return newAttachment(ctx, parent, user, {
    File_Name: url,
    Size: '0',
    $type: LINK_TYPE,
    $file_id: null,
    $link_url: url,
  });
}

/** The bytes of a file attachment; link attachments cannot be downloaded. */
export function attachmentBytes(ctx: EmulatorContext, attachment: StoredRecord): Buffer {
  const blob = ctx.state.files[attachment.id];
  if (attachment.$type === LINK_TYPE || !blob?.data) {
    throw ApiErrors.invalidData({}, 'As it is a linked attachment, you can not download it');
  }
  return Buffer.from(blob.data, 'base64');
}

/** Deletes one attachment of `parent`: metadata and bytes, for good (attachments skip the recycle bin). */
export function deleteAttachment(ctx: EmulatorContext, parent: ParentRef, id: string): ItemResult {
  const attachment = ctx.recordsOf(MODULE)[id];
  if (!attachment || !isChildOf(attachment, parent)) return ItemErrors.notDeleted(id);
  delete ctx.recordsOf(MODULE)[id];
  noteRemoved(ctx.recordsOf(MODULE));
  delete ctx.state.files[id];
  return itemSuccess('record deleted', { id });
}

function newAttachment(
  ctx: EmulatorContext,
  parent: ParentRef,
  user: UserDef,
  fields: Record<string, unknown>,
): StoredRecord {
  const id = ctx.newId();
  const now = ctx.timestamp();
  const by = { id: user.id };
  const record: StoredRecord = {
    id,
    Owner: by,
    Created_By: by,
    Modified_By: by,
    Created_Time: now,
    Modified_Time: now,
    Parent_Id: { id: parent.record.id },
    $se_module: parent.module.api_name,
    ...fields,
  };
  ctx.recordsOf(MODULE)[id] = record;
  noteAdded(ctx.recordsOf(MODULE), record);
  return record;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
