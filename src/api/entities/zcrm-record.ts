import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import type { APIResponse } from '../responses/api-response';
import type { RecordCalls } from '../services/record-calls';
import type { ZCRMEventParticipant } from './zcrm-event-participant';
import type { ZCRMInventoryLineItem } from './zcrm-inventory-line-item';
import type { ZCRMLayout } from './zcrm-layout';
import type { ZCRMPriceBookPricing } from './zcrm-price-book-pricing';
import type { ZCRMTag } from './zcrm-tag';
import type { ZCRMTax } from './zcrm-tax';
import type { ZCRMUser } from './zcrm-user';
import type { ZCRMAttachment } from './zcrm-attachment';
import type { ZCRMBlueprint } from './zcrm-blueprint';
import type { ZCRMJunctionRecord } from './zcrm-junction-record';
import type { ZCRMNote } from './zcrm-note';
import type { BulkAPIResponse } from '../responses/bulk-api-response';
import type { FileAPIResponse } from '../responses/file-api-response';
import type { UploadOptions, UploadSource } from '../files/upload-source';
import type { PageOptions } from '../support/checks';
import type { DownloadOptions } from '../services/record-attachments-service';
import type { GetNotesOptions } from '../services/record-notes-service';
import type { RelatedRecordsOptions } from '../services/record-related-service';
import type { AddTagsOptions } from '../services/record-tags-service';

/** Workflow triggers a write may run (`trigger`); an empty list runs none. */
export type ZCRMTrigger = 'workflow' | 'approval' | 'blueprint' | (string & {});

/** Options of record writes (`create`, `update`, `createRecords` …), sent as top-level keys of the body. */
export interface ZCRMWriteOptions {
  /** `trigger`: which automations to run; `[]` runs none. Omitted: Zoho's default (all). */
  trigger?: ZCRMTrigger[];
  /** `process`: e.g. `['review_process']`. */
  process?: string[];
  /** `lar_id`: the lead assignment rule to apply (inserts and upserts). */
  larId?: string;
}

/** Options of single-record reads. */
export interface ZCRMGetOptions {
  /** Extra query parameters (`fields`, `approved`, `converted` …). */
  params?: Record<string, string | number | boolean | undefined>;
  /** Extra headers (`If-Modified-Since` …). */
  headers?: Record<string, string>;
}

/** Options of {@link ZCRMRecord.convert} beyond the seed's deal and assignee. */
export interface ZCRMConvertOptions {
  /** Attach the contact to this existing account instead of creating one. */
  accountId?: string;
  /** Merge into this existing contact instead of creating one. */
  contactId?: string;
  overwrite?: boolean;
  notifyLeadOwner?: boolean;
  notifyNewEntityOwner?: boolean;
  /** Tag names to carry over, per target module. */
  carryOverTags?: { Contacts?: string[]; Accounts?: string[]; Deals?: string[] };
}

/** Ids of the records a lead conversion produced; a key is present only when Zoho returned an id for it. */
export interface ZCRMConvertResult {
  Contacts?: string;
  Accounts?: string;
  Deals?: string;
}

/** The JSON keys {@link ZCRMRecord.getFieldValue}/`setFieldValue` map onto named attributes. */
const ATTRIBUTE_KEYS = {
  id: 'entityId',
  Owner: 'owner',
  Layout: 'layout',
  Created_By: 'createdBy',
  Modified_By: 'modifiedBy',
  Created_Time: 'createdTime',
  Modified_Time: 'modifiedTime',
  Last_Activity_Time: 'lastActivityTime',
  Product_Details: 'lineItems',
  Participants: 'participants',
  Pricing_Details: 'priceDetails',
  Tag: 'tagList',
} as const satisfies Record<string, keyof ZCRMRecord>;

/**
 * A CRM record (the seed's `ZCRMRecord`). Field values live in {@link fieldData}; owners and users are
 * {@link ZCRMUser}s, lookups are `ZCRMRecord`s with their {@link lookupLabel}, inventory line items, event
 * participants, price-book pricing, taxes and tags have their own classes, and read-only `$` keys go to
 * {@link properties} (without the `$`).
 *
 * Writes send only what was set: a new record sends the values given to it; a record read from Zoho (or
 * written once) sends only the fields changed since.
 */
