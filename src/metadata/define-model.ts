import type { FieldDefinition, ModelClass } from './field-metadata';
import { getMetadataStorage } from './metadata-storage';
import type { ModelMetadata } from './model-metadata';

/** A field in {@link defineModel}: its API name alone (a plain field), or a full definition. */
export type FieldDeclaration = string | FieldDefinition;

/** The declaration of a model without decorators. */
export interface ModelDeclaration<T> {
  /** The module API name (`Invoices`). */
  module: string;
  /** Property → field. */
  fields: { [K in keyof T]?: FieldDeclaration };
}

/**
 * Declares a model without decorators; the same registry and metadata as `@CrmModule` + `@Field` …:
 * ```ts
 * class Invoice extends CrmRecord { subject!: string; account?: Ref<Account> }
 * defineModel(Invoice, {
 *   module: 'Invoices',
 *   fields: { subject: 'Subject', account: { apiName: 'Account_Name', role: 'lookup', target: () => Account } },
 * });
 * ```
 * Types are not inferred here (there is no design type): give `type` for anything but text.
 */
export function defineModel<T>(target: ModelClass<T>, declaration: ModelDeclaration<T>): ModelMetadata {
  const storage = getMetadataStorage();
  for (const [property, field] of Object.entries(declaration.fields) as Array<
    [string, FieldDeclaration | undefined]
  >) {
    if (field === undefined) continue;
    storage.addField(target, property, typeof field === 'string' ? { apiName: field } : field);
  }
  return storage.setModule(target, declaration.module);
}
