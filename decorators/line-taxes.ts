import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/**
 * The record-level taxes (`$line_tax`: `[{name, percentage, value, id}]`) of an inventory record:
 * ```ts
 * @LineTaxes() taxes: Tax[] = [];
 * ```
 */
export function LineTaxes(options: FieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('LineTaxes', target, propertyKey, descriptor, {
      apiName: '$line_tax',
      role: 'lineTaxes',
      readonly: options.readonly,
    });
}
