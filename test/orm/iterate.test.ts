/**
 * Reading everything: `iterate` and `find` without `take` reach every matching record past Zoho's 2,000-record
 * wall (list pages; COQL windows) and past COQL's 10,000-record offset wall (paging by id), each record exactly
 * once, and fail loudly (never truncate) where a query cannot be read further.
 */
import { CrmRecord, getRepository } from '../../src/orm';
import { Like, Not } from '../../src/query';
import { QueryCompileException } from '../../src/errors';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Lead } from './support/models';

jest.setTimeout(120_000);

/** Reads everything and checks each record came once, in id order. */
async function readAll<T extends CrmRecord>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

function expectIdOrderOnce(records: Array<{ id?: string }>): void {
  const ids = records.map((r) => BigInt(r.id!));
  for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
}

const seeded = (n: number, prefix: string, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({
    Last_Name: `${prefix} ${String(i).padStart(5, '0')}`,
    Company: i % 2 ? 'Odd' : 'Even',
    ...extra(i),
  }));

describe('past the 2,000-record wall', () => {
  let fx: OrmFixture;
  beforeAll(async () => {
    fx = await startOrmEmulator({ seed: { records: { Leads: seeded(2_450, 'Lead') } } });
  });
  afterAll(async () => fx?.stop());
  beforeEach(() => fx.clearLog());

  test('iterate without a filter walks list pages of 200 to the end', async () => {
    const records = await readAll(Lead.iterate());
    expect(records).toHaveLength(2_450);
    expect(records.every((r) => r instanceof Lead)).toBe(true);
    expectIdOrderOnce(records);
    expect(records[2_449].lastName).toBe('Lead 02449');
    const calls = await fx.crmCalls();
    expect(calls).toHaveLength(13);
    expect(calls.every((c) => c.method === 'GET' && c.path === 'Leads')).toBe(true);
  });

  test('a filtered iterate reads COQL windows (200 first, then 2,000) past 2,000', async () => {
    const records = await readAll(Lead.iterate({ where: { lastName: Like('Lead%') } }));
    expect(records).toHaveLength(2_450);
    expectIdOrderOnce(records);
    const calls = await fx.crmCalls();
    expect(calls).toEqual([
      { method: 'POST', path: 'coql' },
      { method: 'POST', path: 'coql' },
      { method: 'POST', path: 'coql' },
    ]);
  });

  test('find without take returns every match; with take and skip exactly that slice', async () => {
    expect(await Lead.find({ where: { company: 'Odd' } })).toHaveLength(1_225);
    // Even-numbered leads 100 to 1,199 of them: Lead 00200 … Lead 02398.
    const slice = await Lead.find({ where: { company: 'Even' }, skip: 100, take: 1_100 });
    expect(slice).toHaveLength(1_100);
    expect(slice[0].lastName).toBe('Lead 00200');
    expect(slice[1_099].lastName).toBe('Lead 02398');
    expectIdOrderOnce(slice);
    const listed = await Lead.find({ skip: 2_200, take: 300 });
    expect(listed.map((l) => l.lastName)).toEqual(
      Array.from({ length: 250 }, (_, i) => `Lead ${String(2_200 + i).padStart(5, '0')}`),
    );
  });

  test('pageSize sets the records per call', async () => {
    const records = await readAll(Lead.iterate({ where: { company: 'Odd' }, pageSize: 500 }));
    expect(records).toHaveLength(1_225);
    expect(await fx.crmCalls()).toHaveLength(3);
    await expect(readAll(Lead.iterate({ pageSize: 0 }))).rejects.toMatchObject({ statusCode: 0 });
  });

  test('count and exists', async () => {
    expect(await Lead.count()).toBe(2_450);
    expect(await Lead.count({ where: { company: 'Odd' } })).toBe(1_225);
    expect(await Lead.count({ where: { company: 'None' } })).toBe(0);
    expect(await Lead.exists({ where: { lastName: 'Lead 00007' } })).toBe(true);
    expect(await Lead.exists({ where: { lastName: 'Lead 99999' } })).toBe(false);
  });

  test('the iterator reads lazily: breaking off stops the calls', async () => {
    let n = 0;
    for await (const lead of Lead.iterate({ where: { company: 'Even' } })) {
      expect(lead).toBeInstanceOf(Lead);
      if (++n === 150) break;
    }
    expect(await fx.crmCalls()).toHaveLength(1);
  });
});

describe('past COQL’s 10,000-record offset wall', () => {
  let fx: OrmFixture;
  const TOTAL = 12_345;
  beforeAll(async () => {
    fx = await startOrmEmulator({
      seed: { records: { Leads: seeded(TOTAL, 'Big', (i) => ({ No_of_Employees: i })) } },
    });
  });
  afterAll(async () => fx?.stop());
  beforeEach(() => fx.clearLog());

  test('iterate reaches every record exactly once, paging by id after the first window', async () => {
    const records = await readAll(Lead.iterate({ where: { employees: Not(-1) } }));
    expect(records).toHaveLength(TOTAL);
    expectIdOrderOnce(records);
    expect(records.map((r) => r.employees)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    // 200, then 2,000 at a time: 1 + 7 windows.
    expect(await fx.crmCalls()).toHaveLength(8);
  });

  test('find with a skip beyond 10,000 walks the ids to it', async () => {
    const records = await Lead.find({ where: { employees: Not(-1) }, skip: 10_500, take: 100 });
    expect(records.map((r) => r.employees)).toEqual(Array.from({ length: 100 }, (_, i) => 10_500 + i));
  });

  test('a query ordered by another field fails at the wall instead of stopping short', async () => {
    let read = 0;
    const error = await (async () => {
      for await (const lead of Lead.iterate({ where: { employees: Not(-1) }, order: { lastName: 'DESC' } })) {
        expect(lead).toBeInstanceOf(Lead);
        read++;
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryCompileException);
    expect((error as QueryCompileException).errorCode).toBe('QUERY_LIMIT_EXCEEDED');
    expect((error as QueryCompileException).message).toContain('COQL_OFFSET');
    expect(read).toBe(10_000);
  });

  test('a bounded query in another order past 10,000 is refused before any request', async () => {
    await expect(
      Lead.find({ where: { employees: Not(-1) }, order: { lastName: 'ASC' }, skip: 9_950, take: 100 }),
    ).rejects.toMatchObject({
      errorCode: 'QUERY_LIMIT_EXCEEDED',
    });
  });

  test('without a filter the list API pages to the end, on a repository too', async () => {
    expect(await getRepository(Lead, fx.client).count()).toBe(TOTAL);
    const all = await Lead.find({ select: ['employees'] });
    expect(all).toHaveLength(TOTAL);
    expect(all[TOTAL - 1].employees).toBe(TOTAL - 1);
  });
});
