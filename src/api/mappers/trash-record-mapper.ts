import { ZCRMTrashRecord } from '../entities/zcrm-trash-record';
import { idString, Json, str } from './json-utils';
import { parseUser } from './user-mapper';

/** Entries of `GET /{module}/deleted` ↔ {@link ZCRMTrashRecord}. */
export function parseTrashRecord(json: Json): ZCRMTrashRecord {
  const record = new ZCRMTrashRecord(str(json.type) ?? undefined, idString(json.id));
  if (json.display_name !== undefined) record.displayName = str(json.display_name);
  if (json.deleted_time !== undefined) record.deletedTime = str(json.deleted_time);
  const createdBy = parseUser(json.created_by);
  if (createdBy) record.createdBy = createdBy;
  const deletedBy = parseUser(json.deleted_by);
  if (deletedBy) record.deletedBy = deletedBy;
  return record;
}
