import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/**
 * The record owner (a user: `{name, id, email}` on the wire), `Owner` unless named otherwise. Every model
 * knows `owner` → `Owner` already; use this to give it another property name or type.
 */
export function Owner(apiName = 'Owner', options: FieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('Owner', target, propertyKey, descriptor, {
      apiName,
      role: 'owner',
      readonly: options.readonly,
    });
}
