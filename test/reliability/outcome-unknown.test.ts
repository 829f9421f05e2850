/**
 * Writes whose answer is lost after they may have been committed: an insert is never sent again blindly. With a
 * unique field (or `duplicateCheckFields`) it is resent as an upsert, so each record ends stored once with a known
 * id; without one its result is an OutcomeUnknownException. A delete is idempotent by id and is retried; an id the
 * lost attempt deleted counts as deleted. Every claim is checked against the emulator's own store.
 */
import 'reflect-metadata';
import { CrmModule, Field } from '../../decorators';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { CrmRecord, Repository, WriteResult } from '../../src/orm';
import { OutcomeUnknownException, ZCRMException } from '../../src/errors';
import { addFault, admin, authorisedClient, requestLog } from '../support/sdk';

@CrmModule('Leads')
class UniqueLead extends CrmRecord {
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email', unique: true }) email?: string;
}

@CrmModule('Leads')
class PlainLead extends CrmRecord {
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email' }) email?: string;
}

let emulator: RunningEmulator;
let client: ZCRMRestClient;
beforeAll(async () => {
  emulator = await startEmulator({ demoData: false });
  client = await authorisedClient(emulator);
});
afterAll(async () => {
  await client.close();
  await emulator.stop();
});
beforeEach(async () => {
  emulator.reset();
  await admin(emulator, 'DELETE', 'faults');
  await admin(emulator, 'DELETE', 'requests');
});

/** The emulator's stored Leads (its own state, not what the client reports). */
async function storedLeads(): Promise<Array<Record<string, any>>> {
  return (await admin(emulator, 'GET', 'records/Leads')).records;
}
const named = (prefix: string) =>
  storedLeads().then((all) => all.filter((r) => String(r.Last_Name).startsWith(prefix)));
const posts = async () =>
  (await requestLog(emulator, '/crm/v2/Leads*'))
    .filter((e: any) => e.method === 'POST')
    .map((e: any) => e.path);

function leads<T extends CrmRecord>(Model: new () => T, n: number, prefix: string, email = true): T[] {
  return Array.from({ length: n }, (_, i) =>
    Object.assign(new Model(), {
      lastName: `${prefix} ${i}`,
      company: 'Lost Answers',
      ...(email ? { email: `${prefix.toLowerCase().replace(/\s/g, '')}${i}@example.com` } : {}),
    }),
  );
}

function expectStoredOnce(results: WriteResult<CrmRecord>[], stored: Array<Record<string, any>>): void {
  expect(stored).toHaveLength(results.length);
  for (const result of results) {
    expect(result.ok).toBe(true);
    const holders = stored.filter((r) => r.Last_Name === (result.record as UniqueLead).lastName);
    expect(holders.map((r) => r.id)).toEqual([result.ok && result.id]);
  }
}

