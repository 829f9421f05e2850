/**
 * Record operations of ZCRMModule and ZCRMRecord against the emulator over real HTTP: reads, writes, per-record
 * results, client-side checks (which must fail before any request), and "send only what changed".
 */
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import {
  AuthenticationException,
  ZCRMException,
  NotFoundException,
  ValidationException,
  QueryCompileException,
} from '../../src/errors';
import { ALL_SCOPES } from '../support/emulator';
import { authorisedClient, emulatorConfig, KEVIN, PATRICIA } from '../support/sdk';
import { captureRequests, CapturedRequest } from '../support/record-helpers';

let emulator: RunningEmulator;
let client: ZCRMRestClient;
let sent: CapturedRequest[];
let leads: ZCRMModule;

beforeAll(async () => {
  emulator = await startEmulator();
  client = await authorisedClient(emulator);
  sent = captureRequests(client);
  leads = ZCRMModule.getInstance('Leads', client);
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

beforeEach(() => {
  emulator.reset();
  sent.length = 0;
});

/** A new lead with the given fields. */
function lead(fields: Record<string, unknown>): ZCRMRecord {
  const record = ZCRMRecord.getInstance('Leads', undefined, client);
  for (const [key, value] of Object.entries(fields)) record.setFieldValue(key, value);
  return record;
}

/** Expects `promise` to reject with a client-side ValidationException (statusCode 0) and no request sent. */
async function rejectsBeforeRequest(
  promise: Promise<unknown>,
  field: string | RegExp,
): Promise<ValidationException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationException);
  const exception = error as ValidationException;
  expect(exception.statusCode).toBe(0);
  expect(exception.errorCode).toBe('INVALID_INPUT');
  expect(exception.errorMessage).toMatch(field);
  expect(sent).toHaveLength(0);
  return exception;
}

describe('getInstance', () => {
  it('builds modules and records without a request', () => {
    const module = ZCRMModule.getInstance('Invoices');
    const record = ZCRMRecord.getInstance('Invoices', '123');
    expect(module.apiName).toBe('Invoices');
    expect(record.entityId).toBe('123');
    expect(record.fieldData).toEqual({});
    expect(sent).toHaveLength(0);
  });

  it('rejects a module without an API name', () => {
    expect(() => ZCRMModule.getInstance('')).toThrow(ValidationException);
  });

  it('uses ZCRMRestClient.getInstance() when no client is given', async () => {
    const initialized = ZCRMRestClient.initialize(emulatorConfig(emulator, { currentUserEmail: PATRICIA }));
    try {
      const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA });
      await initialized.oauthClient.generateAccessToken(code);
      const response = await ZCRMModule.getInstance('Leads').getRecords({ perPage: 2 });
      expect(response.data).toHaveLength(2);
      expect(response.data[0].client).toBe(initialized);
    } finally {
      await initialized.close();
    }
  });

  it("runs a record's calls on ZCRMRestClient.getInstance() at call time, and rejects before initialize", async () => {
    const record = ZCRMRecord.getInstance('Leads', '1');
    // A rejection, not a synchronous throw: the record reaches its calls through the client it has then.
    const early = record.get();
    await expect(early).rejects.toMatchObject({ errorCode: 'NOT_INITIALIZED' });
    await expect(record.getNotes()).rejects.toMatchObject({ errorCode: 'NOT_INITIALIZED' });
    const initialized = ZCRMRestClient.initialize(emulatorConfig(emulator, { currentUserEmail: PATRICIA }));
    try {
      const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA });
      await initialized.oauthClient.generateAccessToken(code);
      const daly = (await ZCRMModule.getInstance('Leads').getRecords({ perPage: 1 })).data[0];
      const fresh = ZCRMRecord.getInstance('Leads', daly.entityId);
      expect((await fresh.get()).data).toBe(fresh);
      expect(fresh.getFieldValue('Last_Name')).toBe(daly.getFieldValue('Last_Name'));
      expect((await fresh.getNotes()).data).toEqual([]);
    } finally {
      await initialized.close();
    }
    await expect(record.get()).rejects.toMatchObject({ errorCode: 'NOT_INITIALIZED' });
  });
});

