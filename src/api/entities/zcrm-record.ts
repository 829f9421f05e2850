import type { ZCRMRestClient } from '../rest-client';
import { defaultClient } from '../default-client';
import { APIResponse } from '../responses/api-response';
import { ValidationException } from '../../errors/validation-exception';
import * as records from '../operations/record-operations';
import * as convertOps from '../operations/convert-operations';
import { applyRecordJson, applyWriteDetails, recordToWriteJson } from '../mappers/record-mapper';
import { firstItem, singleWriteResult, writeOptionsBody } from '../mappers/record-results';
import { idString, isJsonObject, Json } from '../mappers/json-utils';
import { requireRecordId } from '../support/checks';
import type { ZCRMEventParticipant } from './zcrm-event-participant';
import type { ZCRMInventoryLineItem } from './zcrm-inventory-line-item';
import type { ZCRMLayout } from './zcrm-layout';
import type { ZCRMPriceBookPricing } from './zcrm-price-book-pricing';
import type { ZCRMTag } from './zcrm-tag';
import type { ZCRMTax } from './zcrm-tax';
import type { ZCRMUser } from './zcrm-user';
import * as attachments from '../services/record-attachments-service';
import * as notes from '../services/record-notes-service';
import * as photo from '../services/record-photo-service';
import * as related from '../services/record-related-service';
import * as tags from '../services/record-tags-service';
import * as blueprint from '../services/record-blueprint-service';
import { registerRecordClass } from './record-factory';

