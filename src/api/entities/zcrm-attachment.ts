import type { ZCRMRestClient } from '../rest-client';
import type { APIResponse } from '../responses/api-response';
import type { FileAPIResponse } from '../responses/file-api-response';
import { idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { parseUser } from '../mappers/user-mapper';
import { ValidationException } from '../../errors/validation-exception';
import { ZCRMRecord } from './zcrm-record';
// Cycle with record-attachments (which builds attachments): used only inside method bodies.
import { deleteAttachment, downloadAttachment } from './record-attachments';
import type { ZCRMUser } from './zcrm-user';

/**
 * A file or link attached to a record or a note (the seed's `ZCRMAttachment`). Data read from
 * `/{module}/{id}/Attachments`; {@link download} and {@link delete} act on it through its parent record.
 */
export class ZCRMAttachment {
  id?: string;
  /** The record (or note, as a `Notes` record) the attachment belongs to. */
  parentRecord?: ZCRMRecord;
  fileName?: string | null;
  /** The file name's extension (after the last `.`), lower-cased; undefined when it has none. */
  fileType?: string;
  /** Size in bytes (`Size`, which Zoho sends as a string). */
  size?: number | null;
  owner?: ZCRMUser;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  createdTime?: string | null;
  modifiedTime?: string | null;
  /** `$se_module`: the parent's module. */
  parentModule?: string | null;
  /** `$type`: `Attachment` for files, a link type for link attachments. */
  attachmentType?: string | null;
  parentId?: string;
  parentName?: string | null;
  /** `$file_id` of an uploaded file (null for links). */
  fileId?: string | null;
  /** `$link_url` of a link attachment (null for files). */
  linkUrl?: string | null;
  /** `$editable`. */
  editable?: boolean;

  constructor(parentRecord?: ZCRMRecord, attachmentId?: string) {
    if (parentRecord !== undefined) this.parentRecord = parentRecord;
    if (attachmentId !== undefined) this.id = attachmentId;
  }

  /** Builds an attachment object without a request. */
  static getInstance(parentRecord?: ZCRMRecord, attachmentId?: string): ZCRMAttachment {
    return new ZCRMAttachment(parentRecord, attachmentId);
  }

  /**
   * Parses an attachment as the attachments list (or a note's `$attachments`) renders it. Without
   * `parentRecord`, the parent is built from `Parent_Id` and `$se_module`.
   */
  static fromJson(json: Json, parentRecord?: ZCRMRecord, client?: ZCRMRestClient): ZCRMAttachment {
    const attachment = new ZCRMAttachment(parentRecord, idString(json.id));
    const fileName = str(json.File_Name);
    if (fileName !== undefined) {
      attachment.fileName = fileName;
      const dot = fileName?.lastIndexOf('.') ?? -1;
      if (fileName && dot > 0 && dot < fileName.length - 1)
        attachment.fileType = fileName.slice(dot + 1).toLowerCase();
    }
    if (json.Size !== undefined) attachment.size = num(json.Size);
    attachment.owner = parseUser(json.Owner);
    attachment.createdBy = parseUser(json.Created_By);
    attachment.modifiedBy = parseUser(json.Modified_By);
    if (json.Created_Time !== undefined) attachment.createdTime = str(json.Created_Time);
    if (json.Modified_Time !== undefined) attachment.modifiedTime = str(json.Modified_Time);
    if (json.$se_module !== undefined) attachment.parentModule = str(json.$se_module);
    if (json.$type !== undefined) attachment.attachmentType = str(json.$type);
    if (json.$file_id !== undefined) attachment.fileId = idString(json.$file_id) ?? null;
    if (json.$link_url !== undefined) attachment.linkUrl = str(json.$link_url);
    if (typeof json.$editable === 'boolean') attachment.editable = json.$editable;
    const parent = json.Parent_Id;
    const parentId = isJsonObject(parent) ? idString(parent.id) : idString(parent);
    if (parentId !== undefined) attachment.parentId = parentId;
    if (isJsonObject(parent) && parent.name !== undefined) attachment.parentName = str(parent.name);
    if (!attachment.parentRecord && parentId !== undefined && typeof attachment.parentModule === 'string') {
      attachment.parentRecord = new ZCRMRecord(attachment.parentModule, parentId, client);
    }
    return attachment;
  }

  /** Applies the `details` of a successful upload (id, created/modified time and user). */
  applyWriteDetails(details: unknown): void {
    if (!isJsonObject(details)) return;
    const id = idString(details.id);
    if (id !== undefined) this.id = id;
    if (details.Created_Time !== undefined) this.createdTime = str(details.Created_Time);
    if (details.Modified_Time !== undefined) this.modifiedTime = str(details.Modified_Time);
    const createdBy = parseUser(details.Created_By);
    if (createdBy) this.createdBy = createdBy;
    const modifiedBy = parseUser(details.Modified_By);
    if (modifiedBy) this.modifiedBy = modifiedBy;
  }

  /** Downloads this attachment from its parent record (see `downloadAttachment`). */
  async download(options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<FileAPIResponse> {
    return downloadAttachment(this.requireParent('download'), this.id as string, options);
  }

  /** Deletes this attachment from its parent record (see `deleteAttachment`). */
  async delete(): Promise<APIResponse<ZCRMAttachment>> {
    return deleteAttachment(this.requireParent('delete'), this.id as string);
  }

  private requireParent(operation: string): ZCRMRecord {
    if (!this.parentRecord) {
      throw ValidationException.invalidInput(
        'attachment.parentRecord',
        `${operation}() needs the record the attachment belongs to`,
      );
    }
    return this.parentRecord;
  }
}
