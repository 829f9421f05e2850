import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { RawClient, RawResponse } from '../support/emulator';

/** Helpers shared by the bulk and CLI tests: zipped CSV uploads, job polling and result unzipping. */

export const ORG_HEADERS = (zgid: string) => ({ feature: 'bulk-write', 'X-CRM-ORG': zgid });

export function zipOf(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries);
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

/** The raw bytes of a response (RawClient keeps them beside the text). */
export function bytesOf(res: RawResponse): Uint8Array {
  return (res as RawResponse & { buffer: Buffer }).buffer;
}

export function uploadForm(bytes: Uint8Array, fileName = 'upload.zip', field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type: 'application/zip' }), fileName);
  return form;
}

/** Uploads `csv` zipped as `<name>` and returns the file id. */
export async function uploadCsv(
  client: RawClient,
  zgid: string,
  csv: string,
  name = 'Leads.csv',
): Promise<string> {
  const res = await client.request('POST', '/crm/v2/upload', {
    form: uploadForm(zipOf({ [name]: csv })),
    headers: ORG_HEADERS(zgid),
  });
  if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return res.json.details.file_id as string;
}

/** Polls a job URL until it reports COMPLETED (at most `max` polls); returns every status seen and the last body. */
export async function pollJob(
  client: RawClient,
  path: string,
  state: (body: any) => string,
  max = 5,
): Promise<{ seen: string[]; body: any }> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`poll failed: ${res.status} ${res.text}`);
    seen.push(state(res.json));
    if (seen[seen.length - 1] === 'COMPLETED') return { seen, body: res.json };
  }
  throw new Error(`job ${path} did not complete: ${seen.join(', ')}`);
}
