import type { ZCRMRestClient } from '../rest-client';
import type { APIResponse } from '../responses/api-response';
import type { FileAPIResponse } from '../responses/file-api-response';
import type { DownloadOptions } from '../services/record-attachments-service';
import { applyChildEntityJson, writeDetailsOf } from '../mappers/audit-json';
import { idString, Json, num, str } from '../mappers/json-utils';
import { ValidationException } from '../../errors/validation-exception';
import type { ZCRMRecord } from './zcrm-record';
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
    applyChildEntityJson(attachment, json, client);
    if (json.$type !== undefined) attachment.attachmentType = str(json.$type);
    if (json.$file_id !== undefined) attachment.fileId = idString(json.$file_id) ?? null;
    if (json.$link_url !== undefined) attachment.linkUrl = str(json.$link_url);
    return attachment;
  }

  /** Applies the `details` of a successful upload (id, created/modified time and user). */
  applyWriteDetails(details: unknown): void {
    Object.assign(this, writeDetailsOf(details));
  }

  /** Downloads this attachment from its parent record (`parentRecord.downloadAttachment`). */
  async download(options: DownloadOptions = {}): Promise<FileAPIResponse> {
    return this.requireParent('download').downloadAttachment(this.id as string, options);
  }

  /** Deletes this attachment from its parent record (`parentRecord.deleteAttachment`). */
  async delete(): Promise<APIResponse<ZCRMAttachment>> {
    return this.requireParent('delete').deleteAttachment(this.id as string);
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
