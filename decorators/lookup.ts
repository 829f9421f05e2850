import type { ModelThunk } from '../src/metadata/field-metadata';
import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/**
 * A lookup to another record (`{name, id}` on the wire), its model given through a thunk so models may
 * import each other:
 * ```ts
 * @Lookup('Account_Name', () => Account) account?: Ref<Account>;
 * ```
 * Omit the thunk for a lookup whose target varies (`What_Id`, chosen by `$se_module`).
 */
export function Lookup(apiName: string, target?: ModelThunk, options: FieldOptions = {}): FieldDecorator {
  return (proto, propertyKey, descriptor) =>
    void registerProperty('Lookup', proto, propertyKey, descriptor, {
      apiName,
      role: 'lookup',
      target,
      readonly: options.readonly,
    });
}
