import type { ZCRMRestClient } from '../rest-client';
import { ZCRMRecord } from '../entities/zcrm-record';
import { ZCRMUser } from '../entities/zcrm-user';
import { ZCRMLayout } from '../entities/zcrm-layout';
import { ZCRMTag } from '../entities/zcrm-tag';
import { ZCRMTax } from '../entities/zcrm-tax';
import { ZCRMInventoryLineItem } from '../entities/zcrm-inventory-line-item';
import { ZCRMEventParticipant } from '../entities/zcrm-event-participant';
import { ZCRMPriceBookPricing } from '../entities/zcrm-price-book-pricing';
import { idString, isJsonObject, Json, str } from './json-utils';
import { isLookupJson, lookupModuleFor, lookupToJson, parseLookup } from './lookup-mapper';
import { parseUser, userToReferenceJson } from './user-mapper';
import { writeDetailsOf } from './audit-json';
import { layoutToJson, parseLayoutRef } from './layout-mapper';
import { parseTagList, tagToJson } from './tag-mapper';
import { parseTaxList, taxNamesToJson, taxToJson } from './tax-mapper';
import { lineItemToJson, parseLineItems } from './line-item-mapper';
import { parseParticipants, participantToJson } from './participant-mapper';
import { parsePricingDetails, pricingToJson } from './pricing-mapper';

/**
 * Record JSON ↔ {@link ZCRMRecord} (the seed's mapping, with its defects fixed): owners and users as `ZCRMUser`,
 * lookups as records with `lookupLabel`, `Product_Details` as line items with their taxes, `$line_tax` and
 * product `Tax` as `taxList`, `Tag` as `tagList`, Participants, Pricing_Details, `Layout`, and `$` keys into
 * `properties`. Writes send only what changed since the record was last read or written.
 */

/** Modules whose `Product_Details` are inventory line items (API v2). */
export const INVENTORY_MODULES: readonly string[] = ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'];

/** Fields holding users even when their value lacks an `email`. */
const USER_FIELDS = new Set(['Owner', 'Created_By', 'Modified_By', 'Handler', 'Approved_By', 'Converted_By']);

/** Options of parsing. */
export interface RecordParseOptions {
  /** The client the parsed records (and their lookups) use for their own calls. */
  client?: ZCRMRestClient;
  /** Lookup field API name → module, for custom lookups (e.g. from field metadata). */
  lookupModules?: Readonly<Record<string, string>>;
}

/** Parses one record of `moduleApiName`. */
export function parseRecord(json: Json, moduleApiName: string, options: RecordParseOptions = {}): ZCRMRecord {
  const record = new ZCRMRecord(moduleApiName, undefined, options.client);
  return applyRecordJson(record, json, options);
}

/** Parses a list of records. */
export function parseRecords(
  list: Json[],
  moduleApiName: string,
  options: RecordParseOptions = {},
): ZCRMRecord[] {
  return list.map((json) => parseRecord(json, moduleApiName, options));
}

/**
 * Fills `record` from a record's JSON (a GET, search, COQL or related-list row) and marks it clean, so a later
 * write sends only fields changed afterwards. Keys already on the record that the JSON lacks are kept.
 */
export function applyRecordJson(
  record: ZCRMRecord,
  json: Json,
  options: RecordParseOptions = {},
): ZCRMRecord {
  const client = options.client ?? record.explicitClient;
  const module = record.moduleApiName;
  const inventory = INVENTORY_MODULES.includes(module);
  for (const [key, value] of Object.entries(json)) {
    switch (key) {
      case 'id': {
        const id = idString(value);
        if (id !== undefined) record.entityId = id;
        continue;
      }
      case 'Owner':
        record.owner = parseUser(value);
        continue;
      case 'Created_By':
        record.createdBy = parseUser(value);
        continue;
      case 'Modified_By':
        record.modifiedBy = parseUser(value);
        continue;
      case 'Created_Time':
        record.createdTime = str(value);
        continue;
      case 'Modified_Time':
        record.modifiedTime = str(value);
        continue;
      case 'Last_Activity_Time':
        record.lastActivityTime = str(value);
        continue;
      case 'Layout':
        record.layout = parseLayoutRef(value);
        continue;
      case 'Tag':
        if (Array.isArray(value) || value === null) {
          record.tagList = parseTagList(value, module);
          continue;
        }
        break;
      case 'tags':
        // The `tags` name list of add/remove-tag results.
        if (Array.isArray(value)) {
          record.tagList = parseTagList(value, module);
          continue;
        }
        break;
      case '$line_tax':
        record.taxList = parseTaxList(value);
        continue;
      case 'Tax':
        // Products list their tax names; inventory records carry the tax amount (a number) here.
        if (Array.isArray(value)) {
          record.taxList = parseTaxList(value);
          continue;
        }
        break;
      case 'Product_Details':
        if (inventory && (Array.isArray(value) || value === null)) {
          record.lineItems = parseLineItems(value, client);
          continue;
        }
        break;
      case 'Participants':
        if (module === 'Events' && (Array.isArray(value) || value === null)) {
          record.participants = parseParticipants(value);
          continue;
        }
        break;
      case 'Pricing_Details':
        if (module === 'Price_Books' && (Array.isArray(value) || value === null)) {
          record.priceDetails = parsePricingDetails(value);
          continue;
        }
        break;
    }
    if (key.startsWith('$')) {
      record.properties[key.slice(1)] = value;
      continue;
    }
    record.fieldData[key] = parseFieldValue(key, value, json, client, options.lookupModules);
  }
  record.markClean(recordFieldsJson(record));
  return record;
}

