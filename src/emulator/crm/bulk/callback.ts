import { isPlainObject } from '../body';
import { BulkErrors } from './errors';

/**
 * A job's `callback`. [I] The emulator validates and reports it but never calls it: jobs run when polled
 * (see progress.ts), and a test server rarely has a public callback endpoint anyway.
 */
export interface Callback {
  url: string;
  method: string;
}

/** Reads an optional `callback` (`{url, method: "post"}`); shared by bulk read and write. */
export function readCallback(value: unknown): Callback | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    throw BulkErrors.invalid('$.callback', 'callback', { expected_data_type: 'jsonobject' });
  if (typeof value.url !== 'string' || !/^https?:\/\/\S+$/i.test(value.url))
    throw BulkErrors.invalid('$.callback.url', 'url');
  const method = value.method ?? 'post';
  if (typeof method !== 'string' || method.toLowerCase() !== 'post')
    throw BulkErrors.invalid('$.callback.method', 'method');
  return { url: value.url, method: 'post' };
}
