import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/**
 * The participants of a meeting (Events' `Participants`: `[{participant, type, name, Email, invited,
 * status}]`, at most 50):
 * ```ts
 * @Participants() participants: Participant[] = [];
 * ```
 */
export function Participants(options: FieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('Participants', target, propertyKey, descriptor, {
      apiName: 'Participants',
      role: 'participants',
      readonly: options.readonly,
    });
}
