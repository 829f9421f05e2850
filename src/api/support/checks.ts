import { ValidationException } from '../../errors/validation-exception';
import type { ZCRMRecord } from '../entities/zcrm-record';
import { describeValue } from './describe-value';

/**
 * Client-side checks (the seed zcrmsdk's) shared by the sub-resource calls: each fails before any request with a
 * `ValidationException` (statusCode 0) naming the argument and the problem.
 */

/** The id of the record a sub-resource call hangs off. */
export function requireRecordId(record: ZCRMRecord | undefined | null, operation: string): string {
  if (!record) throw ValidationException.invalidInput('record', `${operation}() needs a record`);
  if (!record.entityId) {
    throw ValidationException.invalidInput(
      `${record.moduleApiName} record`,
      `${operation}() needs the record id (entityId); build it with ZCRMRecord.getInstance(module, id)`,
    );
  }
  return record.entityId;
}

/** A non-empty id argument (`attachmentId`, `tagId`, `tax id` …); `operation` names the call in the message. */
export function requireId(value: unknown, name: string, operation?: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw ValidationException.invalidInput(
      name,
      operation === undefined ? 'an id is required' : `${operation}() needs ${name}, a non-empty id string`,
    );
  }
  return value;
}

/**
 * A list of names or ids for a comma-separated query parameter: between `min` and `max` entries, each a
 * non-empty string without a comma (Zoho splits the parameter on commas).
 */
export function requireList(values: unknown, name: string, min: number, max: number): string[] {
  if (!Array.isArray(values))
    throw ValidationException.invalidInput(name, `must be a list of ${min} to ${max} strings`);
  if (values.length < min || values.length > max) {
    throw ValidationException.invalidInput(name, `must hold ${min} to ${max} entries, got ${values.length}`);
  }
  values.forEach((value, index) => {
    if (typeof value !== 'string' || value.trim() === '') {
      throw ValidationException.invalidInput(`${name}[${index}]`, 'must be a non-empty string');
    }
    if (value.includes(',')) {
      throw ValidationException.invalidInput(
        `${name}[${index}]`,
        `"${value}" contains a comma, which Zoho reads as a separator`,
      );
    }
  });
  return values as string[];
}

/** At most `max` items (and at least one) in a multi-item write (the seed zcrmsdk's client-side checks), checked before any request. */
export function requireCount(items: unknown, name: string, max: number): void {
  if (!Array.isArray(items) || items.length === 0)
    throw ValidationException.invalidInput(name, `give at least one (1 to ${max} per request)`);
  if (items.length > max)
    throw ValidationException.invalidInput(name, `at most ${max} per request, got ${items.length}`);
}

/** Paging of list calls: pages count from 1 (the seed's 0 defaults are not copied); `perPage` is 1..200. */
export interface PageOptions {
  page?: number;
  perPage?: number;
}

/** Validated paging with the call's defaults. */
export function paging(
  options: PageOptions,
  defaults: { page: number; perPage: number },
  operation: string,
): { page: number; perPage: number } {
  const page = options.page ?? defaults.page;
  const perPage = options.perPage ?? defaults.perPage;
  if (!Number.isInteger(page) || page < 1)
    throw ValidationException.invalidInput('page', `${operation}(): pages start at 1, got ${String(page)}`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
    throw ValidationException.invalidInput(
      'perPage',
      `${operation}(): must be 1 to 200, got ${String(perPage)}`,
    );
  }
  return { page, perPage };
}

/** An http(s) URL argument (a link attachment); `operation` names the call in the message. */
export function requireHttpUrl(value: unknown, name: string, operation: string): string {
  if (typeof value === 'string' && isHttpUrl(value)) return value;
  throw ValidationException.invalidInput(
    name,
    `${operation}() needs an http(s) URL, got ${describeValue(value)}`,
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