export class ZCRMRecord {
  /** The module API name (`Leads`, `Invoices` …). */
  moduleApiName: string;
  /** The record id; undefined for a record not yet created. */
  entityId?: string;
  /** Product_Details of inventory records. */
  lineItems: ZCRMInventoryLineItem[] = [];
  /** For a record read as a lookup value: the `name` Zoho showed for it. */
  lookupLabel?: string | null;
  owner?: ZCRMUser;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  createdTime?: string | null;
  modifiedTime?: string | null;
  lastActivityTime?: string | null;
  /** Field values by API name (everything without a named attribute). */
  fieldData: Record<string, unknown> = {};
  /** Read-only `$` keys without the `$` (`approved`, `editable`, `currency_symbol`, `se_module` …). */
  properties: Record<string, unknown> = {};
  /** Participants of Events. */
  participants: ZCRMEventParticipant[] = [];
  /** Pricing_Details of Price_Books. */
  priceDetails: ZCRMPriceBookPricing[] = [];
  layout?: ZCRMLayout;
  /** Record-level taxes: `$line_tax` of inventory records, `Tax` of products. */
  taxList: ZCRMTax[] = [];
  tagList: ZCRMTag[] = [];
  blueprintTransitionId?: string;
  blueprintChecklist: Record<string, unknown>[] = [];
  blueprintValues: Record<string, unknown> = {};

  readonly #client?: ZCRMRestClient;
  /** Serialised value of every field as Zoho has it (after a read or a write), by JSON key. */
  #clean?: Map<string, string>;
  /** Keys set through {@link setFieldValue} since the last read or write: sent even when unchanged. */
  #touched = new Set<string>();

  constructor(moduleApiName: string, entityId?: string, client?: ZCRMRestClient) {
    this.moduleApiName = moduleApiName;
    if (entityId !== undefined) this.entityId = entityId;
    this.#client = client;
  }

  /**
   * Builds a record object without a request: `getInstance('Leads')` for a new record, `getInstance('Leads', id)`
   * to work on an existing one. `client` defaults to `ZCRMRestClient.getInstance()` when a call is made.
   */
  static getInstance(moduleApiName: string, entityId?: string, client?: ZCRMRestClient): ZCRMRecord {
    return new ZCRMRecord(moduleApiName, entityId, client);
  }

  /** The client this record's calls go through. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }

  /** The client given to {@link getInstance}, if any (lookups and line items read from this record share it). */
  get explicitClient(): ZCRMRestClient | undefined {
    return this.#client;
  }

  /**
   * Sets a field by API name. `Owner`, `Layout`, `Product_Details`, `Participants`, `Pricing_Details`, `Tag`
   * and `id` set the matching attribute; anything else goes to {@link fieldData}. The field is sent by the
   * next write even if its value did not change.
   */
  setFieldValue(apiName: string, value: unknown): void {
    const attribute = (ATTRIBUTE_KEYS as Record<string, keyof ZCRMRecord>)[apiName];
    if (attribute) (this as unknown as Record<string, unknown>)[attribute] = value;
    else this.fieldData[apiName] = value;
    this.#touched.add(apiName);
  }

  /** A field's value by API name (named attributes for `Owner`, `Layout`, `Created_By` …, see {@link setFieldValue}). */
  getFieldValue(apiName: string): unknown {
    const attribute = (ATTRIBUTE_KEYS as Record<string, keyof ZCRMRecord>)[apiName];
    return attribute ? (this as unknown as Record<string, unknown>)[attribute] : this.fieldData[apiName];
  }

  /** Adds an inventory line item (`Product_Details`). */
  addLineItem(lineItem: ZCRMInventoryLineItem): void {
    this.lineItems.push(lineItem);
  }

  /** Adds a record-level tax (`$line_tax` of inventory records, `Tax` of products). */
  addTax(tax: ZCRMTax): void {
    this.taxList.push(tax);
  }

  /** Adds an event participant. */
  addParticipant(participant: ZCRMEventParticipant): void {
    this.participants.push(participant);
  }

