import { startEmulator, EmulatorOptions, RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMException } from '../../src/errors/zcrm-exception';
import { authorisedClient } from './sdk';
import { rejectionOf } from './assertions';

/** Shared fixtures of the record sub-resource API tests (notes, attachments, tags, related lists, blueprint, bulk). */

/** A fresh emulator (no demo data unless asked) and an SDK client authorised on it. */
export async function startSdkEmulator(
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; client: ZCRMRestClient }> {
  const emulator = await startEmulator({ demoData: false, ...options });
  const client = await authorisedClient(emulator);
  return { emulator, client };
}

/** Stops what {@link startSdkEmulator} started. */
export async function stopSdkEmulator(setup: {
  emulator?: RunningEmulator;
  client?: ZCRMRestClient;
}): Promise<void> {
  await setup.client?.close();
  await setup.emulator?.stop();
}

/** Creates a record with raw JSON (independent of the record mapping under test) and returns it as a `ZCRMRecord`. */
export async function createRecord(
  client: ZCRMRestClient,
  module: string,
  fields: Record<string, unknown>,
): Promise<ZCRMRecord> {
  const response = await client.request<{ data: Array<{ status: string; details: { id: string } }> }>({
    method: 'POST',
    path: module,
    body: { data: [fields] },
  });
  const item = response.data!.data[0];
  if (item.status !== 'success')
    throw new Error(`could not create a ${module} record: ${JSON.stringify(item)}`);
  return ZCRMRecord.getInstance(module, item.details.id, client);
}

/** One record's JSON as `GET /{module}/{id}` returns it. */
export async function readRecordJson(
  client: ZCRMRestClient,
  module: string,
  id: string,
): Promise<Record<string, any>> {
  const response = await client.request<{ data: Array<Record<string, any>> }>({ path: `${module}/${id}` });
  return response.data!.data[0];
}

/** A Zoho-shaped id that names no record. */
export const MISSING_ID = '3652397000999999999';

/** Requests to `/crm/...` the emulator has served so far. */
export async function crmRequestCount(emulator: RunningEmulator): Promise<number> {
  const res = await fetch(`${emulator.url}/__emulator/requests`);
  const body = (await res.json()) as { requests: Array<{ path: string }> };
  return body.requests.filter((r) => r.path.startsWith('/crm/')).length;
}

/**
 * Runs a call that must fail a client-side check: asserts it rejects with a `ZCRMException` of statusCode 0
 * and that the emulator saw no CRM request meanwhile. Returns the exception for further checks.
 */
export async function expectClientSideRejection(
  emulator: RunningEmulator,
  call: () => Promise<unknown>,
): Promise<ZCRMException> {
  const before = await crmRequestCount(emulator);
  const error = await rejectionOf(Promise.resolve().then(call));
  expect(error.statusCode).toBe(0);
  expect(await crmRequestCount(emulator)).toBe(before);
  return error;
}

export { rejectionOf };
