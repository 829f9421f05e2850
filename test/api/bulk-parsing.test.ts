/**
 * Parsing of the Bulk Read and Bulk Write responses documented by Zoho (samples in test/api/fixtures/wire-samples.ts), served verbatim
 * through the client's transport hook, and the shape of the requests.
 */
import { Readable } from 'node:stream';
import { ZCRMBulkRead } from '../../src/api/entities/zcrm-bulk-read';
import { ZCRMBulkWrite } from '../../src/api/entities/zcrm-bulk-write';
import { cannedClient } from '../support/record-helpers';
import { rejectionOf } from '../support/sub-resource-fixtures';

const CREATED_BY = { id: '554023000000235011', name: 'Patricia Boyle' };

describe('bulk read parsing', () => {
  it('parses the documented create, status and result answers', async () => {
    const answers = [
      {
        status: 201,
        body: {
          data: [
            {
              status: 'success',
              code: 'ADDED_SUCCESSFULLY',
              message: 'Added successfully.',
              details: {
                id: '554023000000859031',
                operation: 'read',
                state: 'ADDED',
                created_by: CREATED_BY,
                created_time: '2019-07-25T02:13:17-07:00',
              },
            },
          ],
          info: {},
        },
      },
      {
        status: 200,
        body: {
          data: [
            {
              id: '554023000000859031',
              operation: 'read',
              state: 'COMPLETED',
              query: { module: 'Leads', page: 1 },
              created_by: CREATED_BY,
              created_time: '2019-07-25T02:13:17-07:00',
              file_type: 'csv',
              result: {
                page: 1,
                per_page: 200000,
                count: 127,
                download_url: '/crm/bulk/v2/read/554023000000859031/result',
                more_records: false,
              },
            },
          ],
        },
      },
      {
        status: 200,
        headers: { 'Content-Type': 'application/zip' },
        body: Readable.from([Buffer.from('PK')]),
      },
    ];
    const { client, requests } = await cannedClient(() => answers.shift()!);
    const job = ZCRMBulkRead.getInstance('Leads', undefined, client);
    job.fields = ['Last_Name', 'Owner', 'Email'];
    job.cvid = '554023000000087501';
    job.page = 1;
    job.fileType = 'csv';
    job.callback = { url: 'https://example.com/cb', method: 'post' };
    job.criteria = {
      groupOperator: 'and',
      group: [
        { apiName: 'Lead_Source', comparator: 'equal', value: 'Advertisement' },
        {
          apiName: 'Created_Time',
          comparator: 'between',
          value: ['2019-01-01T00:00:00+05:30', '2019-12-31T00:00:00+05:30'],
        },
      ],
    };
    const created = await job.create();
    expect(new URL(requests[0].url).pathname).toBe('/crm/bulk/v2/read');
    expect(requests[0].body).toEqual({
      callback: { url: 'https://example.com/cb', method: 'post' },
      query: {
        module: 'Leads',
        cvid: '554023000000087501',
        fields: ['Last_Name', 'Owner', 'Email'],
        page: 1,
        criteria: {
          group_operator: 'and',
          group: [
            { api_name: 'Lead_Source', comparator: 'equal', value: 'Advertisement' },
            {
              api_name: 'Created_Time',
              comparator: 'between',
              value: ['2019-01-01T00:00:00+05:30', '2019-12-31T00:00:00+05:30'],
            },
          ],
        },
      },
      file_type: 'csv',
    });
    expect(created.code).toBe('ADDED_SUCCESSFULLY');
    expect(job).toMatchObject({
      jobId: '554023000000859031',
      state: 'ADDED',
      operation: 'read',
      createdTime: '2019-07-25T02:13:17-07:00',
    });
    expect(job.createdBy?.name).toBe('Patricia Boyle');

    await job.waitForCompletion({ pollIntervalMs: 0 });
    expect(new URL(requests[1].url).pathname).toBe('/crm/bulk/v2/read/554023000000859031');
    expect(job.result).toEqual({
      page: 1,
      perPage: 200000,
      count: 127,
      downloadUrl: '/crm/bulk/v2/read/554023000000859031/result',
      moreRecords: false,
    });

    const download = await job.downloadResult();
    expect(new URL(requests[2].url).pathname).toBe('/crm/bulk/v2/read/554023000000859031/result');
    expect(download.fileName).toBe('554023000000859031.zip');
    expect(download.contentType).toBe('application/zip');
    download.discard();
  });

  it('rejects a job that ends in FAILURE', async () => {
    const { client } = await cannedClient(() => ({
      status: 200,
      body: { data: [{ id: '1', operation: 'read', state: 'FAILURE' }] },
    }));
    const error = await rejectionOf(
      ZCRMBulkRead.getInstance('Leads', '1', client).waitForCompletion({ pollIntervalMs: 0 }),
    );
    expect(error.errorCode).toBe('BULK_JOB_FAILED');
    expect(error.errorMessage).toContain('FAILURE');
  });

  it("throws Zoho's concurrency error for too many jobs", async () => {
    const { client } = await cannedClient(() => ({
      status: 429,
      body: {
        code: 'TOO_MANY_REQUESTS',
        details: {},
        message: 'Many requests fired in concurrent than the allowed limit',
        status: 'error',
      },
    }));
    const error = await rejectionOf(ZCRMBulkRead.getInstance('Leads', undefined, client).create());
    expect(error.errorCode).toBe('TOO_MANY_REQUESTS');
    expect(error.statusCode).toBe(429);
  });
});

