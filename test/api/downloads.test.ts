import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import type { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { downloadAttachment, uploadAttachment } from '../../src/api/services/record-attachments-service';
import { downloadPhoto } from '../../src/api/services/record-photo-service';
import {
  AuthenticationException,
  ConnectionException,
  TimeoutException,
  ValidationException,
  ZCRMException,
} from '../../src/errors';
import { addFault, admin, authorisedClient, PATRICIA, requestLog, tokenRequests } from '../support/sdk';
import {
  createRecord,
  MISSING_ID,
  rejectionOf,
  startSdkEmulator,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

/** A writable that keeps what it is given, taking `delayMs` per chunk (a slow disk or network). */
function slowCollector(delayMs: number): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      setTimeout(done, delayMs);
    },
  });
  return Object.assign(sink, { bytes: () => Buffer.concat(chunks) });
}

/**
 * Downloads through the real transport: the body of a streamed error answer is read and parsed there, so
 * downloads get Zoho's typed errors, the refresh on INVALID_TOKEN and retries like every other call; the
 * timeout bounds the wait for the headers, not the reading of the file.
 */
describe('downloads through the transport', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let lead: ZCRMRecord;
  let attachmentId: string;
  let content: Buffer;
  let path: string;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
    lead = await createRecord(client, 'Leads', { Last_Name: 'Downloads' });
    content = randomBytes(2 * 1024 * 1024);
    attachmentId = (await uploadAttachment(lead, content, { fileName: 'big.bin' })).data!.id!;
    path = `/crm/v2/Leads/${lead.entityId}/Attachments/${attachmentId}`;
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));
  beforeEach(async () => {
    await admin(emulator, 'DELETE', 'faults');
    await admin(emulator, 'DELETE', 'requests');
  });

  const downloadStatuses = async () => (await requestLog(emulator, path)).map((r) => r.status);

  it('refreshes an expired access token once and then downloads', async () => {
    const refreshesBefore = await tokenRequests(emulator);
    await admin(emulator, 'POST', 'tokens/expire', { email: PATRICIA });
    const download = await downloadAttachment(lead, attachmentId);
    const sink = slowCollector(0);
    await download.writeTo(sink);
    expect(sink.bytes().equals(content)).toBe(true);
    expect(await tokenRequests(emulator)).toBe(refreshesBefore + 1);
    expect(await downloadStatuses()).toEqual([401, 200]);
  });

  it("throws the typed error with Zoho's code for a missing attachment", async () => {
    const error = await rejectionOf(downloadAttachment(lead, MISSING_ID));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.statusCode).toBe(400);
    expect(error.errorCode).toBe('INVALID_DATA');
    expect(error.errorContent).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
  });

  it('reads error envelopes and non-JSON error bodies of streamed answers', async () => {
    await addFault(emulator, {
      method: 'GET',
      path,
      times: 1,
      status: 401,
      body: { code: 'OAUTH_SCOPE_MISMATCH', message: 'invalid oauth scope', details: {}, status: 'error' },
    });
    const scope = await rejectionOf(downloadAttachment(lead, attachmentId));
    expect(scope).toBeInstanceOf(AuthenticationException);
    expect(scope.errorCode).toBe('OAUTH_SCOPE_MISMATCH');
    expect(scope.errorMessage).toBe('invalid oauth scope');

    await addFault(emulator, {
      method: 'GET',
      path,
      times: 1,
      status: 418,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad gateway</html>',
    });
    const html = await rejectionOf(downloadAttachment(lead, attachmentId));
    expect(html.constructor).toBe(ZCRMException);
    expect(html.statusCode).toBe(418);
    expect(html.errorMessage).toContain('Bad gateway');
  });

  it('reads at most 1 MB of an error body', async () => {
    await addFault(emulator, {
      method: 'GET',
      path,
      times: 1,
      status: 400,
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(3 * 1024 * 1024),
    });
    const error = await rejectionOf(downloadAttachment(lead, attachmentId));
    expect(error.statusCode).toBe(400);
    expect((error.errorContent as string).length).toBe(1024 * 1024);
    // The connection was released: the next download works.
    const download = await downloadAttachment(lead, attachmentId);
    const sink = slowCollector(0);
    await download.writeTo(sink);
    expect(sink.bytes().equals(content)).toBe(true);
  });

  it('retries a download through a burst of 5xx answers', async () => {
    await addFault(emulator, {
      method: 'GET',
      path,
      times: 2,
      status: 503,
      body: { code: 'INTERNAL_ERROR', message: 'busy', details: {}, status: 'error' },
    });
    const download = await downloadAttachment(lead, attachmentId);
    const sink = slowCollector(0);
    await download.writeTo(sink);
    expect(sink.bytes().equals(content)).toBe(true);
    expect(await downloadStatuses()).toEqual([503, 503, 200]);
  });

  it('drains the empty body of a 204 answer (no photo)', async () => {
    const photoless = await createRecord(client, 'Contacts', { Last_Name: 'No photo' });
    for (let i = 0; i < 3; i++) expect((await downloadPhoto(photoless)).noData).toBe(true);
  });

  describe('timeouts', () => {
    let once: ZCRMRestClient;
    beforeAll(async () => {
      once = await authorisedClient(emulator, PATRICIA, { retry: false });
    });
    afterAll(() => once.close());

    it('times out when the response headers are late', async () => {
      await addFault(emulator, { method: 'GET', path, times: 1, delayMs: 1500 });
      const started = Date.now();
      const error = await rejectionOf(
        downloadAttachment(withClient(lead, once), attachmentId, { timeoutMs: 300 }),
      );
      expect(error).toBeInstanceOf(TimeoutException);
      expect(Date.now() - started).toBeLessThan(1400);
    });

    it('does not cut off a body that takes longer than the timeout to read', async () => {
      await addFault(emulator, { method: 'GET', path, times: 1, delayMs: 100 });
      const started = Date.now();
      const download = await downloadAttachment(withClient(lead, once), attachmentId, { timeoutMs: 400 });
      // Start reading only after the timeout has passed, then read slowly.
      await sleep(500);
      const sink = slowCollector(5);
      await download.writeTo(sink);
      expect(Date.now() - started).toBeGreaterThan(400);
      expect(sink.bytes().equals(content)).toBe(true);
    });

    it("still lets the caller's signal cancel reading the body", async () => {
      const controller = new AbortController();
      const download = await downloadAttachment(withClient(lead, once), attachmentId, {
        signal: controller.signal,
        timeoutMs: 400,
      });
      const sink = slowCollector(20);
      setTimeout(() => controller.abort(), 100);
      await expect(download.writeTo(sink)).rejects.toThrow(/cancel|abort/i);
      expect(sink.bytes().length).toBeLessThan(content.length);
    });

    it('keeps the finite timeout for JSON calls', async () => {
      await addFault(emulator, { method: 'GET', path: '/crm/v2/Leads', times: 1, delayMs: 1000 });
      const error = await rejectionOf(once.request({ path: 'Leads', timeoutMs: 200 }));
      expect(error).toBeInstanceOf(ConnectionException);
      expect(error).toBeInstanceOf(TimeoutException);
    });
  });
});

/** The same record (module and id) with its calls going through `client`. */
function withClient(record: ZCRMRecord, client: ZCRMRestClient): ZCRMRecord {
  return client.getRecordInstance(record.moduleApiName, record.entityId);
}
