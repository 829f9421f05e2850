import type { ZCRMRestClient } from '../rest-client';
import type { APIResponse } from '../responses/api-response';
import type { BulkAPIResponse } from '../responses/bulk-api-response';
import type { FileAPIResponse } from '../responses/file-api-response';
import type { DownloadOptions } from '../services/record-attachments-service';
import type { UploadOptions, UploadSource } from '../files/upload-source';
import { bool, idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { applyChildEntityJson, writeDetailsOf } from '../mappers/audit-json';
import { ValidationException } from '../../errors/validation-exception';
import type { PageOptions } from '../support/checks';
import { ZCRMAttachment } from './zcrm-attachment';
import { ZCRMRecord } from './zcrm-record';
import type { ZCRMUser } from './zcrm-user';

/**
 * A note on a record (the seed's `ZCRMNote`). Build one with `ZCRMNote.getInstance(record)`, set
 * {@link title} and {@link content}, and add it with `addNote(record, note)`; notes read with `getNotes` carry
 * their owner, times, parent and `$attachments`. A note has attachments of its own ({@link getAttachments} …).
 */
export class ZCRMNote {
  id?: string;
  /** The record the note is on. */
  parentRecord?: ZCRMRecord;
  /** `Note_Title`. */
  title?: string | null;
  /** `Note_Content` (required to add a note). */
  content?: string | null;
  owner?: ZCRMUser;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  createdTime?: string | null;
  modifiedTime?: string | null;
  /** `$attachments`: files attached to the note (undefined when the response did not say, `[]` when none). */
  attachments?: ZCRMAttachment[];
  /** `$size`. */
  size?: number | null;
  /** `$voice_note`. */
  isVoiceNote?: boolean | null;
  /** `$se_module`: the parent record's module. */
  parentModule?: string | null;
  parentId?: string;
  parentName?: string | null;
  /** `$editable`. */
  editable?: boolean;
  readonly #client?: ZCRMRestClient;

  constructor(parentRecord?: ZCRMRecord, noteId?: string, client?: ZCRMRestClient) {
    if (parentRecord !== undefined) this.parentRecord = parentRecord;
    if (noteId !== undefined) this.id = noteId;
    this.#client = client;
  }

  /** Builds a note object without a request: `getInstance(record)` for a new note, `getInstance(record, noteId)` for an existing one. */
  static getInstance(parentRecord?: ZCRMRecord, noteId?: string, client?: ZCRMRestClient): ZCRMNote {
    return new ZCRMNote(parentRecord, noteId, client);
  }

  /** Parses a note as the notes list renders it; without `parentRecord` the parent comes from `Parent_Id` + `$se_module`. */
  static fromJson(json: Json, parentRecord?: ZCRMRecord, client?: ZCRMRestClient): ZCRMNote {
    const note = new ZCRMNote(parentRecord, idString(json.id), client ?? parentRecord?.explicitClient);
    if (json.Note_Title !== undefined) note.title = str(json.Note_Title);
    if (json.Note_Content !== undefined) note.content = str(json.Note_Content);
    applyChildEntityJson(note, json, client);
    if (json.$size !== undefined) note.size = num(json.$size);
    if (json.$voice_note !== undefined) note.isVoiceNote = bool(json.$voice_note);
    if ('$attachments' in json) {
      const asRecord = note.id ? note.asRecord() : undefined;
      note.attachments = Array.isArray(json.$attachments)
        ? json.$attachments.filter(isJsonObject).map((a) => ZCRMAttachment.fromJson(a, asRecord, client))
        : [];
    }
    return note;
  }

  /** The note as a write sends it: `Note_Title` (when set) and `Note_Content`. */
  toJson(): Json {
    const out: Json = {};
    if (this.title !== undefined) out.Note_Title = this.title;
    if (this.content !== undefined) out.Note_Content = this.content;
    return out;
  }

  /** Applies the `details` of a successful write (id, created/modified time and user). */
  applyWriteDetails(details: unknown): void {
    Object.assign(this, writeDetailsOf(details));
  }

  /** The client this note's calls use: the one given to it, else its parent record's, else the default. */
  get client(): ZCRMRestClient | undefined {
    return this.#client ?? this.parentRecord?.explicitClient;
  }

  /** The note as a `Notes` record, the parent of its attachments. */
  asRecord(): ZCRMRecord {
    if (!this.id)
      throw ValidationException.invalidInput(
        'note',
        'the note has no id: add it first, or build it with ZCRMNote.getInstance(record, noteId)',
      );
    return new ZCRMRecord('Notes', this.id, this.client);
  }

  /** Lists the note's attachments (`GET /Notes/{id}/Attachments`). */
  getAttachments(options: PageOptions = {}): Promise<BulkAPIResponse<ZCRMAttachment>> {
    return this.asRecord().getAttachments(options);
  }

  /** Attaches a file to the note (path, Buffer or Readable). */
  uploadAttachment(source: UploadSource, options: UploadOptions = {}): Promise<APIResponse<ZCRMAttachment>> {
    return this.asRecord().uploadAttachment(source, options);
  }

  /** Attaches a link to the note. */
  uploadLinkAsAttachment(linkUrl: string): Promise<APIResponse<ZCRMAttachment>> {
    return this.asRecord().uploadLinkAsAttachment(linkUrl);
  }

  /** Downloads one of the note's attachments as a stream. */
  downloadAttachment(attachmentId: string, options: DownloadOptions = {}): Promise<FileAPIResponse> {
    return this.asRecord().downloadAttachment(attachmentId, options);
  }

  /** Deletes one of the note's attachments. */
  deleteAttachment(attachmentId: string): Promise<APIResponse<ZCRMAttachment>> {
    return this.asRecord().deleteAttachment(attachmentId);
  }
}