describe('ZCRMModule.getRecords', () => {
  it('parses the page and its info, and asks for page 1 by default', async () => {
    const response = await leads.getRecords();
    expect(response.statusCode).toBe(200);
    expect(response.data.length).toBe(5);
    expect(response.info).toMatchObject({ page: 1, perPage: 200, count: 5, moreRecords: false });
    expect(sent[0].query.get('page')).toBe('1');
    expect(sent[0].query.get('per_page')).toBe('200');
    const daly = response.data.find((r) => r.getFieldValue('Last_Name') === 'Daly')!;
    expect(daly.entityId).toMatch(/^\d+$/);
    expect(daly.owner).toBeInstanceOf(ZCRMUser);
    expect(daly.owner!.email).toBe(PATRICIA);
    expect(daly.createdBy).toBeInstanceOf(ZCRMUser);
    expect(daly.createdTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(daly.properties.approved).toBe(true);
    expect(Object.keys(daly.fieldData).some((k) => k.startsWith('$'))).toBe(false);
    expect(daly.client).toBe(client);
  });

  it('pages, sorts, selects fields and passes custom parameters and headers', async () => {
    const first = await leads.getRecords({
      page: 1,
      perPage: 2,
      sortBy: 'Last_Name',
      sortOrder: 'asc',
      fields: ['Last_Name', 'Email'],
    });
    expect(first.data.map((r) => r.getFieldValue('Last_Name'))).toEqual(['Daly', 'Kidman']);
    expect(first.info?.moreRecords).toBe(true);
    expect(sent[0].query.get('fields')).toBe('Last_Name,Email');
    const third = await leads.getRecords({ page: 3, perPage: 2, sortBy: 'Last_Name', sortOrder: 'asc' });
    expect(third.data.map((r) => r.getFieldValue('Last_Name'))).toEqual(['Sweely']);
    expect(third.info?.moreRecords).toBe(false);
    await leads.getRecords({ customParameters: { approved: 'both' }, customHeaders: { 'X-Test': 'yes' } });
    expect(sent[2].query.get('approved')).toBe('both');
    expect(sent[2].headers['X-Test']).toBe('yes');
  });

  it('treats 304 Not Modified as a no-data result', async () => {
    const response = await leads.getRecords({ ifModifiedSince: new Date(Date.now() + 86_400_000) });
    expect(response.statusCode).toBe(304);
    expect(response.noData).toBe(true);
    expect(response.notModified).toBe(true);
    expect(response.data).toEqual([]);
    expect(sent[0].headers['If-Modified-Since']).toMatch(/\+00:00$/);
  });

  it('rejects page 0 and oversized pages before any request', async () => {
    await rejectsBeforeRequest(leads.getRecords({ page: 0 }), /pages start at 1/);
    await rejectsBeforeRequest(leads.getRecords({ perPage: 201 }), /perPage/);
  });

  it('throws NotFoundException for an unknown module', async () => {
    await expect(ZCRMModule.getInstance('Nope', client).getRecords()).rejects.toMatchObject({
      constructor: NotFoundException,
      statusCode: 400,
      errorCode: 'INVALID_MODULE',
    });
  });

  it('exposes the rate-limit and credit getters, undefined when a header is absent', async () => {
    const response = await leads.getRecords({ perPage: 1 });
    expect(response.getAPILimitForTheDay()).toEqual(expect.any(Number));
    expect(response.getRemainingAPICountForTheDay()).toEqual(expect.any(Number));
    expect(response.getExpiryTimeOfAccessToken()).toEqual(expect.any(String));
    expect(response.getAPILimitForCurrentWindow()).toBeUndefined();
  });
});

describe('ZCRMModule.getRecord and ZCRMRecord.get', () => {
  it('reads one record into a ZCRMRecord', async () => {
    const id = (await leads.getRecords({ perPage: 1 })).data[0].entityId!;
    const response = await leads.getRecord(id);
    expect(response.data).toBeInstanceOf(ZCRMRecord);
    expect(response.data!.entityId).toBe(id);
    expect(response.data!.moduleApiName).toBe('Leads');
  });

  it('fills the record it is called on', async () => {
    const id = (await leads.getRecords({ perPage: 1 })).data[0].entityId!;
    const record = ZCRMRecord.getInstance('Leads', id, client);
    const response = await record.get();
    expect(response.data).toBe(record);
    expect(record.getFieldValue('Last_Name')).toEqual(expect.any(String));
    expect(record.isSynced).toBe(true);
  });

  it('resolves a missing record as no data (204), not a crash', async () => {
    const response = await leads.getRecord('3652397000009999999');
    expect(response.statusCode).toBe(204);
    expect(response.noData).toBe(true);
    expect(response.data).toBeUndefined();
  });

  it('needs an id before any request', async () => {
    await rejectsBeforeRequest(
      ZCRMRecord.getInstance('Leads', undefined, client).get(),
      /get\(\) needs the record id/,
    );
    await rejectsBeforeRequest(leads.getRecord(''), /entityId/);
  });

  it('throws a ValidationException for a malformed id', async () => {
    await expect(leads.getRecord('not-an-id')).rejects.toMatchObject({
      constructor: ValidationException,
      errorCode: 'INVALID_DATA',
    });
  });
});

describe('ZCRMModule.createRecords', () => {
  it('creates records and updates each input from its result', async () => {
    const a = lead({ Last_Name: 'Alpha', Company: 'A Co' });
    const b = lead({ Last_Name: 'Beta', Company: 'B Co', Owner: ZCRMUser.getInstance(undefined) });
    b.owner = undefined;
    const response = await leads.createRecords([a, b], { trigger: [] });
    expect(response.statusCode).toBe(201);
    expect(response.bulkEntityResponse).toHaveLength(2);
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'success']);
    expect(response.bulkEntityResponse[0].data).toBe(a);
    expect(response.bulkEntityResponse[1].data).toBe(b);
    expect(response.data).toEqual([a, b]);
    expect(a.entityId).toBe(response.bulkEntityResponse[0].details.id);
    expect(a.createdBy!.id).toEqual(expect.any(String));
    expect(a.createdTime).toEqual(expect.any(String));
    expect(a.modifiedBy!.name).toBe('Patricia Boyle');
    expect(sent[0].body).toEqual({
      data: [
        { Last_Name: 'Alpha', Company: 'A Co' },
        { Last_Name: 'Beta', Company: 'B Co' },
      ],
      trigger: [],
    });
    const read = await leads.getRecord(a.entityId!);
    expect(read.data!.getFieldValue('Company')).toBe('A Co');
  });

  it('returns a result per record when some fail (no throw), and data holds only the successes', async () => {
    const good = lead({ Last_Name: 'Good' });
    const bad = lead({ Company: 'No last name' });
    const response = await leads.createRecords([good, bad]);
    expect(response.bulkEntityResponse[0].status).toBe('success');
    expect(response.bulkEntityResponse[1]).toMatchObject({ status: 'error', code: 'MANDATORY_NOT_FOUND' });
    expect(response.bulkEntityResponse[1].details).toMatchObject({ api_name: 'Last_Name' });
    expect(response.bulkEntityResponse[1].data).toBe(bad);
    expect(response.data).toEqual([good]);
    expect(bad.entityId).toBeUndefined();
  });

  it('keeps a DUPLICATE_DATA result with its input although the result names the clashing record', async () => {
    const a = lead({ Last_Name: 'A', Email: 'dup.match@example.com' });
    const b = lead({ Last_Name: 'B', Email: 'b.match@example.com' });
    const c = lead({ Last_Name: 'C' });
    await leads.createRecords([a, b, c]);
    b.setFieldValue('Email', 'dup.match@example.com');
    c.setFieldValue('Company', 'C Co');
    const response = await leads.updateRecords([b, c]);
    expect(response.bulkEntityResponse[0]).toMatchObject({ status: 'error', code: 'DUPLICATE_DATA' });
    expect(response.bulkEntityResponse[0].details).toMatchObject({ api_name: 'Email', id: a.entityId });
    expect(response.bulkEntityResponse[0].data).toBe(b);
    expect(response.bulkEntityResponse[1].status).toBe('success');
    expect(response.data).toEqual([c]);
  });

  it('returns per-record errors even when every record failed (HTTP 400)', async () => {
    const response = await leads.createRecords([
      lead({ Company: 'x' }),
      lead({ Email: 'not-an-email', Last_Name: 'y' }),
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.bulkEntityResponse.map((r) => r.code)).toEqual(['MANDATORY_NOT_FOUND', 'INVALID_DATA']);
    expect(response.data).toEqual([]);
  });

  it("checks the seed's client-side limits before any request", async () => {
    await rejectsBeforeRequest(leads.createRecords([]), /records/);
    const many = Array.from({ length: 101 }, (_, i) => lead({ Last_Name: `L${i}` }));
    await rejectsBeforeRequest(leads.createRecords(many), /at most 100/);
    await rejectsBeforeRequest(
      leads.createRecords([ZCRMRecord.getInstance('Leads', '1', client)]),
      /has id 1/,
    );
    await rejectsBeforeRequest(
      leads.createRecords([ZCRMRecord.getInstance('Contacts', undefined, client)]),
      /Contacts record/,
    );
  });

  it('passes lar_id and process', async () => {
    await leads.createRecords([lead({ Last_Name: 'Lar' })], { larId: '111', process: ['review_process'] });
    expect(sent[0].body).toMatchObject({ lar_id: '111', process: ['review_process'] });
  });
});

