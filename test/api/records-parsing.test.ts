/**
 * Parsing of the record responses documented by Zoho (samples in test/api/fixtures/wire-samples.ts), served verbatim through the
 * client's transport hook (the whole pipeline still runs): lists, write results matched to their inputs, upsert,
 * delete, deleted records, COQL, mass update, lead conversion, and the no-data and malformed cases.
 */
import type { HttpRequest } from '../../src/http/http-types';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ZCRMException, ValidationException } from '../../src/errors';
import { cannedClient, CannedResponse } from '../support/record-helpers';
import { LEAD_SAMPLE } from './fixtures/wire-samples';

/** list sample. */
const LIST_SAMPLE = {
  data: [LEAD_SAMPLE],
  info: { per_page: 200, count: 1, page: 1, more_records: false },
};

const USER_REF = { name: 'Patricia Boyle', id: '554023000000235011' };

/** write sample: one success, one error. */
const WRITE_SAMPLE = {
  data: [
    {
      code: 'SUCCESS',
      details: {
        Modified_Time: '2019-05-02T11:17:33+05:30',
        Modified_By: USER_REF,
        Created_Time: '2019-05-02T11:17:33+05:30',
        id: '554023000000527003',
        Created_By: USER_REF,
      },
      message: 'record added',
      status: 'success',
    },
    {
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'Last_Name' },
      message: 'required field not found',
      status: 'error',
    },
  ],
};

/** upsert sample. */
const UPSERT_SAMPLE = {
  data: [
    {
      code: 'SUCCESS',
      duplicate_field: 'Email',
      action: 'update',
      details: {
        Modified_Time: '2019-05-02T11:17:33+05:30',
        Modified_By: USER_REF,
        Created_Time: '2019-01-01T00:00:00+05:30',
        id: '4150868000000376008',
        Created_By: USER_REF,
      },
      message: 'record updated',
      status: 'success',
    },
    {
      code: 'SUCCESS',
      duplicate_field: null,
      action: 'insert',
      details: {
        Modified_Time: '2019-05-02T11:17:33+05:30',
        Modified_By: USER_REF,
        Created_Time: '2019-05-02T11:17:33+05:30',
        id: '4150868000000376010',
        Created_By: USER_REF,
      },
      message: 'record added',
      status: 'success',
    },
  ],
};

/** Serves `answer` and keeps the requests; every test gets a fresh client. */
async function serve(answer: (request: HttpRequest) => CannedResponse) {
  const { client, requests } = await cannedClient(answer);
  return { client, requests, module: (name: string) => ZCRMModule.getInstance(name, client) };
}

