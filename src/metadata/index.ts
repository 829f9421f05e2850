/**
 * Model metadata, below the query builders and the ORM: the table of Zoho data types, and one registry of
 * models keyed by class, fed by the decorators (legacy or standard) or {@link defineModel}.
 */
export type { FieldDefinition, FieldMetadata, ModelClass, ModelThunk } from './field-metadata';
export { DATA_TYPES, dataTypeInfo, isTextKind, isZohoDataType, valueKindOf } from './data-types';
export type { CodecName, DataTypeInfo, ValueKind, ZohoDataType } from './data-types';
export { FIELD_ROLES } from './field-roles';
export type { FieldRole, RoleInfo } from './field-roles';
export { FieldSetMetadata, ModelMetadata } from './model-metadata';
export { MetadataStorage, getMetadataStorage } from './metadata-storage';
export { ModelMetadataException } from './metadata-exception';
export { SYSTEM_FIELDS } from './system-fields';
export { inferDataType } from './infer-data-type';
export { defineModel } from './define-model';
export type { FieldDeclaration, ModelDeclaration } from './define-model';
export { registerProperty } from './register-property';
export type { FieldDecorator, ModelDecorator } from './register-property';
