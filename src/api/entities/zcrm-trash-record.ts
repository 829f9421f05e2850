import type { ZCRMUser } from './zcrm-user';

/** A deleted record, as `GET /{module}/deleted` lists it. Data only. */
export class ZCRMTrashRecord {
  id?: string;
  /** `recycle` (in the recycle bin) or `permanent`. */
  type?: string;
  displayName?: string | null;
  deletedTime?: string | null;
  createdBy?: ZCRMUser;
  deletedBy?: ZCRMUser;

  constructor(type?: string, id?: string) {
    if (type !== undefined) this.type = type;
    if (id !== undefined) this.id = id;
  }

  /** Builds a trash record without a request. */
  static getInstance(type?: string, id?: string): ZCRMTrashRecord {
    return new ZCRMTrashRecord(type, id);
  }
}