describe('reads', () => {
  it('parses the list sample with its info and rate-limit headers', async () => {
    const { module, requests } = await serve(() => ({
      status: 200,
      body: LIST_SAMPLE,
      headers: {
        'X-RATELIMIT-LIMIT': '100',
        'X-RATELIMIT-REMAINING': '99',
        'X-RATELIMIT-RESET': '1700000000000',
        'X-API-CREDITS-REMAINING': '4242',
      },
    }));
    const response = await module('Leads').getRecords();
    expect(requests[0].url).toBe('https://www.zohoapis.com/crm/v2/Leads?page=1&per_page=200');
    expect(requests[0].headers.Authorization).toBe('Zoho-oauthtoken 1000.access');
    expect(response.info).toMatchObject({ page: 1, perPage: 200, count: 1, moreRecords: false });
    const [record] = response.data;
    expect(record.entityId).toBe('554023000000527003');
    expect(record.owner).toBeInstanceOf(ZCRMUser);
    expect(record.properties.approved).toBe(true);
    expect(record.getFieldValue('Full_Name')).toBe('Paul Daly');
    expect(response.getAPILimitForCurrentWindow()).toBe(100);
    expect(response.getRemainingAPICountForCurrentWindow()).toBe(99);
    expect(response.getCurrentWindowResetTimeInMillis()).toBe(1700000000000);
    expect(response.getRemainingCredits()).toBe(4242);
    expect(response.getAPILimitForTheDay()).toBeUndefined();
  });

  it('answers 204 and 304 with no data (never a crash, unlike the seed)', async () => {
    const { module } = await serve((request) => ({ status: request.url.includes('/Leads/') ? 204 : 304 }));
    const one = await module('Leads').getRecord('1');
    expect(one).toMatchObject({ statusCode: 204, noData: true, data: undefined });
    const list = await module('Leads').getRecords({ ifModifiedSince: '2019-07-25T15:26:49+05:30' });
    expect(list).toMatchObject({ statusCode: 304, noData: true, notModified: true, data: [] });
    expect(list.info).toBeUndefined();
  });

  it('rejects a 200 without the documented data array as INVALID_RESPONSE', async () => {
    const { module } = await serve(() => ({ status: 200, body: { records: [] } }));
    await expect(module('Leads').getRecords()).rejects.toMatchObject({
      constructor: ZCRMException,
      errorCode: 'INVALID_RESPONSE',
      statusCode: 200,
    });
  });

  it('parses the deleted-records sample', async () => {
    const { module } = await serve(() => ({
      status: 200,
      body: {
        data: [
          {
            deleted_by: { name: 'Patricia Boyle', id: '410888000000086001' },
            id: '410888000000099071',
            display_name: 'Patricia',
            type: 'recycle',
            created_by: { name: 'Patricia Boyle', id: '410888000000086001' },
            deleted_time: '2015-06-19T11:19:38+05:30',
          },
        ],
        info: { per_page: 200, count: 1, page: 1, more_records: false },
      },
    }));
    const response = await module('Leads').getAllDeletedRecords();
    expect(response.data[0]).toMatchObject({
      id: '410888000000099071',
      displayName: 'Patricia',
      type: 'recycle',
      deletedTime: '2015-06-19T11:19:38+05:30',
    });
    expect(response.data[0].deletedBy).toMatchObject({ id: '410888000000086001', name: 'Patricia Boyle' });
    expect(response.data[0].createdBy).toBeInstanceOf(ZCRMUser);
  });

  it('parses the COQL sample: lookups with only an id', async () => {
    const { module, requests } = await serve(() => ({
      status: 200,
      body: {
        data: [{ Last_Name: 'Boyle', Account_Name: { id: '554023000000238121' }, id: '554023000000310003' }],
        info: { count: 2, more_records: false },
      },
    }));
    const response = await module('Contacts').searchByCoql(
      'select Last_Name, Account_Name from Contacts limit 0, 200',
    );
    expect(requests[0].method).toBe('POST');
    const account = response.data[0].getFieldValue('Account_Name') as ZCRMRecord;
    expect(account).toMatchObject({
      moduleApiName: 'Accounts',
      entityId: '554023000000238121',
      lookupLabel: undefined,
    });
    expect(response.info).toMatchObject({ count: 2, moreRecords: false });
    expect(response.info!.page).toBeUndefined();
  });
});

