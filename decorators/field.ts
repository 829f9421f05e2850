import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { PlainFieldOptions } from './field-options';

/**
 * A plain field (text, number, boolean, date, date-time, picklist, multi-select …) by its API name:
 * ```ts
 * @Field('Subject') subject!: string;
 * @Field('Due_Date', { type: 'date' }) dueDate?: string;        // 'YYYY-MM-DD', no time-zone shift
 * @Field('Grand_Total', { readonly: true }) grandTotal?: number;
 * ```
 */
export function Field(apiName: string, options: PlainFieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('Field', target, propertyKey, descriptor, {
      apiName,
      role: 'field',
      type: options.type,
      readonly: options.readonly,
      unique: options.unique,
    });
}