  /** Adds a price-book pricing row. */
  addPriceDetail(pricing: ZCRMPriceBookPricing): void {
    this.priceDetails.push(pricing);
  }

  /** Sets a value of the blueprint transition's data (sent by the blueprint update). */
  setBlueprintData(apiName: string, value: unknown): void {
    this.blueprintValues[apiName] = value;
  }

  getBlueprintData(): Record<string, unknown> {
    return this.blueprintValues;
  }

  /** Appends a checklist entry `{ [key]: value }` for the blueprint transition. */
  setChecklistValue(key: string, value: unknown): void {
    this.blueprintChecklist.push({ [key]: value });
  }

  getChecklistValues(): Record<string, unknown>[] {
    return this.blueprintChecklist;
  }

  /** True when the record was read from Zoho or written (so writes send changes only). */
  get isSynced(): boolean {
    return this.#clean !== undefined;
  }

  /**
   * Reads the record (`GET /{module}/{id}`) into this object. Resolves with `data` = this record, or with
   * `noData` and no `data` when Zoho answered 204 (no such record) or 304 (not modified).
   * @param options Extra query parameters (`fields` …) and headers (`If-Modified-Since` …).
   */
  async get(options: ZCRMGetOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.record.getRecord(this, options);
  }

  /**
   * Creates the record (`POST /{module}`) and fills in `entityId`, created/modified time and user. Throws the
   * record's error (e.g. `MANDATORY_NOT_FOUND`) as a `ZCRMException`.
   * @param options Which automations to run (`trigger`), `process`, the lead assignment rule (`larId`).
   */
  async create(options: ZCRMWriteOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.record.createRecord(this, options);
  }