describe('ZCRMModule.updateRecords', () => {
  it('sends only the changed fields of records read from Zoho', async () => {
    const [x, y] = (await leads.getRecords({ perPage: 2, sortBy: 'Last_Name', sortOrder: 'asc' })).data;
    x.setFieldValue('Company', 'Changed Co');
    y.fieldData.City = 'Chennai';
    sent.length = 0;
    const response = await leads.updateRecords([x, y]);
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'success']);
    expect(sent[0].method).toBe('PUT');
    expect(sent[0].body).toEqual({
      data: [
        { id: x.entityId, Company: 'Changed Co' },
        { id: y.entityId, City: 'Chennai' },
      ],
    });
    expect(response.bulkEntityResponse[0].data).toBe(x);
    expect(x.modifiedTime).toEqual(expect.any(String));
    // Written: nothing is pending any more.
    sent.length = 0;
    await leads.updateRecords([x]);
    expect(sent[0].body).toEqual({ data: [{ id: x.entityId }] });
    expect((await leads.getRecord(y.entityId!)).data!.getFieldValue('City')).toBe('Chennai');
  });

  it('matches results to inputs and reports per-record errors', async () => {
    const [x] = (await leads.getRecords({ perPage: 1 })).data;
    x.setFieldValue('Email', 'still-valid@example.com');
    const ghost = ZCRMRecord.getInstance('Leads', '3652397000009999999', client);
    ghost.setFieldValue('Company', 'Ghost');
    const response = await leads.updateRecords([x, ghost]);
    expect(response.bulkEntityResponse[0]).toMatchObject({ status: 'success' });
    expect(response.bulkEntityResponse[0].data).toBe(x);
    expect(response.bulkEntityResponse[1]).toMatchObject({ status: 'error', code: 'INVALID_DATA' });
    expect(response.bulkEntityResponse[1].data).toBe(ghost);
    expect(response.data).toEqual([x]);
  });

  it('needs ids before any request', async () => {
    await rejectsBeforeRequest(leads.updateRecords([lead({ Last_Name: 'x' })]), /records\[0\]/);
  });
});

