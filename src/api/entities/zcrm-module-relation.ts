import type { APIResponse } from '../responses/api-response';
import type { BulkAPIResponse } from '../responses/bulk-api-response';
import type { FileAPIResponse } from '../responses/file-api-response';
import type { UploadOptions, UploadSource } from '../files/upload-source';
import { ValidationException } from '../../errors/validation-exception';
import type { PageOptions } from '../support/checks';
import {
  deleteAttachment,
  downloadAttachment,
  DownloadOptions,
  getAttachments,
  uploadAttachment,
  uploadLinkAsAttachment,
} from '../services/record-attachments-service';
import { addNote, deleteNote, getNotes, GetNotesOptions, updateNote } from '../services/record-notes-service';
import {
  addRelation,
  addRelations,
  getRelatedListRecords,
  RelatedRecordsOptions,
  removeRelation,
  removeRelations,
} from '../services/record-related-service';
import type { ZCRMAttachment } from './zcrm-attachment';
import { ZCRMJunctionRecord } from './zcrm-junction-record';
import type { ZCRMNote } from './zcrm-note';
import { ZCRMRecord } from './zcrm-record';

/**
 * One related list of a record (the seed's `ZCRMModuleRelation`): `getInstance(record, 'Contacts')` for a list,
 * `getInstance(record, junctionRecord)` to relate one record. Every call needs a parent record; the module-name
 * form of the seed builds an object for its properties only.
 */
export class ZCRMModuleRelation {
  parentRecord?: ZCRMRecord;
  parentModuleApiName?: string;
  /** The related list's API name (also set from a junction record). */
  apiName?: string;
  junctionRecord?: ZCRMJunctionRecord;
  label?: string;
  id?: string;
  isVisible?: boolean;

  constructor(parent: ZCRMRecord | string, relatedList: string | ZCRMJunctionRecord) {
    if (parent instanceof ZCRMRecord) {
      this.parentRecord = parent;
      this.parentModuleApiName = parent.moduleApiName;
    } else this.parentModuleApiName = parent;
    if (relatedList instanceof ZCRMJunctionRecord) {
      this.junctionRecord = relatedList;
      this.apiName = relatedList.apiName;
    } else this.apiName = relatedList;
  }

  /** Builds the relation without a request. */
  static getInstance(
    parent: ZCRMRecord | string,
    relatedList: string | ZCRMJunctionRecord,
  ): ZCRMModuleRelation {
    return new ZCRMModuleRelation(parent, relatedList);
  }

  /** The related list's records (see `getRelatedListRecords`). */
  getRecords(options: RelatedRecordsOptions = {}): Promise<BulkAPIResponse<ZCRMRecord>> {
    return getRelatedListRecords(this.record('getRecords'), this.listName('getRecords'), options);
  }

  /** Relates the junction record given to {@link getInstance}, or `junction`. */
  addRelation(junction?: ZCRMJunctionRecord): Promise<APIResponse<ZCRMJunctionRecord>> {
    return addRelation(this.record('addRelation'), this.junction(junction, 'addRelation'));
  }

  /** Removes the relation of the junction record given to {@link getInstance}, or `junction`. */
  removeRelation(junction?: ZCRMJunctionRecord): Promise<APIResponse<ZCRMJunctionRecord>> {
    return removeRelation(this.record('removeRelation'), this.junction(junction, 'removeRelation'));
  }

  /** Relates up to 100 records through this list in one call. */
  addRelations(junctions: ZCRMJunctionRecord[]): Promise<BulkAPIResponse<ZCRMJunctionRecord>> {
    return addRelations(this.record('addRelations'), this.listName('addRelations'), junctions);
  }

  /** Removes up to 100 relations of this list in one call (junction records or related ids). */
  removeRelations(related: Array<ZCRMJunctionRecord | string>): Promise<BulkAPIResponse<ZCRMJunctionRecord>> {
    return removeRelations(this.record('removeRelations'), this.listName('removeRelations'), related);
  }

  /** The parent record's attachments (see `getAttachments`). */
  getAttachments(options: PageOptions = {}): Promise<BulkAPIResponse<ZCRMAttachment>> {
    return getAttachments(this.record('getAttachments'), options);
  }

  /** Attaches a file (path, Buffer or Readable) to the parent record. */
  uploadAttachment(source: UploadSource, options: UploadOptions = {}): Promise<APIResponse<ZCRMAttachment>> {
    return uploadAttachment(this.record('uploadAttachment'), source, options);
  }

  /** Attaches a link to the parent record. */
  uploadLinkAsAttachment(linkUrl: string): Promise<APIResponse<ZCRMAttachment>> {
    return uploadLinkAsAttachment(this.record('uploadLinkAsAttachment'), linkUrl);
  }

  /** Downloads one of the parent record's attachments as a stream. */
  downloadAttachment(attachmentId: string, options: DownloadOptions = {}): Promise<FileAPIResponse> {
    return downloadAttachment(this.record('downloadAttachment'), attachmentId, options);
  }

  /** Deletes one of the parent record's attachments. */
  deleteAttachment(attachmentId: string): Promise<APIResponse<ZCRMAttachment>> {
    return deleteAttachment(this.record('deleteAttachment'), attachmentId);
  }

  /** The parent record's notes (see `getNotes`). */
  getNotes(options: GetNotesOptions = {}): Promise<BulkAPIResponse<ZCRMNote>> {
    return getNotes(this.record('getNotes'), options);
  }

  /** Adds a note to the parent record. */
  addNote(note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
    return addNote(this.record('addNote'), note);
  }

  /** Updates a note of the parent record. */
  updateNote(note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
    return updateNote(this.record('updateNote'), note);
  }

  /** Deletes a note of the parent record. */
  deleteNote(note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
    return deleteNote(this.record('deleteNote'), note);
  }

  private record(operation: string): ZCRMRecord {
    if (!this.parentRecord) {
      throw ValidationException.invalidInput(
        'parentRecord',
        `${operation}() needs the relation built from a record: ZCRMModuleRelation.getInstance(record, …)`,
      );
    }
    return this.parentRecord;
  }

  private listName(operation: string): string {
    if (!this.apiName)
      throw ValidationException.invalidInput('apiName', `${operation}() needs the related list's API name`);
    return this.apiName;
  }

  private junction(given: ZCRMJunctionRecord | undefined, operation: string): ZCRMJunctionRecord {
    const junction = given ?? this.junctionRecord;
    if (!junction)
      throw ValidationException.invalidInput('junctionRecord', `${operation}() needs a ZCRMJunctionRecord`);
    return junction;
  }
}