/** The parameters of a function after its first (the record the delegating methods pass). */
type Rest<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never;

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
    return this.#client ?? defaultClient();
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
    return attribute ? this[attribute] : this.fieldData[apiName];
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
   */
  async get(options: ZCRMGetOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    const id = requireRecordId(this, 'get');
    const response = await records.getRecord(this.client, this.moduleApiName, id, options);
    const json = firstItem(response);
    if (!json) return new APIResponse<ZCRMRecord>(response);
    applyRecordJson(this, json);
    return new APIResponse(response, this as ZCRMRecord);
  }

  /**
   * Creates the record (`POST /{module}`) and fills in `entityId`, created/modified time and user. Throws the
   * record's error (e.g. `MANDATORY_NOT_FOUND`) as a `ZCRMException`.
   */
  async create(options: ZCRMWriteOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    if (this.entityId !== undefined) {
      throw ValidationException.invalidInput(
        `${this.moduleApiName} record ${this.entityId}`,
        'create() needs a record without an id; use update() for an existing record',
      );
    }
    const body = { data: [recordToWriteJson(this)], ...writeOptionsBody(options, true) };
    const response = await records.insertRecords(this.client, this.moduleApiName, body);
    const item = singleWriteResult(response);
    applyWriteDetails(this, item.details);
    return new APIResponse(response, this as ZCRMRecord, item);
  }

  /** Sends the changed fields (`PUT /{module}/{id}`) and updates modified time and user. */
  async update(options: Omit<ZCRMWriteOptions, 'larId'> = {}): Promise<APIResponse<ZCRMRecord>> {
    const id = requireRecordId(this, 'update');
    const body = { data: [recordToWriteJson(this)], ...writeOptionsBody(options, false) };
    const response = await records.updateRecord(this.client, this.moduleApiName, id, body);
    const item = singleWriteResult(response);
    applyWriteDetails(this, item.details);
    return new APIResponse(response, this as ZCRMRecord, item);
  }

  /** Deletes the record (`DELETE /{module}/{id}`). */
  async delete(): Promise<APIResponse<ZCRMRecord>> {
    const id = requireRecordId(this, 'delete');
    const response = await records.deleteRecord(this.client, this.moduleApiName, id);
    const item = singleWriteResult(response);
    return new APIResponse(response, this as ZCRMRecord, item);
  }

  /**
   * Converts this lead (`POST /Leads/{id}/actions/convert`) into a contact, an account and optionally a deal
   * (`potentialRecord`, a `Deals` record), assigning them to `assignToUser`. `data` holds the ids created.
   */
  async convert(
    potentialRecord?: ZCRMRecord,
    assignToUser?: ZCRMUser,
    options: ZCRMConvertOptions = {},
  ): Promise<APIResponse<ZCRMConvertResult>> {
    const id = requireRecordId(this, 'convert');
    const item: Json = {};
    if (options.overwrite !== undefined) item.overwrite = options.overwrite;
    if (options.notifyLeadOwner !== undefined) item.notify_lead_owner = options.notifyLeadOwner;
    if (options.notifyNewEntityOwner !== undefined)
      item.notify_new_entity_owner = options.notifyNewEntityOwner;
    if (options.accountId !== undefined) item.Accounts = options.accountId;
    if (options.contactId !== undefined) item.Contacts = options.contactId;
    if (assignToUser) {
      if (!assignToUser.id) throw ValidationException.invalidInput('assignToUser', 'the user has no id');
      item.assign_to = assignToUser.id;
    }
    if (potentialRecord) item.Deals = recordToWriteJson(potentialRecord);
    if (options.carryOverTags) item.carry_over_tags = options.carryOverTags;
    const response = await convertOps.convertLead(this.client, this.moduleApiName, id, { data: [item] });
    const json = firstItem(response);
    const result: ZCRMConvertResult = {};
    const source = json && isJsonObject(json.details) && json.status === 'success' ? json.details : json;
    for (const key of ['Contacts', 'Accounts', 'Deals'] as const) {
      const value = source?.[key];
      const converted = isJsonObject(value) ? idString(value.id) : idString(value);
      if (converted !== undefined) result[key] = converted;
    }
    if (potentialRecord && result.Deals) potentialRecord.entityId = result.Deals;
    return new APIResponse(response, result);
  }

  // ── Sub-resources (implemented in record-*.ts) ───────────────────────────────────────────────────────

  /** The record's attachments (`GET /{module}/{id}/Attachments`), pages from 1. */
  getAttachments(
    ...args: Rest<typeof attachments.getAttachments>
  ): ReturnType<typeof attachments.getAttachments> {
    return attachments.getAttachments(this, ...args);
  }

  /** Uploads a file as an attachment (streamed). */
  uploadAttachment(
    ...args: Rest<typeof attachments.uploadAttachment>
  ): ReturnType<typeof attachments.uploadAttachment> {
    return attachments.uploadAttachment(this, ...args);
  }

  /** Attaches a link (`attachmentUrl`). */
  uploadLinkAsAttachment(
    ...args: Rest<typeof attachments.uploadLinkAsAttachment>
  ): ReturnType<typeof attachments.uploadLinkAsAttachment> {
    return attachments.uploadLinkAsAttachment(this, ...args);
  }

  /** Downloads an attachment as a `FileAPIResponse` (streamed, not buffered). */
  downloadAttachment(
    ...args: Rest<typeof attachments.downloadAttachment>
  ): ReturnType<typeof attachments.downloadAttachment> {
    return attachments.downloadAttachment(this, ...args);
  }

  /** Deletes an attachment. */
  deleteAttachment(
    ...args: Rest<typeof attachments.deleteAttachment>
  ): ReturnType<typeof attachments.deleteAttachment> {
    return attachments.deleteAttachment(this, ...args);
  }

  /** Adds a note to the record. */
  addNote(...args: Rest<typeof notes.addNote>): ReturnType<typeof notes.addNote> {
    return notes.addNote(this, ...args);
  }

  /** Updates one of the record's notes. */
  updateNote(...args: Rest<typeof notes.updateNote>): ReturnType<typeof notes.updateNote> {
    return notes.updateNote(this, ...args);
  }

  /** Deletes one of the record's notes. */
  deleteNote(...args: Rest<typeof notes.deleteNote>): ReturnType<typeof notes.deleteNote> {
    return notes.deleteNote(this, ...args);
  }

  /** The record's notes, pages from 1. */
  getNotes(...args: Rest<typeof notes.getNotes>): ReturnType<typeof notes.getNotes> {
    return notes.getNotes(this, ...args);
  }

  /** Uploads the record's photo. */
  uploadPhoto(...args: Rest<typeof photo.uploadPhoto>): ReturnType<typeof photo.uploadPhoto> {
    return photo.uploadPhoto(this, ...args);
  }

  /** Downloads the record's photo as a `FileAPIResponse`. */
  downloadPhoto(...args: Rest<typeof photo.downloadPhoto>): ReturnType<typeof photo.downloadPhoto> {
    return photo.downloadPhoto(this, ...args);
  }

  /** Deletes the record's photo. */
  deletePhoto(): ReturnType<typeof photo.deletePhoto> {
    return photo.deletePhoto(this);
  }

  /** The records of one of this record's related lists, pages from 1. */
  getRelatedListRecords(
    ...args: Rest<typeof related.getRelatedListRecords>
  ): ReturnType<typeof related.getRelatedListRecords> {
    return related.getRelatedListRecords(this, ...args);
  }

  /** Relates a record through a junction (`PUT /{module}/{id}/{list}/{relatedId}`). */
  addRelation(...args: Rest<typeof related.addRelation>): ReturnType<typeof related.addRelation> {
    return related.addRelation(this, ...args);
  }

  /** Removes a relation. */
  removeRelation(...args: Rest<typeof related.removeRelation>): ReturnType<typeof related.removeRelation> {
    return related.removeRelation(this, ...args);
  }

  /** Relates up to 100 records of one related list at once. */
  addRelations(...args: Rest<typeof related.addRelations>): ReturnType<typeof related.addRelations> {
    return related.addRelations(this, ...args);
  }

  /** Removes up to 100 relations of one related list at once. */
  removeRelations(...args: Rest<typeof related.removeRelations>): ReturnType<typeof related.removeRelations> {
    return related.removeRelations(this, ...args);
  }

  /** Tags the record with 1 to 10 tag names. */
  addTags(...args: Rest<typeof tags.addTags>): ReturnType<typeof tags.addTags> {
    return tags.addTags(this, ...args);
  }

  /** Removes 1 to 10 tag names from the record. */
  removeTags(...args: Rest<typeof tags.removeTags>): ReturnType<typeof tags.removeTags> {
    return tags.removeTags(this, ...args);
  }

  /** The record's blueprint (current state and transitions). */
  getBlueprint(...args: Rest<typeof blueprint.getBlueprint>): ReturnType<typeof blueprint.getBlueprint> {
    return blueprint.getBlueprint(this, ...args);
  }

  /** Runs the blueprint transition `blueprintTransitionId` with `blueprintValues` and the checklist. */
  updateBlueprint(): ReturnType<typeof blueprint.updateBlueprint> {
    return blueprint.updateBlueprint(this);
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

registerRecordClass(ZCRMRecord);
