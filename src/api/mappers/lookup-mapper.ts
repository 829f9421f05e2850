import type { ZCRMRestClient } from '../rest-client';
import { ZCRMRecord } from '../entities/zcrm-record';
import { idString, isJsonObject, str } from './json-utils';

/**
 * Lookup values (`{name, id}`) ↔ {@link ZCRMRecord}. The seed meant to do this but never did; here a
 * lookup is a record of the looked-up module with its `name` in `lookupLabel` and any other keys
 * (`Product_Code`, `Currency` …) in `fieldData`.
 */

/** Modules of the standard lookup fields; other lookups are resolved by the caller (field metadata). */
const STANDARD_LOOKUP_MODULES: Readonly<Record<string, string>> = {
  Account_Name: 'Accounts',
  Parent_Account: 'Accounts',
  Contact_Name: 'Contacts',
  Reporting_To: 'Contacts',
  Related_To: 'Contacts',
  Who_Id: 'Contacts',
  Deal_Name: 'Deals',
  Campaign_Source: 'Campaigns',
  Parent_Campaign: 'Campaigns',
  Product_Name: 'Products',
  product: 'Products',
  Vendor_Name: 'Vendors',
  Quote_Name: 'Quotes',
  Sales_Order: 'Sales_Orders',
  Purchase_Order: 'Purchase_Orders',
  Invoice: 'Invoices',
  Price_Book: 'Price_Books',
  Lead_Name: 'Leads',
  Case: 'Cases',
  Solution: 'Solutions',
};

/**
 * The module a lookup field points to: `$se_module` for the polymorphic `What_Id`/`Parent_Id`, the standard
 * field table, then `lookupModules` (field API name → module, e.g. from field metadata), else the field's
 * own API name (as the seed named lookup records).
 */
export function lookupModuleFor(
  fieldApiName: string,
  recordJson?: Record<string, unknown>,
  lookupModules?: Readonly<Record<string, string>>,
): string {
  const explicit = lookupModules?.[fieldApiName];
  if (explicit) return explicit;
  if (
    (fieldApiName === 'What_Id' || fieldApiName === 'Parent_Id') &&
    typeof recordJson?.$se_module === 'string'
  ) {
    return recordJson.$se_module;
  }
  return STANDARD_LOOKUP_MODULES[fieldApiName] ?? fieldApiName;
}

/**
 * Parses a lookup value into a record of `moduleApiName`: `{name, id, …}` or a bare id. Returns `undefined`
 * for null/absent values or objects without an id.
 */
export function parseLookup(
  json: unknown,
  moduleApiName: string,
  client?: ZCRMRestClient,
): ZCRMRecord | undefined {
  const bareId = idString(json);
  if (bareId !== undefined) return new ZCRMRecord(moduleApiName, bareId, client);
  if (!isJsonObject(json)) return undefined;
  const id = idString(json.id);
  if (id === undefined) return undefined;
  const record = new ZCRMRecord(moduleApiName, id, client);
  for (const [key, value] of Object.entries(json)) {
    if (key === 'id') continue;
    if (key === 'name') record.lookupLabel = str(value) ?? null;
    else record.fieldData[key] = value;
  }
  return record;
}

/** True when a JSON value looks like a lookup: an object carrying an `id`. */
export function isLookupJson(value: unknown): value is { id: unknown } {
  return isJsonObject(value) && idString(value.id) !== undefined;
}

/** The JSON a write sends for a lookup value: `{"id": "…"}`, or `null` (clears the field) for a record without id. */
export function lookupToJson(record: ZCRMRecord): { id: string } | null {
  return record.entityId ? { id: record.entityId } : null;
}
