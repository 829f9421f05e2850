import type { ZCRMUser } from './zcrm-user';

/**
 * A module layout. Records reference theirs as `Layout: {name, id}`; the layouts metadata API fills the rest.
 * (Created by part A as the record's layout reference; the metadata parser may refine the section,
 * profile and convert-mapping types.)
 */
export class ZCRMLayout {
  id?: string;
  name?: string | null;
  createdTime?: string | null;
  modifiedTime?: string | null;
  isVisible?: boolean | null;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  status?: number | null;
  accessibleProfiles: unknown[] = [];
  sections: unknown[] = [];
  convertMapping: Record<string, unknown> = {};

  constructor(id?: string) {
    if (id !== undefined) this.id = id;
  }

  /** Builds a layout object without a request (`ZCRMLayout.getInstance(layoutId)`). */
  static getInstance(id?: string): ZCRMLayout {
    return new ZCRMLayout(id);
  }
}
