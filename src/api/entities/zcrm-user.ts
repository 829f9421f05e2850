import type { ZCRMUserCustomizeInfo } from './zcrm-user-customize-info';
import type { ZCRMUserTheme } from './zcrm-user-theme';

/**
 * A reference to another entity by id and name (a user's `role`, `profile`, `reporting_to`). The users API
 * returns only `{name, id}` for these (references read from it always carry the id). `ZCRMRole`, `ZCRMProfile`
 * and `ZCRMUser` objects fit this shape, so `user.role = ZCRMRole.getInstance(id)` works; their `id` is
 * optional as on every entity, and a write sends a reference only when it has one.
 */
export interface ZCRMEntityRef {
  id?: string;
  name?: string | null;
}

/**
 * A CRM user: record owners, `Created_By`/`Modified_By`, user-lookup fields, and the full user objects of the
 * users API. Data only (the users API calls live on `ZCRMOrganization`). Attributes the response did not carry
 * stay `undefined`.
 */
export class ZCRMUser {
  id?: string;
  name?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  role?: ZCRMEntityRef | null;
  profile?: ZCRMEntityRef | null;
  customizeInfo?: ZCRMUserCustomizeInfo;
  theme?: ZCRMUserTheme;
  status?: string | null;
  zuid?: string | null;
  isConfirm?: boolean | null;
  isOnline?: boolean | null;
  language?: string | null;
  locale?: string | null;
  countryLocale?: string | null;
  timeZone?: string | null;
  timeFormat?: string | null;
  dateFormat?: string | null;
  decimalSeparator?: string | null;
  nameFormat?: string | null;
  defaultTabGroup?: string | null;
  signature?: string | null;
  alias?: string | null;
  street?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country?: string | null;
  fax?: string | null;
  phone?: string | null;
  mobile?: string | null;
  website?: string | null;
  dob?: string | null;
  isPersonalAccount?: boolean | null;
  territories?: unknown[];
  reportingTo?: ZCRMEntityRef | null;
  currency?: string | null;
  offset?: number | null;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  createdTime?: string | null;
  modifiedTime?: string | null;
  /** Every key of the user JSON that is not one of the standard keys above (custom user fields), as sent. */
  fieldApinameVsValue: Record<string, unknown> = {};

  constructor(id?: string, name?: string | null) {
    if (id !== undefined) this.id = id;
    if (name !== undefined) this.name = name;
  }

  /** Builds a user object without a request (`ZCRMUser.getInstance(id, name)`). */
  static getInstance(id?: string, name?: string | null): ZCRMUser {
    return new ZCRMUser(id, name);
  }

  /** Sets a custom user field (sent by `createUser`/`updateUser`). */
  setFieldValue(apiName: string, value: unknown): void {
    this.fieldApinameVsValue[apiName] = value;
  }

  /** A custom user field's value, or `undefined`. */
  getFieldValue(apiName: string): unknown {
    return this.fieldApinameVsValue[apiName];
  }
}
