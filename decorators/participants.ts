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
  return (...args: unknown[]) =>
    registerProperty('Participants', args, {
      apiName: 'Participants',
      role: 'participants',
      readonly: options.readonly,
    });
}