describe('bulk write parsing', () => {
  const STATUS_SAMPLE = {
    status: 'COMPLETED',
    character_encoding: 'UTF-8',
    resource: [
      {
        status: 'COMPLETED',
        type: 'data',
        module: 'Leads',
        field_mappings: [{ api_name: 'Last_Name', index: 0 }],
        file: {
          status: 'COMPLETED',
          name: 'Leads.csv',
          added_count: 100,
          skipped_count: 0,
          updated_count: 0,
          total_count: 100,
        },
      },
    ],
    id: '111111000000541958',
    result: {
      download_url:
        'https://download-accl.zoho.com/v2/crm/655/bulk-write/111111000000541958/111111000000541958.zip',
    },
    created_by: CREATED_BY,
    operation: 'insert',
    created_time: '2018-12-31T12:00:00-12:00',
  };

  it('uploads to the content host with the bulk-write headers and parses the documented answers', async () => {
    const answers = [
      {
        status: 200,
        body: {
          status: 'success',
          code: 'FILE_UPLOAD_SUCCESS',
          message: 'file uploaded.',
          details: { file_id: '111111000001492610', created_time: '2018-12-31T12:00:00-12:00' },
        },
      },
      {
        status: 201,
        body: {
          status: 'success',
          code: 'SUCCESS',
          message: 'success',
          details: { id: '111111000000541958', created_by: CREATED_BY },
        },
      },
      { status: 200, body: STATUS_SAMPLE },
      {
        status: 200,
        headers: { 'Content-Type': 'application/zip' },
        body: Readable.from([Buffer.from('PK')]),
      },
    ];
    const { client, requests } = await cannedClient(() => answers.shift()!);

    const upload = await ZCRMBulkWrite.uploadFile(Buffer.from('PK'), {
      client,
      orgId: '808232144',
      fileName: 'Leads.zip',
    });
    expect(requests[0].url).toBe('https://content.zohoapis.com/crm/v2/upload');
    expect(requests[0].headers).toEqual(
      expect.objectContaining({ feature: 'bulk-write', 'X-CRM-ORG': '808232144' }),
    );
    expect(requests[0].headers.Authorization).toBe('Zoho-oauthtoken 1000.access');
    expect(((requests[0].body as FormData).get('file') as File).type).toBe('application/zip');
    expect(upload.data).toEqual({ fileId: '111111000001492610', createdTime: '2018-12-31T12:00:00-12:00' });

    const job = ZCRMBulkWrite.getInstance('insert', undefined, client);
    job.characterEncoding = 'UTF-8';
    job.callback = { url: 'https://example.com/cb' };
    job.addResource({
      module: 'Leads',
      fileId: upload.data!.fileId,
      ignoreEmpty: true,
      findBy: 'Email',
      fieldMappings: [
        { apiName: 'Last_Name', index: 0 },
        { apiName: 'Email', index: 1 },
        { apiName: 'Lead_Source', defaultValue: { value: 'Trade Show' } },
      ],
    });
    await job.create();
    expect(requests[1].body).toEqual({
      operation: 'insert',
      character_encoding: 'UTF-8',
      callback: { url: 'https://example.com/cb', method: 'post' },
      resource: [
        {
          type: 'data',
          module: 'Leads',
          file_id: '111111000001492610',
          ignore_empty: true,
          find_by: 'Email',
          field_mappings: [
            { api_name: 'Last_Name', index: 0 },
            { api_name: 'Email', index: 1 },
            { api_name: 'Lead_Source', default_value: { value: 'Trade Show' } },
          ],
        },
      ],
    });
    expect(job.jobId).toBe('111111000000541958');
    expect(job.status).toBe('ADDED');

    await job.waitForCompletion({ pollIntervalMs: 0 });
    expect(job.resourceStatus).toEqual([
      {
        status: 'COMPLETED',
        module: 'Leads',
        fileName: 'Leads.csv',
        addedCount: 100,
        skippedCount: 0,
        updatedCount: 0,
        totalCount: 100,
      },
    ]);
    expect(job.downloadUrl).toBe(STATUS_SAMPLE.result.download_url);

    const download = await job.downloadResult();
    expect(requests[3].url).toBe(STATUS_SAMPLE.result.download_url);
    expect(requests[3].headers.Authorization).toBe('Zoho-oauthtoken 1000.access');
    expect(download.fileName).toBe('111111000000541958.zip');
    download.discard();
  });

  it('reads the org id from GET org when none is given', async () => {
    const answers = [
      { status: 200, body: { org: [{ id: '1', zgid: '808232144', company_name: 'zohoo' }] } },
      {
        status: 200,
        body: {
          status: 'success',
          code: 'FILE_UPLOAD_SUCCESS',
          message: 'file uploaded.',
          details: { file_id: '5' },
        },
      },
    ];
    const { client, requests } = await cannedClient(() => answers.shift()!);
    await ZCRMBulkWrite.uploadFile(Buffer.from('PK'), { client, fileName: 'a.zip' });
    expect(new URL(requests[0].url).pathname).toBe('/crm/v2/org');
    expect(requests[1].headers['X-CRM-ORG']).toBe('808232144');
  });

  it('rejects a job that ends FAILED or SKIPPED', async () => {
    for (const status of ['FAILED', 'SKIPPED']) {
      const { client } = await cannedClient(() => ({ status: 200, body: { ...STATUS_SAMPLE, status } }));
      const error = await rejectionOf(
        ZCRMBulkWrite.getInstance('insert', '1', client).waitForCompletion({ pollIntervalMs: 0 }),
      );
      expect(error.errorCode).toBe('BULK_JOB_FAILED');
      expect(error.errorMessage).toContain(status);
    }
  });
});