describe('ZCRMModule.upsertRecords', () => {
  it('inserts or updates by the duplicate check field, with action and duplicate field', async () => {
    const existing = lead({ Last_Name: 'Daly', Email: 'p.daly@zylker.com', Company: 'Zylker Upserted' });
    const fresh = lead({ Last_Name: 'Newman', Email: 'newman@example.com' });
    const response = await leads.upsertRecords([existing, fresh], { duplicateCheckFields: ['Email'] });
    expect(sent[0].path).toMatch(/\/Leads\/upsert$/);
    expect(sent[0].body.duplicate_check_fields).toEqual(['Email']);
    expect(response.bulkEntityResponse[0]).toMatchObject({
      status: 'success',
      upsertAction: 'update',
      upsertDuplicateField: 'Email',
    });
    expect(response.bulkEntityResponse[1]).toMatchObject({
      status: 'success',
      upsertAction: 'insert',
      upsertDuplicateField: null,
    });
    expect(existing.entityId).toMatch(/^\d+$/);
    expect(fresh.entityId).toMatch(/^\d+$/);
    expect((await leads.getRecord(existing.entityId!)).data!.getFieldValue('Company')).toBe(
      'Zylker Upserted',
    );
  });

  it('checks limits before any request', async () => {
    await rejectsBeforeRequest(leads.upsertRecords([]), /records/);
    await rejectsBeforeRequest(
      leads.upsertRecords([lead({ Last_Name: 'x' })], { duplicateCheckFields: [] }),
      /duplicateCheckFields/,
    );
  });
});

