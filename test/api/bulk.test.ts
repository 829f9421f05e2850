import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMBulkRead } from '../../src/api/entities/zcrm-bulk-read';
import { ZCRMBulkWrite } from '../../src/api/entities/zcrm-bulk-write';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { bulkUploadUrl, trustedUrl } from '../../src/api/operations/bulk-operations';
import { ValidationException } from '../../src/errors/validation-exception';
import { NotFoundException } from '../../src/errors/not-found-exception';
import { ConnectionException } from '../../src/errors/connection-exception';
import {
  createRecord,
  expectClientSideRejection,
  MISSING_ID,
  readRecordJson,
  rejectionOf,
  startSdkEmulator,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

/** Unzips a zip file's entries as text. */
async function unzipFile(file: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(await readFile(file)))) out[name] = strFromU8(bytes);
  return out;
}

const FAST = { pollIntervalMs: 5, timeoutMs: 5_000 };

describe('bulk jobs', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let dir: string;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
    dir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-bulk-test-'));
    await createRecord(client, 'Leads', {
      Last_Name: 'Smith',
      Email: 'ann@smith.example',
      Lead_Source: 'Advertisement',
    });
    await createRecord(client, 'Leads', {
      Last_Name: 'O"Brien, Jr.',
      Email: 'ob@brien.example',
      Lead_Source: 'Chat',
    });
    await createRecord(client, 'Leads', {
      Last_Name: 'Young',
      Email: 'young@acme.example',
      Lead_Source: 'Advertisement',
    });
  });
  afterAll(async () => {
    await stopSdkEmulator({ emulator, client });
    await rm(dir, { recursive: true, force: true });
  });

  describe('Bulk Read', () => {
    it('creates a job, waits for it, and downloads the zipped CSV to a directory', async () => {
      const job = ZCRMBulkRead.getInstance('Leads', undefined, client);
      job.fields = ['Last_Name', 'Email'];
      job.criteria = { apiName: 'Lead_Source', comparator: 'equal', value: 'Advertisement' };
      job.callback = { url: 'https://example.com/callback' };

      const created = await job.create();
      expect(created.statusCode).toBe(201);
      expect(created.code).toBe('ADDED_SUCCESSFULLY');
      expect(created.data).toBe(job);
      expect(job.jobId).toMatch(/^\d{19}$/);
      expect(job.state).toBe('ADDED');
      expect(job.operation).toBe('read');
      expect(job.createdBy).toBeInstanceOf(ZCRMUser);
      expect(job.createdBy?.name).toBe('Patricia Boyle');

      const done = await job.waitForCompletion(FAST);
      expect(done.data).toBe(job);
      expect(job.isCompleted).toBe(true);
      expect(job.result).toEqual({
        page: 1,
        perPage: 200000,
        count: 2,
        downloadUrl: `/crm/bulk/v2/read/${job.jobId}/result`,
        moreRecords: false,
      });

      const download = await job.downloadResult();
      expect(download.contentType).toBe('application/zip');
      expect(download.fileName).toBe(`${job.jobId}.zip`);
      const written = await download.writeTo(dir);
      expect(written).toBe(path.join(dir, `${job.jobId}.zip`));
      const files = await unzipFile(written!);
      expect(Object.keys(files)).toEqual([`${job.jobId}.csv`]);
      const lines = files[`${job.jobId}.csv`].trimEnd().split('\r\n');
      expect(lines[0]).toBe('id,Last_Name,Email');
      expect(lines.slice(1).map((l) => l.split(',').slice(1).join(','))).toEqual([
        'Smith,ann@smith.example',
        'Young,young@acme.example',
      ]);
    });

    it('sends criteria groups and reads an existing job by id', async () => {
      const job = ZCRMBulkRead.getInstance('Leads', undefined, client);
      job.fields = ['Last_Name'];
      job.criteria = {
        groupOperator: 'or',
        group: [
          { apiName: 'Last_Name', comparator: 'starts_with', value: 'O' },
          { apiName: 'Email', comparator: 'ends_with', value: 'acme.example' },
        ],
      };
      expect(job.toJson()).toEqual({
        query: {
          module: 'Leads',
          fields: ['Last_Name'],
          criteria: {
            group_operator: 'or',
            group: [
              { api_name: 'Last_Name', comparator: 'starts_with', value: 'O' },
              { api_name: 'Email', comparator: 'ends_with', value: 'acme.example' },
            ],
          },
        },
      });
      await job.create();

      const again = ZCRMBulkRead.getInstance(undefined, job.jobId, client);
      const status = await again.getStatus();
      expect(status.statusCode).toBe(200);
      expect(again.state).toBe('IN PROGRESS');
      expect(again.moduleApiName).toBe('Leads');
      expect(again.fileType).toBe('csv');
      await again.waitForCompletion(FAST);
      expect(again.result?.count).toBe(2);
      const sink: Buffer[] = [];
      await (
        await again.downloadResult()
      ).writeTo(
        new Writable({
          write(chunk, _e, done) {
            sink.push(Buffer.from(chunk));
            done();
          },
        }),
      );
      const csv = strFromU8(unzipSync(Buffer.concat(sink))[`${job.jobId}.csv`]);
      expect(csv).toContain('"O""Brien, Jr."');
      expect(csv).toContain('Young');
      expect(csv).not.toContain('Smith');
    });

    it("throws Zoho's errors: unknown module, unknown field, download before completion, unknown job", async () => {
      let error = await rejectionOf(ZCRMBulkRead.getInstance('Nope', undefined, client).create());
      expect(error).toBeInstanceOf(NotFoundException);
      expect(error.errorCode).toBe('MODULE_NOT_AVAILABLE');

      const badField = ZCRMBulkRead.getInstance('Leads', undefined, client);
      badField.fields = ['No_Such_Field'];
      error = await rejectionOf(badField.create());
      expect(error.errorCode).toBe('INVALID_DATA');
      expect(error.errorDetails).toEqual(expect.objectContaining({ json_path: '$.query.fields[0]' }));

      const early = ZCRMBulkRead.getInstance('Leads', undefined, client);
      await early.create();
      error = await rejectionOf(early.downloadResult());
      expect(error.errorCode).toBe('CANNOT_PROCESS');
      expect(error.statusCode).toBe(400);

      error = await rejectionOf(ZCRMBulkRead.getInstance('Leads', MISSING_ID, client).getStatus());
      expect(error).toBeInstanceOf(NotFoundException);
      expect(error.errorCode).toBe('RESOURCE_NOT_FOUND');
    });

    it('bounds the wait: timeout and abort', async () => {
      const job = ZCRMBulkRead.getInstance('Leads', undefined, client);
      await job.create();
      const error = await rejectionOf(job.waitForCompletion({ pollIntervalMs: 1, timeoutMs: 0 }));
      expect(error.errorCode).toBe('BULK_JOB_TIMEOUT');
      expect(job.state).toBe('IN PROGRESS');

      const other = ZCRMBulkRead.getInstance('Leads', undefined, client);
      await other.create();
      const controller = new AbortController();
      const waiting = other.waitForCompletion({
        pollIntervalMs: 60_000,
        timeoutMs: 120_000,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      const aborted = await rejectionOf(waiting);
      expect(aborted).toBeInstanceOf(ConnectionException);
      expect(aborted.errorCode).toBe('ABORTED');
    });

    it('checks the job before any request', async () => {
      let error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkRead.getInstance(undefined, undefined, client).create(),
      );
      expect(error.errorMessage).toContain('module');
      const paged = ZCRMBulkRead.getInstance('Leads', undefined, client);
      paged.page = 0;
      error = await expectClientSideRejection(emulator, () => paged.create());
      expect(error.errorMessage).toContain('pages start at 1');
      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkRead.getInstance('Leads', '1', client).create(),
      );
      expect(error.errorMessage).toContain('already exists');
      const fresh = ZCRMBulkRead.getInstance('Leads', undefined, client);
      await expectClientSideRejection(emulator, () => fresh.getStatus());
      await expectClientSideRejection(emulator, () => fresh.waitForCompletion());
      await expectClientSideRejection(emulator, () => fresh.downloadResult());
      await expectClientSideRejection(emulator, () =>
        ZCRMBulkRead.getInstance('Leads', '1', client).waitForCompletion({ pollIntervalMs: -1 }),
      );
    });
  });

  describe('Bulk Write', () => {
    it('uploads a CSV (zipped on the fly), inserts its rows, and downloads the per-row results', async () => {
      const csvPath = path.join(dir, 'leads-import.csv');
      await writeFile(csvPath, 'Last Name,Mail\r\nNew One,new1@x.example\r\n,nobody@x.example\r\n');

      const upload = await ZCRMBulkWrite.uploadFile(csvPath, { client });
      expect(upload.status).toBe('success');
      expect(upload.code).toBe('FILE_UPLOAD_SUCCESS');
      expect(upload.data?.fileId).toMatch(/^\d{19}$/);
      expect(upload.data?.createdTime).toMatch(/\+05:30$/);

      const job = ZCRMBulkWrite.getInstance('insert', undefined, client);
      job.characterEncoding = 'UTF-8';
      job.addResource({
        module: 'Leads',
        fileId: upload.data!.fileId,
        fieldMappings: [
          { apiName: 'Last_Name', index: 0 },
          { apiName: 'Email', index: 1 },
          { apiName: 'Company', defaultValue: { value: 'Imported Inc' } },
        ],
      });
      const created = await job.create();
      expect(created.statusCode).toBe(201);
      expect(created.code).toBe('SUCCESS');
      expect(job.jobId).toMatch(/^\d{19}$/);
      expect(job.createdBy?.name).toBe('Patricia Boyle');

      await job.waitForCompletion(FAST);
      expect(job.status).toBe('COMPLETED');
      expect(job.operation).toBe('insert');
      expect(job.resourceStatus).toEqual([
        {
          status: 'COMPLETED',
          module: 'Leads',
          fileName: 'leads-import.csv',
          addedCount: 1,
          skippedCount: 1,
          updatedCount: 0,
          totalCount: 2,
        },
      ]);
      expect(job.downloadUrl).toBe(`${emulator.url}/crm/bulk/v2/write/${job.jobId}/result`);

      const written = await (await job.downloadResult()).writeTo(path.join(dir, 'write-result.zip'));
      const files = await unzipFile(written!);
      const lines = files['Leads-leads-import.csv'].trimEnd().split('\r\n');
      expect(lines[0]).toBe('Last Name,Mail,STATUS,RECORD_ID,ERRORS');
      expect(lines[2]).toBe(',nobody@x.example,SKIPPED,,MANDATORY_NOT_FOUND-Last Name');
      const newId = lines[1].split(',')[3];
      expect(await readRecordJson(client, 'Leads', newId)).toEqual(
        expect.objectContaining({ Last_Name: 'New One', Email: 'new1@x.example', Company: 'Imported Inc' }),
      );
    });

    it('uploads a ready zip from a stream with an explicit org id, and updates by a unique field', async () => {
      const zgid = (await client.request<{ org: Array<{ zgid: string }> }>({ path: 'org' })).data!.org[0]
        .zgid;
      const zip = zipSync({ 'updates.csv': strToU8('Email,Lead_Source\nann@smith.example,Web Download\n') });
      const upload = await ZCRMBulkWrite.uploadFile(Readable.from([Buffer.from(zip)]), {
        client,
        orgId: zgid,
        fileName: 'updates.zip',
      });
      const job = ZCRMBulkWrite.getInstance('update', undefined, client);
      job.addResource({ module: 'Leads', fileId: upload.data!.fileId, findBy: 'Email' });
      await job.create();
      await job.waitForCompletion(FAST);
      expect(job.resourceStatus[0].updatedCount).toBe(1);
      const status = await ZCRMBulkWrite.getInstance(undefined, job.jobId, client).getStatus();
      expect(status.data?.status).toBe('COMPLETED');
      expect(status.data?.operation).toBe('update');
    });

    it("throws Zoho's errors: a wrong org header, not a zip, unknown file, download before completion", async () => {
      let error = await rejectionOf(
        ZCRMBulkWrite.uploadFile(Buffer.from('Last_Name\nX\n'), { client, fileName: 'x.zip' }),
      );
      expect(error.errorCode).toBe('INVALID_FILE_FORMAT');
      error = await rejectionOf(
        ZCRMBulkWrite.uploadFile(Buffer.from(zipSync({ 'a.csv': strToU8('Last_Name\nX\n') })), {
          client,
          orgId: '1',
          fileName: 'a.zip',
        }),
      );
      expect(error.statusCode).toBe(400);
      expect(error.errorCode).toBe('INVALID_BULK_WRITE_HEADERS');
      expect(error.errorMessage).toContain('check if headers [feature:X-CRM-ORG] are present and valid');
      expect(error.errorContent).toEqual(expect.objectContaining({ info: 'Forbidden' }));

      const job = ZCRMBulkWrite.getInstance('insert', undefined, client);
      job.addResource({ module: 'Leads', fileId: MISSING_ID });
      error = await rejectionOf(job.create());
      expect(error.errorCode).toBe('INVALID_DATA');

      const upload = await ZCRMBulkWrite.uploadFile(Buffer.from('Last_Name\nLate\n'), {
        client,
        fileName: 'late.csv',
      });
      const early = ZCRMBulkWrite.getInstance('insert', undefined, client).addResource({
        module: 'Leads',
        fileId: upload.data!.fileId,
      });
      await early.create();
      early.downloadUrl = `${emulator.url}/crm/bulk/v2/write/${early.jobId}/result`;
      error = await rejectionOf(early.downloadResult());
      expect(error.errorCode).toBe('CANNOT_PROCESS');
    });

    it('checks the job and the file before any request', async () => {
      let error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.uploadFile(path.join(dir, 'missing.csv'), { client, orgId: '1' }),
      );
      expect(error.errorMessage).toContain('no readable file');
      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.uploadFile(Buffer.from('x'), { client }),
      );
      expect(error.errorMessage).toContain('fileName');
      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.uploadFile(Buffer.from('x'), { client, fileName: 'x.txt' }),
      );
      expect(error.errorMessage).toContain('.zip');
      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.uploadFile(undefined as unknown as string, { client }),
      );
      expect(error).toBeInstanceOf(ValidationException);

      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.getInstance(undefined, undefined, client).create(),
      );
      expect(error.errorMessage).toContain('operation');
      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.getInstance('insert', undefined, client).create(),
      );
      expect(error.errorMessage).toContain('at least one resource');
      const noFile = ZCRMBulkWrite.getInstance('insert', undefined, client).addResource({
        module: 'Leads',
        fileId: '',
      });
      error = await expectClientSideRejection(emulator, () => noFile.create());
      expect(error.errorMessage).toContain('resources[0].fileId');
      const noFindBy = ZCRMBulkWrite.getInstance('upsert', undefined, client).addResource({
        module: 'Leads',
        fileId: '1',
      });
      error = await expectClientSideRejection(emulator, () => noFindBy.create());
      expect(error.errorMessage).toContain('findBy');
      const fresh = ZCRMBulkWrite.getInstance('insert', undefined, client);
      await expectClientSideRejection(emulator, () => fresh.getStatus());
      error = await expectClientSideRejection(emulator, () =>
        ZCRMBulkWrite.getInstance('insert', '1', client).downloadResult(),
      );
      expect(error.errorMessage).toContain('waitForCompletion');
    });

    it('sends the access token only to Zoho hosts or the configured API host', async () => {
      const job = ZCRMBulkWrite.getInstance('insert', '1', client);
      job.downloadUrl = 'https://attacker.example.com/steal.zip';
      const error = await expectClientSideRejection(emulator, () => job.downloadResult());
      expect(error.errorCode).toBe('UNTRUSTED_URL');
      expect(trustedUrl(client, 'https://download-accl.zoho.com/v2/crm/1/bulk-write/2/2.zip')).toBe(
        'https://download-accl.zoho.com/v2/crm/1/bulk-write/2/2.zip',
      );
      expect(trustedUrl(client, '/crm/bulk/v2/read/1/result')).toBe('/crm/bulk/v2/read/1/result');
      expect(() => trustedUrl(client, 'http://download-accl.zoho.com/x')).toThrow(/Refusing/);
      expect(() => trustedUrl(client, 'https://zoho.com.evil.example/x')).toThrow(/Refusing/);
      expect(() => trustedUrl(client, '//evil.example/x')).toThrow(/Refusing/);
    });

    it('uploads to the data centre’s content host for Zoho API hosts, else to the configured host', async () => {
      const eu = new ZCRMRestClient({
        clientId: 'id',
        clientSecret: 'secret',
        apiBaseUrl: 'https://www.zohoapis.eu',
        tokenStore: 'memory',
      });
      const sandbox = new ZCRMRestClient({
        clientId: 'id',
        clientSecret: 'secret',
        apiBaseUrl: 'sandbox.zohoapis.com.au',
        tokenStore: 'memory',
      });
      try {
        expect(bulkUploadUrl(eu)).toBe('https://content.zohoapis.eu/crm/v2/upload');
        expect(bulkUploadUrl(sandbox)).toBe('https://content.zohoapis.com.au/crm/v2/upload');
        expect(bulkUploadUrl(client)).toBe(`${emulator.url}/crm/v2/upload`);
      } finally {
        await eu.close();
        await sandbox.close();
      }
    });
  });
});
