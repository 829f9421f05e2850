import type { CodecName, ZohoDataType } from './data-types';

/**
 * What a field is to the ORM, which decides how its values are mapped:
 * - `field`: a plain value (text, number, date, picklist …), mapped by its data type;
 * - `lookup`: a reference to another record (`{name, id}` on the wire);
 * - `owner` / `userLookup`: a reference to a user (`{name, id, email}`);
 * - `lineItems`: inventory `Product_Details` rows; `lineTaxes`: the record's `$line_tax`;
 * - `subform`: embedded rows of another shape; `participants`: Events' `Participants`;
 *   `pricingDetails`: Price_Books' `Pricing_Details`.
 */
export type FieldRole =
  | 'field'
  | 'lookup'
  | 'owner'
  | 'userLookup'
  | 'lineItems'
  | 'lineTaxes'
  | 'subform'
  | 'participants'
  | 'pricingDetails';

/** What a role implies, whatever the property's type. */
export interface RoleInfo {
  /** The decorator that declares it. */
  readonly decorator: string;
  /** Its data type (plain fields have their own). */
  readonly dataType?: ZohoDataType;
  /** Its codec, when not the data type's. */
  readonly codec?: CodecName;
  /** Its value is a list of rows that a save sends whole. */
  readonly rows: boolean;
  /** The only modules that have it. */
  readonly modules?: readonly string[];
}

/** The inventory modules (https://www.zoho.com/crm/developer/docs/api/v2/insert-records.html, line items). */
const INVENTORY = ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'] as const;

/** Every role and what it implies. */
export const FIELD_ROLES: Readonly<Record<FieldRole, RoleInfo>> = {
  field: { decorator: 'Field', rows: false },
  lookup: { decorator: 'Lookup', dataType: 'lookup', rows: false },
  owner: { decorator: 'Owner', dataType: 'ownerlookup', rows: false },
  userLookup: { decorator: 'UserLookup', dataType: 'userlookup', rows: false },
  lineItems: { decorator: 'LineItems', dataType: 'lineitem', rows: true, modules: INVENTORY },
  lineTaxes: {
    decorator: 'LineTaxes',
    dataType: 'jsonarray',
    codec: 'lineTaxes',
    rows: true,
    modules: INVENTORY,
  },
  subform: { decorator: 'Subform', dataType: 'subform', rows: true },
  participants: {
    decorator: 'Participants',
    dataType: 'multiselectlookup',
    codec: 'participants',
    rows: true,
    modules: ['Events'],
  },
  pricingDetails: {
    decorator: 'PricingDetails',
    dataType: 'pricing_details',
    rows: true,
    modules: ['Price_Books'],
  },
};