describe('ZCRMModule.deleteRecords and deleted records', () => {
  it('deletes by id, one result per id, and lists them in the recycle bin', async () => {
    const [x, y] = (await leads.getRecords({ perPage: 2 })).data;
    sent.length = 0;
    const response = await leads.deleteRecords([x.entityId!, y.entityId!, '3652397000009999999']);
    expect(sent[0].query.get('ids')).toBe(`${x.entityId},${y.entityId},3652397000009999999`);
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'success', 'error']);
    expect(response.bulkEntityResponse[0].data!.entityId).toBe(x.entityId);
    expect(response.bulkEntityResponse[2].data!.entityId).toBe('3652397000009999999');
    expect(response.data.map((r) => r.entityId)).toEqual([x.entityId, y.entityId]);

    const bin = await leads.getRecyclebinRecords();
    expect(sent.at(-1)!.query.get('type')).toBe('recycle');
    expect(sent.at(-1)!.query.get('page')).toBe('1');
    expect(bin.data.map((r) => r.id).sort()).toEqual([x.entityId, y.entityId].sort());
    const trashed = bin.data[0];
    expect(trashed.type).toBe('recycle');
    expect(trashed.deletedBy).toBeInstanceOf(ZCRMUser);
    expect(trashed.deletedBy!.id).toEqual(expect.any(String));
    expect(trashed.displayName).toEqual(expect.any(String));
    expect(trashed.deletedTime).toEqual(expect.any(String));
    expect((await leads.getAllDeletedRecords()).data).toHaveLength(2);
    expect(sent.at(-1)!.query.get('type')).toBe('all');
  });

  it('answers an empty list as no data', async () => {
    const response = await leads.getPermanentlyDeletedRecords(1, 10);
    expect(sent[0].query.get('type')).toBe('permanent');
    expect(response.noData).toBe(true);
    expect(response.data).toEqual([]);
  });

  it('checks ids and pages before any request', async () => {
    await rejectsBeforeRequest(leads.deleteRecords([]), /entityIds/);
    await rejectsBeforeRequest(
      leads.deleteRecords(Array.from({ length: 101 }, (_, i) => String(i))),
      /entityIds/,
    );
    await rejectsBeforeRequest(leads.getAllDeletedRecords(0), /page/);
  });
});

