import type { FieldMetadata } from './field-metadata';

/**
 * Fields every record has (https://www.zoho.com/crm/developer/docs/api/v2/get-records.html), known to every model without a declaration: a model (or
 * the ORM's base record class) may still declare them to change nothing but their property type.
 */
export const SYSTEM_FIELDS: readonly FieldMetadata[] = Object.freeze(
  [
    { propertyName: 'id', apiName: 'id', role: 'field', dataType: 'bigint', readonly: true },
    { propertyName: 'owner', apiName: 'Owner', role: 'owner', dataType: 'ownerlookup', readonly: false },
    {
      propertyName: 'createdTime',
      apiName: 'Created_Time',
      role: 'field',
      dataType: 'datetime',
      readonly: true,
    },
    {
      propertyName: 'modifiedTime',
      apiName: 'Modified_Time',
      role: 'field',
      dataType: 'datetime',
      readonly: true,
    },
    {
      propertyName: 'createdBy',
      apiName: 'Created_By',
      role: 'userLookup',
      dataType: 'ownerlookup',
      readonly: true,
    },
    {
      propertyName: 'modifiedBy',
      apiName: 'Modified_By',
      role: 'userLookup',
      dataType: 'ownerlookup',
      readonly: true,
    },
    { propertyName: 'tags', apiName: 'Tag', role: 'field', dataType: 'jsonarray', readonly: true },
  ].map((f) => Object.freeze({ ...f, inferred: false, system: true, unique: false }) as FieldMetadata),
);
