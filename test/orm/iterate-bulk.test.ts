/**
 * `iterate({ bulk: true })`: the whole module through Zoho's Bulk Read jobs (create, poll, download the zipped
 * CSV) instead of list pages, against the emulator: every record once, typed as the list API would give them.
 */
import { CrmRecord } from '../../src/orm';
import { ValidationException } from '../../src/errors';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Lead } from './support/models';

jest.setTimeout(60_000);

const RECORDS = 2_450;

async function readAll<T extends CrmRecord>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

describe('iterate through Bulk Read jobs', () => {
  let fx: OrmFixture;
  beforeAll(async () => {
    fx = await startOrmEmulator({
      seed: {
        records: {
          Leads: Array.from({ length: RECORDS }, (_, i) => ({
            Last_Name: `Bulk ${String(i).padStart(5, '0')}`,
            Company: i % 2 ? 'Odd' : 'Even',
            No_of_Employees: i,
            Email_Opt_Out: i % 3 === 0,
          })),
        },
      },
    });
  });
  afterAll(async () => fx?.stop());
  beforeEach(() => fx.clearLog());

  test('reads every record once, past the 2,000 wall, with values typed as the list API gives them', async () => {
    const records = await readAll(Lead.iterate({ bulk: { pollIntervalMs: 20 } }));
    expect(records).toHaveLength(RECORDS);
    expect(new Set(records.map((r) => r.id)).size).toBe(RECORDS);
    expect(records.every((r) => r instanceof Lead)).toBe(true);
    const byName = new Map(records.map((r) => [r.lastName, r]));
    const sample = byName.get('Bulk 00007')!;
    expect(sample).toMatchObject({ company: 'Odd', employees: 7, emailOptOut: false });
    expect(byName.get('Bulk 00009')!.emailOptOut).toBe(true);
    expect(sample.email ?? null).toBeNull();
    // No list page was read; the same records the list API reads.
    expect((await fx.crmCalls()).some((c) => c.path.startsWith('Leads'))).toBe(false);
    const listed = await Lead.find({ select: ['lastName', 'employees'] });
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(listed.map((r) => r.id)));
    const log = (await fetch(`${fx.emulator.url}/__emulator/requests?path=/crm/bulk/*`).then((r) =>
      r.json(),
    )) as {
      requests: Array<{ method: string; path: string }>;
    };
    const paths = log.requests.map((r) => `${r.method} ${r.path.replace(/\d{6,}/, ':id')}`);
    expect(paths[0]).toBe('POST /crm/bulk/v2/read');
    expect(paths).toContain('GET /crm/bulk/v2/read/:id');
    expect(paths[paths.length - 1]).toBe('GET /crm/bulk/v2/read/:id/result');
  });

  test('select picks the exported fields', async () => {
    const [first] = await readAll(Lead.iterate({ bulk: true, select: ['lastName'] }));
    expect(first.lastName).toMatch(/^Bulk /);
    expect((first as Lead).company).toBeUndefined();
  });

  test('a filter or an order is refused, not ignored', async () => {
    await expect(readAll(Lead.iterate({ bulk: true, where: { company: 'Odd' } }))).rejects.toThrow(
      ValidationException,
    );
    await expect(readAll(Lead.iterate({ bulk: true, order: { lastName: 'ASC' } }))).rejects.toThrow(
      /"order" cannot be combined/,
    );
  });
});
