/**
 * saveMany, upsert and deleteMany against the emulator: 100 records per call, bounded concurrency, one result per
 * input in input order (success with id, or the error: Zoho's, a validation error, or the call's), nothing lost.
 */
import type { HttpRequest, Step } from '../../src/http/http-types';
import { CrmValidationError, LineItem, WriteResult } from '../../src/orm';
import { ConnectionException, OutcomeUnknownException } from '../../src/errors';
import { addFault } from '../support/sdk';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Account, Invoice, Lead, Product } from './support/models';

let fx: OrmFixture;
/** Calls in flight now, and the most seen at once. */
const flight = { now: 0, max: 0 };

beforeAll(async () => {
  fx = await startOrmEmulator();
  const counter: Step = {
    name: 'test-flight-counter',
    async handle(request: HttpRequest, next) {
      flight.now++;
      flight.max = Math.max(flight.max, flight.now);
      try {
        return await next(request);
      } finally {
        flight.now--;
      }
    },
  };
  fx.client.pipeline = fx.client.pipeline.insertAfter('default-headers', counter);
});
afterAll(async () => fx?.stop());
beforeEach(async () => {
  flight.max = 0;
  await fx.clearLog();
  await fx.client.request({ method: 'GET', path: 'Leads', params: { per_page: 1 } }).catch(() => undefined);
  await fx.clearLog();
  await fetch(`${fx.emulator.url}/__emulator/faults`, { method: 'DELETE' });
});

const leads = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => Lead.create({ lastName: `${prefix} ${i}`, company: 'Zylker' }));
const ok = <T>(results: WriteResult<T>[]) => results.filter((r) => r.ok).length;