/**
 * Applies the `details` of a successful write (`id`, `Created_Time`, `Modified_Time`, `Created_By`,
 * `Modified_By`, upsert/tag results) and marks the record clean: Zoho now has what was sent.
 */
export function applyWriteDetails(record: ZCRMRecord, details: unknown): void {
  const { id, ...audit } = writeDetailsOf(details);
  if (id !== undefined) record.entityId = id;
  Object.assign(record, audit);
  if (isJsonObject(details) && Array.isArray(details.tags))
    record.tagList = parseTagList(details.tags, record.moduleApiName);
  record.markClean(recordFieldsJson(record));
}

/**
 * The record as a write sends it: only fields set on a new record, only fields changed (or set through
 * `setFieldValue`) on a record read from or written to Zoho. Throws a `ValidationException` (before any
 * request) for an invalid line item, participant, pricing row or tax among the fields it sends.
 */
export function recordToWriteJson(record: ZCRMRecord, options: { includeId?: boolean } = {}): Json {
  const out: Json = {};
  if (options.includeId && record.entityId) out.id = record.entityId;
  for (const [key, field] of writableFields(record)) {
    if (record.needsSending(key, field.lenient)) out[key] = field.strict();
  }
  return out;
}

/** Every writable field of the record in wire form, as Zoho would store it (for the clean-state snapshot). */
export function recordFieldsJson(record: ZCRMRecord): Json {
  const out: Json = {};
  for (const [key, field] of writableFields(record)) out[key] = field.lenient;
  return out;
}

/**
 * A writable field: its wire form without validation (`lenient`, to compare with the snapshot; invalid list
 * entries compare by their content) and with the client-side checks (`strict`, what a write sends).
 */
interface WritableField {
  lenient: unknown;
  strict: () => unknown;
}

function writableFields(record: ZCRMRecord): Map<string, WritableField> {
  const fields = new Map<string, WritableField>();
  const plain = (key: string, value: unknown) => fields.set(key, { lenient: value, strict: () => value });
  for (const [key, value] of Object.entries(record.fieldData)) {
    if (value !== undefined)
      fields.set(key, {
        lenient: lenient(() => valueToJson(value), value),
        strict: () => valueToJson(value),
      });
  }
  if (record.owner) plain('Owner', userToReferenceJson(record.owner));
  if (record.layout) plain('Layout', layoutToJson(record.layout));
  const list = <T>(key: string, items: T[], toJson: (item: T, index: number) => unknown) => {
    if (items.length === 0 && !record.hadField(key)) return;
    fields.set(key, {
      lenient: items.map((item, index) => lenient(() => toJson(item, index), item)),
      strict: () => items.map(toJson),
    });
  };
  // Rows flagged for deletion are left out: an update replaces the whole list.
  list(
    'Product_Details',
    record.lineItems.filter((item) => !item.deleteFlag),
    lineItemToJson,
  );
  list('Participants', record.participants, participantToJson);
  list('Pricing_Details', record.priceDetails, pricingToJson);
  if (INVENTORY_MODULES.includes(record.moduleApiName)) {
    list('$line_tax', record.taxList, (tax, i) => taxToJson(tax, `$line_tax[${i}]`));
  } else if (record.taxList.length > 0 || record.hadField('Tax')) {
    fields.set('Tax', {
      lenient: record.taxList.map((t) => t.name ?? null),
      strict: () => taxNamesToJson(record.taxList, 'Tax'),
    });
  }
  list('Tag', record.tagList, tagToJson);
  return fields;
}

/**
 * A field value in wire form: records, users and layouts as `{id}`, tags and taxes as their write objects,
 * `Date`s as ISO-8601 date-times with offset, arrays and plain objects converted element by element.
 */
export function valueToJson(value: unknown): unknown {
  if (value instanceof ZCRMRecord) return lookupToJson(value);
  if (value instanceof ZCRMUser) return userToReferenceJson(value);
  if (value instanceof ZCRMLayout) return layoutToJson(value);
  if (value instanceof ZCRMTag) return tagToJson(value);
  if (value instanceof ZCRMTax) return value.name ? taxToJson(value, 'tax') : null;
  if (value instanceof ZCRMInventoryLineItem) return lineItemToJson(value, 0);
  if (value instanceof ZCRMEventParticipant) return participantToJson(value, 0);
  if (value instanceof ZCRMPriceBookPricing) return pricingToJson(value, 0);
  if (value instanceof Date)
    return value
      .toISOString()
      .replace(/\.\d{3}Z$/, '+00:00')
      .replace(/Z$/, '+00:00');
  if (Array.isArray(value)) return value.map(valueToJson);
  if (isJsonObject(value)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = valueToJson(v);
    return out;
  }
  return value;
}

/** A plain field's value: users (`{id, name, email}`, or a user field), lookups (`{id, name}`), or as sent. */
function parseFieldValue(
  key: string,
  value: unknown,
  json: Json,
  client: ZCRMRestClient | undefined,
  lookupModules: Readonly<Record<string, string>> | undefined,
): unknown {
  if (!isLookupJson(value)) return value;
  if (USER_FIELDS.has(key) || 'email' in value) return parseUser(value);
  return parseLookup(value, lookupModuleFor(key, json, lookupModules), client);
}

/** The wire form of a value for comparison; a value that fails validation compares by its content instead. */
function lenient(toJson: () => unknown, item: unknown): unknown {
  try {
    return toJson();
  } catch {
    return { invalid: JSON.stringify(item, (_k, v: unknown) => (v instanceof ZCRMRecord ? v.entityId : v)) };
  }
}