describe('write results', () => {
  it('matches the sample to its inputs by position: success updates the input, error does not throw', async () => {
    const { module } = await serve(() => ({ status: 202, body: WRITE_SAMPLE }));
    const a = ZCRMRecord.getInstance('Leads');
    a.setFieldValue('Last_Name', 'Daly');
    const b = ZCRMRecord.getInstance('Leads');
    b.setFieldValue('Company', 'No name');
    const response = await module('Leads').createRecords([a, b]);
    expect(response.statusCode).toBe(202);
    expect(response.bulkEntityResponse[0]).toMatchObject({
      status: 'success',
      code: 'SUCCESS',
      message: 'record added',
    });
    expect(a).toMatchObject({ entityId: '554023000000527003', createdTime: '2019-05-02T11:17:33+05:30' });
    expect(a.createdBy).toMatchObject({ id: '554023000000235011', name: 'Patricia Boyle' });
    expect(response.bulkEntityResponse[1]).toMatchObject({
      status: 'error',
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'Last_Name' },
    });
    expect(response.bulkEntityResponse[1].data).toBe(b);
    expect(b.entityId).toBeUndefined();
    expect(response.data).toEqual([a]);
  });

  it('checks result ids against input ids and re-pairs results Zoho listed in another order', async () => {
    const { module } = await serve(() => ({
      status: 200,
      body: {
        data: [
          {
            code: 'SUCCESS',
            details: { id: '2', Modified_Time: 't2' },
            message: 'record updated',
            status: 'success',
          },
          {
            code: 'SUCCESS',
            details: { id: '1', Modified_Time: 't1' },
            message: 'record updated',
            status: 'success',
          },
        ],
      },
    }));
    const one = ZCRMRecord.getInstance('Leads', '1');
    const two = ZCRMRecord.getInstance('Leads', '2');
    const response = await module('Leads').updateRecords([one, two]);
    expect(response.bulkEntityResponse[0].data).toBe(one);
    expect(response.bulkEntityResponse[0].details.id).toBe('1');
    expect(response.bulkEntityResponse[1].data).toBe(two);
    expect(one.modifiedTime).toBe('t1');
    expect(two.modifiedTime).toBe('t2');
  });

  it('refuses results it cannot attach to the right input (RESPONSE_MISMATCH)', async () => {
    const fewer = await serve(() => ({ status: 200, body: { data: [WRITE_SAMPLE.data[0]] } }));
    const inputs = () =>
      [ZCRMRecord.getInstance('Leads'), ZCRMRecord.getInstance('Leads')].map(
        (r) => (r.setFieldValue('Last_Name', 'x'), r),
      );
    await expect(fewer.module('Leads').createRecords(inputs())).rejects.toMatchObject({
      errorCode: 'RESPONSE_MISMATCH',
      errorMessage: expect.stringMatching(/1 result\(s\) for 2 input/),
    });
    const stranger = await serve(() => ({
      status: 200,
      body: {
        data: [{ code: 'SUCCESS', details: { id: '9' }, message: 'record deleted', status: 'success' }],
      },
    }));
    await expect(stranger.module('Leads').deleteRecords(['1'])).rejects.toMatchObject({
      errorCode: 'RESPONSE_MISMATCH',
      errorMessage: expect.stringMatching(/names 9, which is not among the inputs/),
    });
    const twice = await serve(() => ({
      status: 200,
      body: {
        data: ['1', '1'].map((id) => ({
          code: 'SUCCESS',
          details: { id },
          message: 'record deleted',
          status: 'success',
        })),
      },
    }));
    await expect(twice.module('Leads').deleteRecords(['1', '2'])).rejects.toMatchObject({
      errorCode: 'RESPONSE_MISMATCH',
    });
  });

  it('parses the upsert sample: action and duplicate field', async () => {
    const { module, requests } = await serve(() => ({ status: 200, body: UPSERT_SAMPLE }));
    const existing = ZCRMRecord.getInstance('Leads');
    existing.setFieldValue('Email', 'p.daly@zylker.com');
    const fresh = ZCRMRecord.getInstance('Leads');
    fresh.setFieldValue('Last_Name', 'New');
    const response = await module('Leads').upsertRecords([existing, fresh], {
      duplicateCheckFields: ['Email', 'Phone'],
      trigger: ['workflow'],
    });
    expect(requests[0].body).toEqual({
      data: [{ Email: 'p.daly@zylker.com' }, { Last_Name: 'New' }],
      trigger: ['workflow'],
      duplicate_check_fields: ['Email', 'Phone'],
    });
    expect(response.bulkEntityResponse.map((r) => [r.upsertAction, r.upsertDuplicateField])).toEqual([
      ['update', 'Email'],
      ['insert', null],
    ]);
    expect([existing.entityId, fresh.entityId]).toEqual(['4150868000000376008', '4150868000000376010']);
  });

  it('parses the delete sample with a failed id', async () => {
    const { module, requests } = await serve(() => ({
      status: 202,
      body: {
        data: [
          {
            code: 'SUCCESS',
            details: { id: '410405000002264040' },
            message: 'record deleted',
            status: 'success',
          },
          {
            code: 'INVALID_DATA',
            details: { id: '410405000002264041' },
            message: 'record not deleted',
            status: 'error',
          },
        ],
      },
    }));
    const response = await module('Leads').deleteRecords(['410405000002264040', '410405000002264041']);
    expect(requests[0].url).toMatch(/\/Leads\?ids=410405000002264040%2C410405000002264041$/);
    expect(requests[0].body).toBeUndefined();
    expect(response.data.map((r) => r.entityId)).toEqual(['410405000002264040']);
    expect(response.bulkEntityResponse[1]).toMatchObject({ status: 'error', message: 'record not deleted' });
  });

  it('turns an error item of a single-record write into an exception (the seed APIResponse rule)', async () => {
    const { client } = await serve(() => ({ status: 201, body: { data: [WRITE_SAMPLE.data[1]] } }));
    const record = ZCRMRecord.getInstance('Leads', undefined, client);
    record.setFieldValue('Company', 'x');
    await expect(record.create()).rejects.toMatchObject({
      constructor: ValidationException,
      statusCode: 201,
      errorCode: 'MANDATORY_NOT_FOUND',
      errorMessage: 'required field not found',
      errorDetails: { api_name: 'Last_Name' },
    });
  });
});

