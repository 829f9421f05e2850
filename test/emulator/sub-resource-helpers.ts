import type { RawClient, RawResponse } from '../support/emulator';

/** Shared fixtures of the record sub-resource tests (notes, attachments, tags, related lists, blueprint). */

/** The id of the record of `module` whose `field` equals `value`, read over HTTP. */
export async function recordId(
  client: RawClient,
  module: string,
  field: string,
  value: unknown,
): Promise<string> {
  const res = await client.get(`/crm/v2/${module}?per_page=200`);
  const found = (res.json?.data ?? []).find((r: Record<string, unknown>) => r[field] === value);
  if (!found) throw new Error(`no ${module} record with ${field}=${String(value)}`);
  return found.id;
}

/** One record as `GET /{module}/{id}` returns it. */
export async function getRecord(client: RawClient, module: string, id: string): Promise<Record<string, any>> {
  const res = await client.get(`/crm/v2/${module}/${id}`);
  return res.json.data[0];
}

/** The raw bytes of a response (RawClient keeps them beside the text). */
export function bytesOf(res: RawResponse): Buffer {
  return (res as RawResponse & { buffer: Buffer }).buffer;
}

/** A multipart body with one `file` part; without `type` the part carries no Content-Type, as Python `requests` sends it. */
export function fileForm(fileName: string, bytes: Buffer, type?: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], type === undefined ? {} : { type }), fileName);
  return form;
}

/** A 19-digit Zoho id. */
export const ANY_ID = expect.stringMatching(/^\d{19}$/);
/** An ISO date-time in the org's +05:30 offset. */
export const ANY_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
/** The token's user (the org admin) as audit `details` render a user. */
export const ADMIN_REF = { name: 'Patricia Boyle', id: ANY_ID };
/** `details` of a successful record write. */
export const AUDIT_DETAILS = {
  Modified_Time: ANY_TIME,
  Modified_By: ADMIN_REF,
  Created_Time: ANY_TIME,
  id: ANY_ID,
  Created_By: ADMIN_REF,
};