  /**
   * Sends the changed fields (`PUT /{module}/{id}`) and updates modified time and user.
   * @param options Which automations to run (`trigger`) and `process`.
   */
  async update(options: Omit<ZCRMWriteOptions, 'larId'> = {}): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.record.updateRecord(this, options);
  }

  /** Deletes the record (`DELETE /{module}/{id}`). */
  async delete(): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.record.deleteRecord(this);
  }

  /**
   * Converts this lead (`POST /Leads/{id}/actions/convert`) into a contact, an account and optionally a deal,
   * assigning them to `assignToUser`. `data` holds the ids created.
   * @param potentialRecord A `Deals` record to create with the conversion (gets its id afterwards).
   * @param assignToUser The owner of the records created.
   * @param options An existing account or contact to use, notifications, tags to carry over.
   */
  async convert(
    potentialRecord?: ZCRMRecord,
    assignToUser?: ZCRMUser,
    options: ZCRMConvertOptions = {},
  ): Promise<APIResponse<ZCRMConvertResult>> {
    return this.calls.record.convertRecord(this, potentialRecord, assignToUser, options);
  }

  // ── Sub-resources (run by src/api/services/record-*-service.ts) ─────────────────────────────────

  /**
   * The record's attachments (`GET /{module}/{id}/Attachments`), files and links. An empty list is a `noData`
   * result.
   * @param options The page (from 1, default 1) and records per page (1 to 200, default 20).
   */
  async getAttachments(options: PageOptions = {}): Promise<BulkAPIResponse<ZCRMAttachment>> {
    return this.calls.attachments.getAttachments(this, options);
  }

  /**
   * Uploads a file as an attachment (`POST /{module}/{id}/Attachments`), streamed, never read into memory.
   * @param source A file path, a Buffer or a Readable stream.
   * @param options The file name (for Buffers and streams) and content type.
   * @returns `data`: the new attachment (id, created time and user, file name and type).
   */
  async uploadAttachment(
    source: UploadSource,
    options: UploadOptions = {},
  ): Promise<APIResponse<ZCRMAttachment>> {
    return this.calls.attachments.uploadAttachment(this, source, options);
  }

  /**
   * Attaches a link (`POST /{module}/{id}/Attachments?attachmentUrl=`).
   * @param linkUrl An http(s) URL.
   */
  async uploadLinkAsAttachment(linkUrl: string): Promise<APIResponse<ZCRMAttachment>> {
    return this.calls.attachments.uploadLinkAsAttachment(this, linkUrl);
  }

  /**
   * Downloads an attachment (`GET /{module}/{id}/Attachments/{attachment_id}`) as a stream, not buffered: write it
   * with `writeTo(pathOrDirOrStream)`. Link attachments cannot be downloaded (Zoho answers `INVALID_DATA`).
   * @param attachmentId The attachment's id.
   * @param options A signal to cancel, a timeout for the response headers.
   */
  async downloadAttachment(attachmentId: string, options: DownloadOptions = {}): Promise<FileAPIResponse> {
    return this.calls.attachments.downloadAttachment(this, attachmentId, options);
  }

  /**
   * Deletes an attachment (`DELETE /{module}/{id}/Attachments/{attachment_id}`).
   * @param attachmentId The attachment's id.
   */
  async deleteAttachment(attachmentId: string): Promise<APIResponse<ZCRMAttachment>> {
    return this.calls.attachments.deleteAttachment(this, attachmentId);
  }

  /**
   * Adds a note to the record (`POST /{module}/{id}/Notes`).
   * @param note A new note (no id) with its `content`; `title` optional.
   * @returns `data`: the same note with its id, created time and user, its `parentRecord` this record.
   */
  async addNote(note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
    return this.calls.notes.addNote(this, note);
  }

  /**
   * Updates one of the record's notes (`PUT /{module}/{id}/Notes/{note_id}`), sending its title and content.
   * @param note The note, with its id.
   */
  async updateNote(note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
    return this.calls.notes.updateNote(this, note);
  }

  /**
   * Deletes one of the record's notes (`DELETE /{module}/{id}/Notes/{note_id}`).
   * @param note The note, with its id.
   */
  async deleteNote(note: ZCRMNote): Promise<APIResponse<ZCRMNote>> {
    return this.calls.notes.deleteNote(this, note);
  }

  /**
   * The record's notes (`GET /{module}/{id}/Notes`). An empty or unchanged list is a `noData` result.
   * @param options The page (from 1, default 1), records per page (default 20), order and `ifModifiedSince`.
   */
  async getNotes(options: GetNotesOptions = {}): Promise<BulkAPIResponse<ZCRMNote>> {
    return this.calls.notes.getNotes(this, options);
  }

  /**
   * Uploads the record's photo (`POST /{module}/{id}/photo`; Leads, Contacts, Accounts, Products, Vendors).
   * Zoho takes PNG, JPEG, GIF and BMP up to 10 MB.
   * @param source A file path, a Buffer or a Readable stream.
   * @param options The file name and content type (else inferred from the name's extension).
   */
  async uploadPhoto(source: UploadSource, options: UploadOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.photo.uploadPhoto(this, source, options);
  }

  /**
   * Downloads the record's photo (`GET /{module}/{id}/photo`) as a stream (`writeTo(pathOrDirOrStream)`); a
   * record without a photo gives a `noData` response with no stream.
   * @param options A signal to cancel, a timeout for the response headers.
   */
  async downloadPhoto(options: DownloadOptions = {}): Promise<FileAPIResponse> {
    return this.calls.photo.downloadPhoto(this, options);
  }

  /** Deletes the record's photo (`DELETE /{module}/{id}/photo`). */
  async deletePhoto(): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.photo.deletePhoto(this);
  }

  /**
   * The records on one of this record's related lists (`GET /{module}/{id}/{related_list}`), parsed like any
   * record (relation fields such as `Member_Status` land in `fieldData`). An empty list is a `noData` result.
   * @param relatedListApiName The related list's API name (`Products`, `Campaigns` …).
   * @param options Paging (from 1, 20 per page), order, `ifModifiedSince`, and the listed records' module.
   */
  async getRelatedListRecords(
    relatedListApiName: string,
    options: RelatedRecordsOptions = {},
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    return this.calls.related.getRelatedListRecords(this, relatedListApiName, options);
  }

  /**
   * Relates a record through a junction (`PUT /{module}/{id}/{junction.apiName}/{junction.id}`).
   * @param junction The related list, the related record's id and the relation's fields.
   */
  async addRelation(junction: ZCRMJunctionRecord): Promise<APIResponse<ZCRMJunctionRecord>> {
    return this.calls.related.addRelation(this, junction);
  }

  /**
   * Removes a relation (`DELETE /{module}/{id}/{junction.apiName}/{junction.id}`); the records stay.
   * @param junction The related list and the related record's id.
   */
  async removeRelation(junction: ZCRMJunctionRecord): Promise<APIResponse<ZCRMJunctionRecord>> {
    return this.calls.related.removeRelation(this, junction);
  }

  /**
   * Relates up to 100 records of one related list in one call; each junction gets its `EntityResponse`.
   * @param relatedListApiName The related list's API name; every junction must name it.
   * @param junctions The related records' ids with their relation fields.
   */
  async addRelations(
    relatedListApiName: string,
    junctions: ZCRMJunctionRecord[],
  ): Promise<BulkAPIResponse<ZCRMJunctionRecord>> {
    return this.calls.related.addRelations(this, relatedListApiName, junctions);
  }

  /**
   * Removes up to 100 relations of one related list in one call; each gets its `EntityResponse`.
   * @param relatedListApiName The related list's API name.
   * @param relatedRecords Junction records or the related records' ids.
   */
  async removeRelations(
    relatedListApiName: string,
    relatedRecords: Array<ZCRMJunctionRecord | string>,
  ): Promise<BulkAPIResponse<ZCRMJunctionRecord>> {
    return this.calls.related.removeRelations(this, relatedListApiName, relatedRecords);
  }

  /**
   * Tags the record (`POST /{module}/{id}/actions/add_tags`); the module's missing tags are created.
   * @param tagNames 1 to 10 tag names, none with a comma.
   * @param options `overWrite` replaces the record's tags instead of adding to them.
   * @returns `data`: this record, its `tagList` as Zoho reports it afterwards.
   */
  async addTags(tagNames: string[], options: AddTagsOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.tags.addTags(this, tagNames, options);
  }

  /**
   * Takes tags off the record (`POST /{module}/{id}/actions/remove_tags`).
   * @param tagNames 1 to 10 tag names.
   */
  async removeTags(tagNames: string[]): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.tags.removeTags(this, tagNames);
  }

  /**
   * The blueprint the record is in (`GET /{module}/{id}/actions/blueprint`): its process and the transitions
   * open now.
   * @param into A blueprint object to fill instead of a new one.
   */
  async getBlueprint(into?: ZCRMBlueprint): Promise<APIResponse<ZCRMBlueprint>> {
    return this.calls.blueprint.getBlueprint(this, into);
  }

  /**
   * Runs the blueprint transition `blueprintTransitionId` (`PUT /{module}/{id}/actions/blueprint`) with
   * `blueprintValues` (see {@link setBlueprintData}) and the checklist (see {@link setChecklistValue}).
   */
  async updateBlueprint(): Promise<APIResponse<ZCRMRecord>> {
    return this.calls.blueprint.updateBlueprint(this);
  }

  /**
   * The services this record's methods run, on its client: they build records themselves (lookups, parents of
   * notes), so this class reaches them through the client instead of importing them.
   */
  private get calls(): RecordCalls {
    // Read inside the async methods: without a client, the call rejects (NOT_INITIALIZED) instead of throwing.
    return this.client.recordCalls;
  }

  /** @internal The mapper's hook: remembers the serialised fields as Zoho now has them. */
  markClean(snapshot: Record<string, unknown>): void {
    this.#clean = new Map(Object.entries(snapshot).map(([key, value]) => [key, JSON.stringify(value)]));
    this.#touched.clear();
  }

  /** @internal Whether `key` (with its serialised `value`) must be sent by the next write. */
  needsSending(key: string, value: unknown): boolean {
    if (!this.#clean || this.#touched.has(key)) return true;
    return this.#clean.get(key) !== JSON.stringify(value);
  }

  /** @internal Whether Zoho's copy of the record had `key` (so an emptied list must be sent to clear it). */
  hadField(key: string): boolean {
    return this.#clean?.has(key) ?? false;
  }
}