describe('mass update and conversion', () => {
  it('parses the scheduled job and its status', async () => {
    const { module } = await serve((request) =>
      request.method === 'POST'
        ? {
            status: 202,
            body: {
              data: [
                {
                  code: 'SUCCESS',
                  details: { job_id: '554023000000506003' },
                  message: 'mass update scheduled successfully',
                  status: 'success',
                },
              ],
            },
          }
        : {
            status: 200,
            body: {
              data: [
                {
                  Status: 'RUNNING',
                  Failed_Count: 0,
                  Updated_Count: 20,
                  Not_Updated_Count: 0,
                  Total_Count: 50,
                },
              ],
            },
          },
    );
    const job = await module('Leads').scheduleMassUpdate(
      { Lead_Status: 'Lost' },
      { cvid: '554023000000087501', territory: { id: '5', includeChild: true } },
      { overWrite: true },
    );
    expect(job.data).toEqual({ jobId: '554023000000506003' });
    const status = await module('Leads').getMassUpdateStatus('554023000000506003');
    expect(status.data).toMatchObject({
      status: 'RUNNING',
      updatedCount: 20,
      totalCount: 50,
      notUpdatedCount: 0,
      failedCount: 0,
    });
    expect(status.data!.isFinished).toBe(false);
  });

  it('rejects a scheduled mass update answer without job id', async () => {
    const { module } = await serve(() => ({
      status: 202,
      body: { data: [{ code: 'SUCCESS', details: {}, message: 'x', status: 'success' }] },
    }));
    await expect(module('Leads').scheduleMassUpdate({ City: 'x' }, { cvid: '1' })).rejects.toMatchObject({
      errorCode: 'INVALID_RESPONSE',
    });
  });

  it('parses the v2 convert sample (Deals null → absent) and the later wrapped form', async () => {
    const v2 = await serve(() => ({
      status: 200,
      body: { data: [{ Contacts: '4000000096133', Deals: null, Accounts: '4000000096131' }] },
    }));
    const lead = ZCRMRecord.getInstance('Leads', '4000000096120', v2.client);
    const converted = await lead.convert(undefined, undefined, {
      overwrite: true,
      accountId: '4000000096131',
      carryOverTags: { Contacts: ['t1'] },
    });
    expect(v2.requests[0].body).toEqual({
      data: [{ overwrite: true, Accounts: '4000000096131', carry_over_tags: { Contacts: ['t1'] } }],
    });
    expect(converted.data).toEqual({ Contacts: '4000000096133', Accounts: '4000000096131' });
    const v7 = await serve(() => ({
      status: 200,
      body: {
        data: [
          {
            code: 'SUCCESS',
            details: { Contacts: { name: 'x', id: '1' }, Accounts: { id: '2' }, Deals: { id: '3' } },
            message: 'converted',
            status: 'success',
          },
        ],
      },
    }));
    const result = await ZCRMRecord.getInstance('Leads', '9', v7.client).convert();
    expect(result.data).toEqual({ Contacts: '1', Accounts: '2', Deals: '3' });
  });
});