describe('saveMany', () => {
  test('250 new records: 3 calls of at most 100, one success per input in order, ids on the records', async () => {
    const records = leads(250, 'Bulk');
    const results = await Lead.saveMany(records);
    expect(results).toHaveLength(250);
    expect(ok(results)).toBe(250);
    results.forEach((r, i) => {
      expect(r).toMatchObject({ ok: true, index: i, action: 'insert' });
      expect(r.record).toBe(records[i]);
      expect(r.ok && r.id).toBe(records[i].id);
      expect(records[i].createdTime).toBeInstanceOf(Date);
    });
    expect(new Set(records.map((r) => r.id)).size).toBe(250);
    const calls = await fx.crmCalls();
    expect(calls).toEqual([
      { method: 'POST', path: 'Leads' },
      { method: 'POST', path: 'Leads' },
      { method: 'POST', path: 'Leads' },
    ]);
    // Each stored under its own name: the ids were matched to the right inputs.
    const back = await Lead.findById(records[137].id!);
    expect(back!.lastName).toBe('Bulk 137');
  });

  test('at most `concurrency` calls in flight, and the calls overlap', async () => {
    await addFault(fx.emulator, { path: '/crm/v2/Leads', method: 'POST', delayMs: 150 });
    const started = Date.now();
    const results = await Lead.saveMany(leads(1000, 'Flight'), { concurrency: 4 });
    expect(ok(results)).toBe(1000);
    expect(flight.max).toBe(4);
    // 10 calls of 150 ms, 4 at a time: 3 waves, far less than 10 × 150 ms one after another.
    expect(Date.now() - started).toBeLessThan(1200);
    flight.max = 0;
    await Lead.saveMany(leads(300, 'Default'));
    expect(flight.max).toBeLessThanOrEqual(10);
  });

  test('inserts and updates in one call list; unchanged records send nothing; chunkSize', async () => {
    const existing = await Lead.saveMany(leads(3, 'Existing'));
    const [a, b, c] = existing.map((r) => r.record);
    a.company = 'Changed A';
    c.company = 'Changed C';
    await fx.clearLog();
    const fresh = leads(2, 'Fresh');
    const results = await Lead.saveMany([fresh[0], a, b, fresh[1], c], { chunkSize: 1 });
    expect(results.map((r) => (r.ok ? r.action : r.code))).toEqual([
      'insert',
      'update',
      'none',
      'insert',
      'update',
    ]);
    const calls = await fx.crmCalls();
    expect(calls.filter((x) => x.method === 'POST')).toHaveLength(2);
    expect(calls.filter((x) => x.method === 'PUT')).toHaveLength(2);
    expect((await Lead.findById(c.id!))!.company).toBe('Changed C');
  });

  test('a bad record fails alone: validation (not sent) and Zoho errors, each on its own input', async () => {
    await Account.create({ name: 'Taken' }).save();
    await fx.clearLog();
    const records = [
      Account.create({ name: 'Good 1' }),
      Account.create({ name: '' }), // @IsNotEmpty: never sent
      Account.create({ name: 'Taken' }), // DUPLICATE_DATA from Zoho
      Account.create({ name: 'Good 2', employees: -1 }), // @Min(0)
      Account.create({ name: 'Good 3' }),
    ];
    const results = await Account.saveMany(records);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, true]);
    const [, invalid, duplicate, negative] = results;
    expect(!invalid.ok && invalid.error).toBeInstanceOf(CrmValidationError);
    expect(!invalid.ok && invalid.error.message).toContain('Account (record 1)');
    expect(!duplicate.ok && duplicate).toMatchObject({
      code: 'DUPLICATE_DATA',
      index: 2,
      record: records[2],
    });
    expect(!duplicate.ok && duplicate.response?.details).toMatchObject({ api_name: 'Account_Name' });
    expect(!negative.ok && (negative.error as CrmValidationError).fields[0]).toMatchObject({
      property: 'employees',
      apiName: 'Employees',
    });
    // One POST with the three records that passed validation.
    const posts = (await fx.crmCalls()).filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(records[0].id).toBeDefined();
    expect(records[2].id).toBeUndefined();
    expect(records[4].id).toBeDefined();
  });

  test('a failed call fails only its own records, unknown (a 5xx may have stored some) with the call error as cause; the rest are stored', async () => {
    await addFault(fx.emulator, {
      path: '/crm/v2/Leads',
      method: 'POST',
      times: 1,
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: 'boom', status: 'error', details: {} },
    });
    const records = leads(300, 'Partly');
    const results = await Lead.saveMany(records, { concurrency: 1 });
    const failed = results.filter((r) => !r.ok);
    expect(failed).toHaveLength(100);
    expect(failed.map((r) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(failed[0]).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(!failed[0].ok && failed[0].error).toBeInstanceOf(OutcomeUnknownException);
    expect(!failed[0].ok && failed[0].error.cause).toMatchObject({ errorCode: 'INTERNAL_ERROR' });
    expect(ok(results)).toBe(200);
    // Retry just what failed.
    const retried = await Lead.saveMany(failed.map((r) => r.record));
    expect(ok(retried)).toBe(100);
    expect(records.every((r) => r.id !== undefined)).toBe(true);
  });

  test('a dropped connection leaves its records unknown, caused by the connection error', async () => {
    await addFault(fx.emulator, { path: '/crm/v2/Leads', method: 'POST', times: 1, drop: true });
    const results = await Lead.saveMany(leads(2, 'Dropped'));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(!results[0].ok && results[0].error).toBeInstanceOf(OutcomeUnknownException);
    expect(!results[0].ok && results[0].error.cause).toBeInstanceOf(ConnectionException);
  });

  test('inventory records: line items sent, then each record re-read for its line ids and totals', async () => {
    const product = await Product.create({ name: 'Bulk product', unitPrice: 5 }).save();
    const invoices = Array.from({ length: 3 }, (_, i) => {
      const invoice = Invoice.create({ subject: `Bulk invoice ${i}` });
      invoice.lines.push(new LineItem({ product: product.id!, quantity: i + 1 }));
      return invoice;
    });
    const results = await Invoice.saveMany(invoices);
    expect(ok(results)).toBe(3);
    expect(invoices.map((i) => i.grandTotal)).toEqual([5, 10, 15]);
    expect(invoices.every((i) => /^\d+$/.test(i.lines[0].id ?? ''))).toBe(true);
    const noReload = Invoice.create({ subject: 'No reload' });
    noReload.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
    await Invoice.saveMany([noReload], { reload: false });
    expect(noReload.id).toBeDefined();
    expect(noReload.grandTotal).toBeUndefined();
  });

  test('options are checked before any request', async () => {
    await expect(Lead.saveMany(leads(1, 'x'), { concurrency: 0 })).rejects.toMatchObject({
      errorCode: 'INVALID_OPTION',
      statusCode: 0,
    });
    await expect(Lead.saveMany(leads(1, 'x'), { chunkSize: 101 })).rejects.toThrow(
      /at most 100 records per call/,
    );
    await expect(Lead.saveMany([{ lastName: 'plain object' } as Lead])).rejects.toMatchObject({
      errorCode: 'WRONG_MODEL',
    });
    expect(await fx.crmCalls()).toEqual([]);
    expect(await Lead.saveMany([])).toEqual([]);
  });
});

