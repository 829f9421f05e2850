import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/** A user lookup field other than the owner (`Handler` of Products): `{name, id, email}` on the wire. */
export function UserLookup(apiName: string, options: FieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('UserLookup', target, propertyKey, descriptor, {
      apiName,
      role: 'userLookup',
      readonly: options.readonly,
    });
}
