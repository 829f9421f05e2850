import { APIResponse } from '../responses/api-response';
import { ValidationException } from '../../errors/validation-exception';
import * as records from '../operations/record-operations';
import * as convertOps from '../operations/convert-operations';
import { applyRecordJson, applyWriteDetails, recordToWriteJson } from '../mappers/record-mapper';
import { firstItem, firstRecord, singleWriteResult, writeOptionsBody } from '../mappers/record-results';
import { idString, isJsonObject, Json } from '../mappers/json-utils';
import { requireRecordId } from '../support/checks';
import type {
  ZCRMConvertOptions,
  ZCRMConvertResult,
  ZCRMGetOptions,
  ZCRMRecord,
  ZCRMWriteOptions,
} from '../entities/zcrm-record';
import type { ZCRMUser } from '../entities/zcrm-user';

/**
 * One record's own calls (seed `ZCRMRecord.get` … `convert`), as functions of the record: what `ZCRMRecord`'s
 * methods of the same names run.
 */

/**
 * Reads the record (`GET /{module}/{id}`) into it. Resolves with `data` = the record, or with `noData` and no
 * `data` when Zoho answered 204 (no such record) or 304 (not modified).
 */
export async function getRecord(
  record: ZCRMRecord,
  options: ZCRMGetOptions = {},
): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, 'get');
  const response = await records.getRecord(record.client, record.moduleApiName, id, options);
  const json = firstRecord(response);
  if (!json) return new APIResponse<ZCRMRecord>(response);
  applyRecordJson(record, json);
  return new APIResponse(response, record);
}

/** Creates the record (`POST /{module}`) and fills in its id, created/modified time and user. */
export async function createRecord(
  record: ZCRMRecord,
  options: ZCRMWriteOptions = {},
): Promise<APIResponse<ZCRMRecord>> {
  if (record.entityId !== undefined) {
    throw ValidationException.invalidInput(
      `${record.moduleApiName} record ${record.entityId}`,
      'create() needs a record without an id; use update() for an existing record',
    );
  }
  const body = { data: [recordToWriteJson(record)], ...writeOptionsBody(options, true) };
  const response = await records.insertRecords(record.client, record.moduleApiName, body);
  const item = singleWriteResult(response);
  applyWriteDetails(record, item.details);
  return new APIResponse(response, record, item);
}

/** Sends the record's changed fields (`PUT /{module}/{id}`) and updates its modified time and user. */
export async function updateRecord(
  record: ZCRMRecord,
  options: Omit<ZCRMWriteOptions, 'larId'> = {},
): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, 'update');
  const body = { data: [recordToWriteJson(record)], ...writeOptionsBody(options, false) };
  const response = await records.updateRecord(record.client, record.moduleApiName, id, body);
  const item = singleWriteResult(response, id);
  applyWriteDetails(record, item.details);
  return new APIResponse(response, record, item);
}

/** Deletes the record (`DELETE /{module}/{id}`). */
export async function deleteRecord(record: ZCRMRecord): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, 'delete');
  const response = await records.deleteRecord(record.client, record.moduleApiName, id);
  const item = singleWriteResult(response, id);
  return new APIResponse(response, record, item);
}

/**
 * Converts a lead (`POST /Leads/{id}/actions/convert`) into a contact, an account and optionally a deal
 * (`potentialRecord`), assigning them to `assignToUser`. `data` holds the ids created.
 */
export async function convertRecord(
  record: ZCRMRecord,
  potentialRecord?: ZCRMRecord,
  assignToUser?: ZCRMUser,
  options: ZCRMConvertOptions = {},
): Promise<APIResponse<ZCRMConvertResult>> {
  const id = requireRecordId(record, 'convert');
  const item: Json = {};
  if (options.overwrite !== undefined) item.overwrite = options.overwrite;
  if (options.notifyLeadOwner !== undefined) item.notify_lead_owner = options.notifyLeadOwner;
  if (options.notifyNewEntityOwner !== undefined) item.notify_new_entity_owner = options.notifyNewEntityOwner;
  if (options.accountId !== undefined) item.Accounts = options.accountId;
  if (options.contactId !== undefined) item.Contacts = options.contactId;
  if (assignToUser) {
    if (!assignToUser.id) throw ValidationException.invalidInput('assignToUser', 'the user has no id');
    item.assign_to = assignToUser.id;
  }
  if (potentialRecord) item.Deals = recordToWriteJson(potentialRecord);
  if (options.carryOverTags) item.carry_over_tags = options.carryOverTags;
  const response = await convertOps.convertLead(record.client, record.moduleApiName, id, { data: [item] });
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