describe('upsert', () => {
  test('inserts new and updates matching records by the duplicate-check field; one result each with its action', async () => {
    await Lead.create({ lastName: 'Upsert A', email: 'a@upsert.com', company: 'Old' }).save();
    const records = [
      Lead.create({ lastName: 'Upsert A', email: 'a@upsert.com', company: 'New' }),
      Lead.create({ lastName: 'Upsert B', email: 'b@upsert.com', company: 'New' }),
    ];
    const results = await Lead.upsert(records, { duplicateCheckFields: ['email'] });
    expect(results.map((r) => (r.ok ? r.action : r.code))).toEqual(['update', 'insert']);
    expect(records.every((r) => /^\d+$/.test(r.id ?? ''))).toBe(true);
    const matches = await Lead.find({ where: { email: 'a@upsert.com' } });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: records[0].id, company: 'New' });
    const log = await fx.crmCalls();
    expect(log.filter((c) => c.path === 'Leads/upsert')).toHaveLength(1);
  });

  test('duplicate-check fields by API name; unknown names are refused before sending', async () => {
    const results = await Account.upsert(
      [Account.create({ name: 'Upserted' }), Account.create({ name: 'Upserted' })],
      {
        duplicateCheckFields: ['Account_Name'],
        chunkSize: 1,
      },
    );
    expect(results.map((r) => (r.ok ? r.action : r.code))).toEqual(['insert', 'update']);
    expect(results[0].ok && results[1].ok && results[0].id === results[1].id).toBe(true);
    await fx.clearLog();
    await expect(
      Account.upsert([Account.create({ name: 'x' })], { duplicateCheckFields: ['nope'] }),
    ).rejects.toMatchObject({ errorCode: 'UNKNOWN_FIELD' });
    expect(await fx.crmCalls()).toEqual([]);
  });
});

describe('deleteMany', () => {
  test('records and ids, 100 per call; one result per input; bad ids fail without a request', async () => {
    const saved = (await Lead.saveMany(leads(205, 'Delete'))).map((r) => r.record);
    const ids = saved.map((r) => r.id!);
    await fx.clearLog();
    const inputs: Array<Lead | string> = [
      ...saved.slice(0, 200),
      saved[200].id!,
      '3652397000009999999',
      'not-an-id',
      Lead.create({ lastName: 'new' }),
    ];
    const results = await Lead.deleteMany(inputs);
    expect(results).toHaveLength(inputs.length);
    expect(results.slice(0, 201).every((r) => r.ok)).toBe(true);
    expect(results[201]).toMatchObject({ ok: false, code: 'INVALID_DATA', id: '3652397000009999999' });
    expect(results[202]).toMatchObject({ ok: false, code: 'INVALID_ID' });
    expect(results[203]).toMatchObject({ ok: false, code: 'INVALID_ID' });
    expect(saved[0].id).toBeUndefined();
    expect(results[0].ok && results[0].id).toMatch(/^\d+$/);
    const deletes = (await fx.crmCalls()).filter((c) => c.method === 'DELETE');
    expect(deletes).toHaveLength(3);
    expect(await Lead.findById(ids[0])).toBeNull();
    expect(await Lead.findById(ids[200])).toBeNull();
    // Inputs not given stay.
    expect(await Lead.findById(ids[201])).not.toBeNull();
    expect(await Lead.count({ where: { lastName: 'Delete 204' } })).toBe(1);
  });
});
