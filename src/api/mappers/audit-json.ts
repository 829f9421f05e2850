import type { ZCRMRestClient } from '../rest-client';
import type { ZCRMAttachment } from '../entities/zcrm-attachment';
import type { ZCRMNote } from '../entities/zcrm-note';
import type { ZCRMUser } from '../entities/zcrm-user';
import { ZCRMRecord } from '../entities/zcrm-record';
import { idString, isJsonObject, Json, str } from './json-utils';
import { parseUser } from './user-mapper';

/** What a successful write reports about the entity (`details`): its id, and when and by whom it was created and modified. */
export interface WriteDetails {
  id?: string;
  createdTime?: string | null;
  modifiedTime?: string | null;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
}

/** The {@link WriteDetails} of a write result's `details`, holding only the keys it reported. */
export function writeDetailsOf(details: unknown): WriteDetails {
  const out: WriteDetails = {};
  if (!isJsonObject(details)) return out;
  const id = idString(details.id);
  if (id !== undefined) out.id = id;
  if (details.Created_Time !== undefined) out.createdTime = str(details.Created_Time);
  if (details.Modified_Time !== undefined) out.modifiedTime = str(details.Modified_Time);
  const createdBy = parseUser(details.Created_By);
  if (createdBy) out.createdBy = createdBy;
  const modifiedBy = parseUser(details.Modified_By);
  if (modifiedBy) out.modifiedBy = modifiedBy;
  return out;
}

/** The keys notes and attachments share: owner, audit times and users, and the record they hang off. */
export type ChildEntityFields = Pick<
  ZCRMAttachment & ZCRMNote,
  | 'owner'
  | 'createdBy'
  | 'modifiedBy'
  | 'createdTime'
  | 'modifiedTime'
  | 'parentModule'
  | 'parentId'
  | 'parentName'
  | 'editable'
  | 'parentRecord'
>;

/**
 * Reads the shared keys of a note or attachment as their lists render them (`Owner`, `Created_By`,
 * `Modified_By`, `Created_Time`, `Modified_Time`, `$se_module`, `$editable`, `Parent_Id` as `{name, id}` or an
 * id). Without a `parentRecord` already set, the parent is built from `Parent_Id` and `$se_module` on `client`.
 */
export function applyChildEntityJson(target: ChildEntityFields, json: Json, client?: ZCRMRestClient): void {
  target.owner = parseUser(json.Owner);
  target.createdBy = parseUser(json.Created_By);
  target.modifiedBy = parseUser(json.Modified_By);
  if (json.Created_Time !== undefined) target.createdTime = str(json.Created_Time);
  if (json.Modified_Time !== undefined) target.modifiedTime = str(json.Modified_Time);
  if (json.$se_module !== undefined) target.parentModule = str(json.$se_module);
  if (typeof json.$editable === 'boolean') target.editable = json.$editable;
  const parent = json.Parent_Id;
  const parentId = isJsonObject(parent) ? idString(parent.id) : idString(parent);
  if (parentId !== undefined) target.parentId = parentId;
  if (isJsonObject(parent) && parent.name !== undefined) target.parentName = str(parent.name);
  if (!target.parentRecord && parentId !== undefined && typeof target.parentModule === 'string') {
    target.parentRecord = new ZCRMRecord(target.parentModule, parentId, client);
  }
}
