import { RawClient, RawResponse } from '../support/emulator';

/** Shared helpers of the records write-path tests (raw HTTP only). */

export const v2 = (path: string): string => `/crm/v2${path}`;

export const ID = expect.stringMatching(/^\d{19}$/);
export const TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
export const PATRICIA = { name: 'Patricia Boyle', id: '3652397000000235011' };
export const KEVIN = { name: 'Kevin Hart', id: '3652397000000235014' };

/** The `details` of a successful write by Patricia. */
export function audit(id: unknown = ID): Record<string, unknown> {
  return { Modified_Time: TIME, Modified_By: PATRICIA, Created_Time: TIME, id, Created_By: PATRICIA };
}

export function success(message: string, id: unknown = ID): Record<string, unknown> {
  return { code: 'SUCCESS', details: audit(id), message, status: 'success' };
}

export function itemError(
  code: string,
  message: string,
  details: Record<string, unknown>,
): Record<string, unknown> {
  return { code, details, message, status: 'error' };
}

export function requestError(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Record<string, unknown> {
  return { code, details, message, status: 'error' };
}

/** Inserts one record and returns its id (fails the test unless Zoho answers 201). */
export async function create(
  client: RawClient,
  module: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const res = await client.post(v2(`/${module}`), { data: [fields] });
  if (res.status !== 201) throw new Error(`insert into ${module} answered ${res.status}: ${res.text}`);
  return res.json.data[0].details.id;
}

/** One record as `GET /{module}/{id}` renders it, or `undefined` when Zoho answers 204. */
export async function fetchRecord(
  client: RawClient,
  module: string,
  id: string,
): Promise<Record<string, any> | undefined> {
  const res = await client.get(v2(`/${module}/${id}`));
  if (res.status === 204) return undefined;
  if (res.status !== 200) throw new Error(`GET ${module}/${id} answered ${res.status}: ${res.text}`);
  return res.json.data[0];
}

/** Every record of a module, converted and unapproved ones included. */
export async function listAll(client: RawClient, module: string): Promise<Array<Record<string, any>>> {
  const res = await client.get(v2(`/${module}?approved=both${module === 'Leads' ? '&converted=both' : ''}`));
  return res.status === 204 ? [] : res.json.data;
}

/** The id of the record whose `field` equals `value`. */
export async function idOf(
  client: RawClient,
  module: string,
  field: string,
  value: unknown,
): Promise<string> {
  const found = (await listAll(client, module)).find((r) => r[field] === value);
  if (!found) throw new Error(`no ${module} record has ${field} = ${String(value)}`);
  return found.id;
}

/** Credits left after a response (the v2-era day header the emulator sends by default). */
export function creditsLeft(res: RawResponse): number {
  return Number(res.headers.get('x-ratelimit-day-remaining'));
}
