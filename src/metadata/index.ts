/** Model metadata: one registry keyed by class, fed by the decorators or {@link defineModel}. */
export type {
  FieldDefinition,
  FieldMetadata,
  FieldRole,
  ModelClass,
  ModelThunk,
  ZohoDataType,
} from './field-metadata';
export { ZOHO_DATA_TYPES } from './field-metadata';
export { FieldSetMetadata, ModelMetadata } from './model-metadata';
export { MetadataStorage, getMetadataStorage } from './metadata-storage';
export { ModelMetadataException } from './metadata-exception';
export { SYSTEM_FIELDS } from './system-fields';
export { inferDataType } from './infer-data-type';
export { defineModel } from './define-model';
export type { FieldDeclaration, ModelDeclaration } from './define-model';
export { registerProperty } from './register-property';
export type { FieldDecorator } from './register-property';
