import type { FieldRole, ZohoDataType } from './field-metadata';

/** The data type a role implies, whatever the property's type. */
const ROLE_TYPES: Partial<Record<FieldRole, ZohoDataType>> = {
  lookup: 'lookup',
  owner: 'ownerlookup',
  userLookup: 'userlookup',
  lineItems: 'lineitem',
  lineTaxes: 'jsonarray',
  subform: 'subform',
  participants: 'multiselectlookup',
  pricingDetails: 'pricing_details',
};

/**
 * The data type of a plain field from its design type (`emitDecoratorMetadata`): `string` → text,
 * `number` → double, `boolean`, `Date` → datetime, `string[]` → multi-select picklist, `bigint`. Anything
 * else (unions of several types, objects) → text. Date fields (`'YYYY-MM-DD'` strings), integers,
 * currencies, picklists and text areas are told apart only by a declared `type`.
 */
export function inferDataType(role: FieldRole, designType: unknown): ZohoDataType {
  const implied = ROLE_TYPES[role];
  if (implied) return implied;
  switch (designType) {
    case Number:
      return 'double';
    case Boolean:
      return 'boolean';
    case Date:
      return 'datetime';
    case Array:
      return 'multiselectpicklist';
    case BigInt:
      return 'bigint';
    default:
      return 'text';
  }
}
