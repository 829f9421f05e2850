import type { ModelThunk } from '../src/metadata/field-metadata';
import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/**
 * A subform: rows embedded in the record and saved with it, each row a class with `@Field`s of its own:
 * ```ts
 * class Visit { @Field('Visit_Date', { type: 'date' }) date?: string; @Field('Notes') notes?: string }
 * @Subform('Visits', () => Visit) visits: Visit[] = [];
 * ```
 */
export function Subform(apiName: string, row: ModelThunk, options: FieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('Subform', target, propertyKey, descriptor, {
      apiName,
      role: 'subform',
      target: row,
      readonly: options.readonly,
    });
}
