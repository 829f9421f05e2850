/**
 * The one metadata model of a record field, whatever declared it (`@Field`, `@Lookup`, `@LineItems` …,
 * or {@link defineModel} without decorators).
 */

/**
 * Zoho field data types (the `data_type` of field metadata, https://www.zoho.com/crm/developer/docs/api/v2/field-meta.html) a model may declare. Code
 * generated from an org's metadata writes them as they come; hand-written models may omit them for plain
 * `string`/`number`/`boolean`/`Date`/`string[]` properties, whose type is then inferred.
 */
export type ZohoDataType =
  | 'text'
  | 'textarea'
  | 'mediumtext'
  | 'email'
  | 'phone'
  | 'website'
  | 'autonumber'
  | 'picklist'
  | 'multiselectpicklist'
  | 'integer'
  | 'bigint'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'lookup'
  | 'ownerlookup'
  | 'userlookup'
  | 'multiselectlookup'
  | 'lineitem'
  | 'subform'
  | 'pricing_details'
  | 'formula'
  | 'profileimage'
  | 'jsonarray'
  | 'jsonobject';

/** Every {@link ZohoDataType}, for run-time checks of declarations. */
export const ZOHO_DATA_TYPES: ReadonlySet<string> = new Set<ZohoDataType>([
  'text',
  'textarea',
  'mediumtext',
  'email',
  'phone',
  'website',
  'autonumber',
  'picklist',
  'multiselectpicklist',
  'integer',
  'bigint',
  'long',
  'double',
  'currency',
  'percent',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'lookup',
  'ownerlookup',
  'userlookup',
  'multiselectlookup',
  'lineitem',
  'subform',
  'pricing_details',
  'formula',
  'profileimage',
  'jsonarray',
  'jsonobject',
]);

/**
 * What a field is to the ORM, which decides how its values are mapped:
 * - `field`: a plain value (text, number, date, picklist …);
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

/** A class whose instances are records or rows (abstract classes included). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ModelClass<T = unknown> = Function & { prototype: T };

/** A lazily evaluated reference to a model class, so models can refer to each other across import cycles. */
export type ModelThunk = () => ModelClass;

/** One field of a model: the property it lives in, its Zoho API name and how its values are typed. */
export interface FieldMetadata {
  /** The class property (`grandTotal`). */
  readonly propertyName: string;
  /** The Zoho API name (`Grand_Total`). */
  readonly apiName: string;
  readonly role: FieldRole;
  /** Zoho's data type, declared or inferred from the property's design type. */
  readonly dataType: ZohoDataType;
  /** True when the data type was inferred, not declared. */
  readonly inferred: boolean;
  /** Read-only fields are read from Zoho but never sent on a save. */
  readonly readonly: boolean;
  /** One of the fields every record has (`id`, `Created_Time` …), known without a declaration. */
  readonly system: boolean;
  /**
   * Zoho keeps the field unique in the module (its metadata's `unique`): a value names at most one record,
   * so an insert whose answer was lost can be retried as an upsert matched on it.
   */
  readonly unique: boolean;
  /** The referenced model (lookups) or row class (subforms, line items), when declared. */
  readonly target?: ModelThunk;
  /** The class that declared the field (undefined for system fields). */
  readonly declaredBy?: ModelClass;
}

/** How a field is declared, by a decorator or in {@link defineModel}. */
export interface FieldDefinition {
  /** The Zoho API name; decorators that imply one (`@Owner`, `@LineItems` …) fill it in. */
  apiName: string;
  /** Defaults to `field`. */
  role?: FieldRole;
  /** The Zoho data type; inferred from the property's design type (or the role) when omitted. */
  type?: ZohoDataType;
  readonly?: boolean;
  /** See {@link FieldMetadata.unique}. */
  unique?: boolean;
  target?: ModelThunk;
}