describe('mass updates', () => {
  it('massUpdateRecords sets one field on many records (seed)', async () => {
    const ids = (await leads.getRecords({ perPage: 3 })).data.map((r) => r.entityId!);
    sent.length = 0;
    const response = await leads.massUpdateRecords(ids, 'Lead_Status', 'Contacted');
    expect(sent[0].method).toBe('PUT');
    expect(sent[0].body).toEqual({ data: ids.map((id) => ({ id, Lead_Status: 'Contacted' })) });
    expect(response.data.map((r) => r.entityId)).toEqual(ids);
    expect(response.data[0].getFieldValue('Lead_Status')).toBe('Contacted');
    expect(response.data[0].modifiedTime).toEqual(expect.any(String));
    for (const id of ids)
      expect((await leads.getRecord(id)).data!.getFieldValue('Lead_Status')).toBe('Contacted');
  });

  it('massUpdateByIds uses actions/mass_update and answers per record', async () => {
    const ids = (await leads.getRecords({ perPage: 2 })).data.map((r) => r.entityId!);
    sent.length = 0;
    const response = await leads.massUpdateByIds([...ids, '3652397000009999999'], { City: 'Austin' });
    expect(sent[0].path).toMatch(/\/Leads\/actions\/mass_update$/);
    expect(sent[0].body).toEqual({ data: [{ City: 'Austin' }], ids: [...ids, '3652397000009999999'] });
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'success', 'error']);
    expect(response.data.map((r) => r.entityId)).toEqual(ids);
  });

  it('schedules a job and reads its status', async () => {
    const job = await leads.scheduleMassUpdate(
      { Lead_Status: 'Contacted' },
      {
        criteria: [{ field: 'Lead_Source', comparator: 'equal', value: 'Cold Call' }],
      },
    );
    expect(job.statusCode).toBe(200);
    expect(job.data!.jobId).toMatch(/^\d+$/);
    expect(job.message).toBe('mass update scheduled successfully');
    const status = await leads.getMassUpdateStatus(job.data!.jobId);
    expect(status.data).toMatchObject({
      status: 'COMPLETED',
      updatedCount: 1,
      totalCount: 1,
      failedCount: 0,
    });
    expect(status.data!.isFinished).toBe(true);
  });

  it('checks its input before any request', async () => {
    await rejectsBeforeRequest(leads.massUpdateRecords([], 'City', 'x'), /entityIds/);
    await rejectsBeforeRequest(leads.massUpdateRecords(['1'], '', 'x'), /fieldApiName/);
    await rejectsBeforeRequest(leads.massUpdateByIds(['1'], {}), /fieldValues/);
    await rejectsBeforeRequest(leads.scheduleMassUpdate({ City: 'x' }, {}), /target/);
    await rejectsBeforeRequest(leads.getMassUpdateStatus(''), /jobId/);
  });

  it('throws for an unknown job', async () => {
    await expect(leads.getMassUpdateStatus('3652397000009999999')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('needs the mass-update scope', async () => {
    const narrow = await authorisedClient(
      emulator,
      undefined,
      {},
      undefined,
      'ZohoCRM.modules.ALL,AaaServer.profile.READ',
    );
    try {
      await expect(
        ZCRMModule.getInstance('Leads', narrow).massUpdateByIds(['3652397000001000007'], { City: 'x' }),
      ).rejects.toMatchObject({
        constructor: AuthenticationException,
        errorCode: 'OAUTH_SCOPE_MISMATCH',
      });
    } finally {
      await narrow.close();
    }
  });
});

describe('search', () => {
  it('searches by word, phone, email and criteria', async () => {
    const byWord = await leads.searchRecords('Kidman');
    expect(byWord.data.map((r) => r.getFieldValue('Last_Name'))).toEqual(['Kidman']);
    expect(sent[0].query.get('word')).toBe('Kidman');
    expect(sent[0].query.get('page')).toBe('1');
    const byPhone = await leads.searchRecordsByPhone('+1 555 0110');
    expect(byPhone.data.map((r) => r.getFieldValue('Last_Name'))).toEqual(['Daly']);
    const byEmail = await leads.searchRecordsByEmail('p.daly@zylker.com');
    expect(byEmail.data[0].getFieldValue('Email')).toBe('p.daly@zylker.com');
    const byCriteria = await leads.searchRecordsByCriteria(
      '((Lead_Source:equals:Cold Call)and(Last_Name:starts_with:Mer))',
    );
    expect(byCriteria.data.map((r) => r.getFieldValue('Last_Name'))).toEqual(['Merced']);
    expect(byCriteria.info?.count).toBe(1);
  });

  it('answers no match as no data', async () => {
    const response = await leads.searchRecords('Nobody-By-This-Name');
    expect(response.noData).toBe(true);
    expect(response.data).toEqual([]);
  });

  it('checks the search value before any request', async () => {
    await rejectsBeforeRequest(leads.searchRecords(''), /word/);
    await rejectsBeforeRequest(leads.searchRecordsByCriteria('  '), /criteria/);
    await rejectsBeforeRequest(leads.searchRecordsByEmail('a@b.c', 0), /page/);
  });

  it('throws the query error of a malformed criteria', async () => {
    await expect(leads.searchRecordsByCriteria('(Last_Name:bogus:x)')).rejects.toBeInstanceOf(ZCRMException);
    await expect(leads.searchRecordsByCriteria('(No_Such_Field:equals:x)')).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});

describe('COQL', () => {
  it('runs a query and parses records with lookups', async () => {
    const contacts = ZCRMModule.getInstance('Contacts', client);
    const response = await contacts.searchByCoql(
      "select Last_Name, Account_Name from Contacts where Last_Name = 'Tollner'",
    );
    expect(sent[0].path).toMatch(/\/coql$/);
    expect(sent[0].body).toEqual({
      select_query: "select Last_Name, Account_Name from Contacts where Last_Name = 'Tollner'",
    });
    expect(response.data).toHaveLength(1);
    const account = response.data[0].getFieldValue('Account_Name') as ZCRMRecord;
    expect(account).toBeInstanceOf(ZCRMRecord);
    expect(account.moduleApiName).toBe('Accounts');
    expect(account.entityId).toMatch(/^\d+$/);
    expect(response.info).toMatchObject({ count: 1, moreRecords: false });
  });

  it('executeCOQL is the same call, and no match is no data', async () => {
    const response = await leads.executeCOQL("select Last_Name from Leads where Last_Name = 'Nobody'");
    expect(response.noData).toBe(true);
  });

  it('throws QueryCompileException for a syntax error and checks the query before any request', async () => {
    await rejectsBeforeRequest(leads.searchByCoql(''), /selectQuery/);
    await expect(leads.searchByCoql('select from where')).rejects.toBeInstanceOf(QueryCompileException);
  });
});

describe('ZCRMRecord create/update/delete', () => {
  it('creates one record and fills its id, times and users', async () => {
    const record = lead({ Last_Name: 'Single', Company: 'One' });
    const response = await record.create();
    expect(response.statusCode).toBe(201);
    expect(response.data).toBe(record);
    expect(response.code).toBe('SUCCESS');
    expect(response.message).toBe('record added');
    expect(record.entityId).toMatch(/^\d+$/);
    expect(record.createdBy!.id).toEqual(expect.any(String));
    expect(record.modifiedTime).toEqual(expect.any(String));
  });

  it('throws the record error of a failed create', async () => {
    await expect(lead({ Company: 'no name' }).create()).rejects.toMatchObject({
      constructor: ValidationException,
      errorCode: 'MANDATORY_NOT_FOUND',
      errorDetails: { api_name: 'Last_Name' },
    });
  });

  it('updates only what changed, then deletes', async () => {
    const record = lead({ Last_Name: 'Before', Company: 'Co' });
    await record.create();
    record.setFieldValue('Last_Name', 'After');
    sent.length = 0;
    const updated = await record.update();
    expect(sent[0].path).toBe(`/crm/v2/Leads/${record.entityId}`);
    expect(sent[0].body).toEqual({ data: [{ Last_Name: 'After' }] });
    expect(updated.message).toBe('record updated');
    const fresh = ZCRMRecord.getInstance('Leads', record.entityId, client);
    await fresh.get();
    expect(fresh.getFieldValue('Last_Name')).toBe('After');
    expect(fresh.getFieldValue('Company')).toBe('Co');
    const deleted = await record.delete();
    expect(deleted.message).toBe('record deleted');
    expect((await fresh.get()).noData).toBe(true);
  });

  it('changes the owner', async () => {
    const record = (await leads.getRecords({ perPage: 1 })).data[0];
    const kevin = (await leads.searchRecordsByEmail('carissa.kidman@goodknits.example.com')).data[0].owner!;
    expect(kevin.email).toBe(KEVIN);
    record.owner = ZCRMUser.getInstance(kevin.id);
    sent.length = 0;
    await record.update();
    expect(sent[0].body).toEqual({ data: [{ Owner: { id: kevin.id } }] });
    expect((await leads.getRecord(record.entityId!)).data!.owner!.email).toBe(KEVIN);
  });

  it('checks ids before any request', async () => {
    await rejectsBeforeRequest(
      ZCRMRecord.getInstance('Leads', '1', client).create(),
      /create\(\) needs a record without an id/,
    );
    await rejectsBeforeRequest(lead({}).update(), /update\(\) needs the record id/);
    await rejectsBeforeRequest(lead({}).delete(), /delete\(\) needs the record id/);
    await rejectsBeforeRequest(lead({}).convert(), /convert\(\) needs the record id/);
  });

  it('throws for a record that does not exist', async () => {
    const ghost = ZCRMRecord.getInstance('Leads', '3652397000009999999', client);
    ghost.setFieldValue('Company', 'x');
    await expect(ghost.update()).rejects.toMatchObject({ errorCode: 'INVALID_DATA' });
    await expect(ghost.delete()).rejects.toMatchObject({ errorCode: 'INVALID_DATA' });
  });
});

describe('ZCRMRecord.convert', () => {
  it('converts a lead into a contact, an account and a deal assigned to a user', async () => {
    const daly = (await leads.searchRecordsByEmail('p.daly@zylker.com')).data[0];
    const deal = ZCRMRecord.getInstance('Deals', undefined, client);
    deal.setFieldValue('Deal_Name', 'Zylker expansion');
    deal.setFieldValue('Closing_Date', '2025-12-31');
    deal.setFieldValue('Stage', 'Qualification');
    deal.setFieldValue('Amount', 1000);
    const kevin = (await leads.searchRecordsByEmail('carissa.kidman@goodknits.example.com')).data[0].owner!;
    sent.length = 0;
    const response = await daly.convert(deal, ZCRMUser.getInstance(kevin.id), { notifyLeadOwner: false });
    expect(sent[0].path).toBe(`/crm/v2/Leads/${daly.entityId}/actions/convert`);
    expect(sent[0].body).toEqual({
      data: [
        {
          notify_lead_owner: false,
          assign_to: kevin.id,
          Deals: {
            Deal_Name: 'Zylker expansion',
            Closing_Date: '2025-12-31',
            Stage: 'Qualification',
            Amount: 1000,
          },
        },
      ],
    });
    expect(response.data).toEqual({
      Contacts: expect.any(String),
      Accounts: expect.any(String),
      Deals: expect.any(String),
    });
    expect(deal.entityId).toBe(response.data!.Deals);
    const contact = await ZCRMModule.getInstance('Contacts', client).getRecord(response.data!.Contacts!);
    expect(contact.data!.getFieldValue('Last_Name')).toBe('Daly');
    expect(contact.data!.owner!.id).toBe(kevin.id);
    await expect(daly.convert()).rejects.toMatchObject({ errorCode: 'ID_ALREADY_CONVERTED' });
  });

  it('omits Deals when no deal is created', async () => {
    const kidman = (await leads.searchRecords('Kidman')).data[0];
    const response = await kidman.convert();
    expect(Object.keys(response.data!).sort()).toEqual(['Accounts', 'Contacts']);
  });

  it('rejects an assignee without id before any request', async () => {
    await rejectsBeforeRequest(
      ZCRMRecord.getInstance('Leads', '1', client).convert(undefined, ZCRMUser.getInstance()),
      /assignToUser/,
    );
  });
});

describe('several orgs in one process', () => {
  it('keeps each module and record on its own client', async () => {
    const other = await startEmulator({ demoData: false });
    const otherClient = await authorisedClient(other);
    try {
      const here = await leads.getRecords();
      const there = await ZCRMModule.getInstance('Leads', otherClient).getRecords();
      expect(here.data.length).toBe(5);
      expect(there.noData).toBe(true);
      const created = ZCRMRecord.getInstance('Leads', undefined, otherClient);
      created.setFieldValue('Last_Name', 'Elsewhere');
      await created.create();
      expect((await ZCRMModule.getInstance('Leads', otherClient).getRecords()).data).toHaveLength(1);
      expect((await leads.getRecords()).data).toHaveLength(5);
    } finally {
      await otherClient.close();
      await other.stop();
    }
  });
});