describe('an insert whose answer is lost after the commit', () => {
  test('with a unique field: resent as an upsert, each record stored once with the id reported', async () => {
    await addFault(emulator, {
      method: 'POST',
      path: '/crm/v2/Leads',
      dropAnswerAfterCommit: true,
      times: 1,
    });
    const records = leads(UniqueLead, 5, 'Unique');
    const results = await new Repository(UniqueLead, client).saveMany(records);
    expectStoredOnce(results, await named('Unique'));
    // The lost call stored them, so the upsert found and updated each one.
    expect(results.map((r) => r.ok && r.action)).toEqual(['update', 'update', 'update', 'update', 'update']);
    expect(records.every((r) => /^\d+$/.test(r.id!))).toBe(true);
    expect(await posts()).toEqual(['/crm/v2/Leads', '/crm/v2/Leads/upsert']);
  });

  test('with a unique field, dropped before the commit: the upsert inserts them', async () => {
    await addFault(emulator, { method: 'POST', path: '/crm/v2/Leads', drop: true, times: 1 });
    const results = await new Repository(UniqueLead, client).saveMany(leads(UniqueLead, 3, 'Early'));
    expectStoredOnce(results, await named('Early'));
    expect(results.map((r) => r.ok && r.action)).toEqual(['insert', 'insert', 'insert']);
  });

  test('a 5xx answer to an insert is resolved the same way (Zoho may have stored part of it)', async () => {
    await addFault(emulator, { method: 'POST', path: '/crm/v2/Leads', status: 500, times: 1 });
    const results = await new Repository(UniqueLead, client).saveMany(leads(UniqueLead, 2, 'Server'));
    expectStoredOnce(results, await named('Server'));
  });

  test('without a unique field: OutcomeUnknownException naming the record, never sent again', async () => {
    await addFault(emulator, {
      method: 'POST',
      path: '/crm/v2/Leads',
      dropAnswerAfterCommit: true,
      times: 1,
    });
    const results = await new Repository(PlainLead, client).saveMany(leads(PlainLead, 3, 'Plain'));
    expect(results.map((r) => r.ok)).toEqual([false, false, false]);
    results.forEach((r, i) => {
      expect(!r.ok && r.error).toBeInstanceOf(OutcomeUnknownException);
      expect(!r.ok && r.error).toBeInstanceOf(ZCRMException);
      expect(!r.ok && r.error).toMatchObject({ operation: 'insert', index: i, errorCode: 'OUTCOME_UNKNOWN' });
      expect(!r.ok && r.message).toMatch(new RegExp(`^the answer to the insert of PlainLead #${i} was lost`));
    });
    // Sent once: the lost call did store them, and nothing stored them twice.
    expect(await posts()).toEqual(['/crm/v2/Leads']);
    expect(await named('Plain')).toHaveLength(3);
  });

  test('duplicateCheckFields makes a model without unique fields resolvable', async () => {
    await addFault(emulator, {
      method: 'POST',
      path: '/crm/v2/Leads',
      dropAnswerAfterCommit: true,
      times: 1,
    });
    const results = await new Repository(PlainLead, client).saveMany(leads(PlainLead, 4, 'Checked'), {
      duplicateCheckFields: ['email'],
    });
    expectStoredOnce(results, await named('Checked'));
  });

  test('records without a value in the unique field stay unknown; the others are resolved', async () => {
    await addFault(emulator, {
      method: 'POST',
      path: '/crm/v2/Leads',
      dropAnswerAfterCommit: true,
      times: 1,
    });
    const records = [...leads(UniqueLead, 2, 'Mixed'), ...leads(UniqueLead, 1, 'Mixed blank', false)];
    const results = await new Repository(UniqueLead, client).saveMany(records);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ok', 'OUTCOME_UNKNOWN']);
    expect(await named('Mixed')).toHaveLength(3);
  });

  test('a lost upsert resend leaves its records unknown, not failed', async () => {
    await addFault(emulator, {
      rules: [
        { method: 'POST', path: '/crm/v2/Leads', drop: true, times: 1 },
        { method: 'POST', path: '/crm/v2/Leads/upsert', drop: true },
      ],
    });
    const results = await new Repository(UniqueLead, client).saveMany(leads(UniqueLead, 2, 'Twice'));
    expect(results.map((r) => !r.ok && r.error instanceof OutcomeUnknownException)).toEqual([true, true]);
  });
});

describe('deleteMany when an answer is lost', () => {
  test('the retried delete answers INVALID_DATA for the deleted ids: they count as deleted', async () => {
    const repository = new Repository(PlainLead, client);
    const saved = await repository.saveMany(leads(PlainLead, 3, 'Doomed'));
    const ids = saved.map((r) => r.ok && r.id) as string[];
    await addFault(emulator, {
      method: 'DELETE',
      path: '/crm/v2/Leads',
      dropAnswerAfterCommit: true,
      times: 1,
    });
    const results = await repository.deleteMany(ids);
    expect(results.map((r) => [r.ok, r.id])).toEqual(ids.map((id) => [true, id]));
    expect(results.map((r) => r.response?.code)).toEqual(['INVALID_DATA', 'INVALID_DATA', 'INVALID_DATA']);
    expect(await named('Doomed')).toEqual([]);
    const deletes = (await requestLog(emulator, '/crm/v2/Leads')).filter((e: any) => e.method === 'DELETE');
    expect(deletes).toHaveLength(2);
  });

  test('an unknown id without a lost answer is still a failure', async () => {
    const [result] = await new Repository(PlainLead, client).deleteMany(['3652397000000999999']);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_DATA' });
  });

  test('retries that run out leave the records unknown', async () => {
    await addFault(emulator, { method: 'DELETE', path: '/crm/v2/Leads', drop: true });
    const results = await new Repository(PlainLead, client).deleteMany(['3652397000000999998']);
    expect(results[0]).toMatchObject({ ok: false, code: 'OUTCOME_UNKNOWN' });
    expect(!results[0].ok && results[0].error).toMatchObject({ operation: 'delete' });
  });
});
