/**
 * Issue 10.11: the `queryLogger` option reports each ORM query (backend, what each call sent, call count),
 * secrets redacted; `true` writes one line per query to the configured logger. Against the emulator over
 * HTTP.
 */
import { LineItem, Repository } from '../../../src/orm';
import { Like, MoreThan } from '../../../src/query';
import type { QueryLogEntry } from '../../../src/config/query-log';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { ZCRMRestClient } from '../../../src/api/rest-client';
import { admin, authorisedClient } from '../../support/sdk';
import { Invoice, Lead, Product } from '../support/models';

let emulator: RunningEmulator;
let client: ZCRMRestClient;
const entries: QueryLogEntry[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ demoData: false });
  await admin(emulator, 'PUT', 'limits', { creditsPerDay: 10_000_000, concurrency: 50, resetCredits: true });
  client = await authorisedClient(emulator, undefined, {
    queryLogger: (e: QueryLogEntry) => entries.push(e),
    retry: false,
  });
  const product = await new Repository(Product, client).create({ name: 'Licence', unitPrice: 10 }).save();
  const invoices = new Repository(Invoice, client);
  const invoice = invoices.create({ subject: 'Logged' });
  invoice.lines.push(new LineItem({ product: product.id!, quantity: 2 }));
  await invoice.save();
  await new Repository(Lead, client).saveMany(
    Array.from({ length: 3 }, (_, i) =>
      new Repository(Lead, client).create({ lastName: `Logged ${i}`, company: 'Log Co' }),
    ),
  );
});
afterAll(async () => {
  await client?.close();
  await emulator?.stop();
});
beforeEach(() => {
  entries.length = 0;
});

test('a COQL query with its follow-up read: backend, each call, the count', async () => {
  const found = await new Repository(Invoice, client).find({ where: { grandTotal: MoreThan(0) } });
  expect(found).toHaveLength(1);
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  expect(entry).toMatchObject({ model: 'Invoice', module: 'Invoices', backend: 'coql', records: 1 });
  expect(entry.calls.map((c) => c.backend)).toEqual(['coql', 'list']);
  expect(entry.calls[0].text).toMatch(/^select .* from Invoices where Grand_Total > 0 limit 200$/);
  expect(entry.calls[1].text).toMatch(/^GET Invoices\?ids=\d+&fields=Product_Details/);
});

test('search, list pages, count and a failed query', async () => {
  const leads = new Repository(Lead, client);
  await leads.find({ where: { lastName: Like('Logged%') }, take: 2 });
  await leads.find({ pageSize: 2 });
  expect(await leads.count({ where: { company: 'Log Co' } })).toBe(3);
  expect(entries.map((e) => [e.backend, e.calls.length, e.records])).toEqual([
    ['search', 1, 2],
    ['list', 2, 3],
    ['coql', 1, 3],
  ]);
  expect(entries[0].calls[0].text).toBe('(Last_Name:starts_with:Logged)');
  await admin(emulator, 'POST', 'faults', {
    path: '/crm/v2/coql',
    count: 1,
    status: 500,
    body: { code: 'INTERNAL_ERROR' },
  });
  await expect(leads.find({ where: { company: 'Log Co' } })).rejects.toBeDefined();
  expect(entries.at(-1)).toMatchObject({ backend: 'coql', records: 0, error: expect.any(String) });
});

test('true writes one redacted line per query to the logger; secrets never appear', async () => {
  const logged: string[] = [];
  const logger = { debug: () => {}, info: (m: string) => logged.push(m), warn: () => {}, error: () => {} };
  const other = await authorisedClient(emulator, undefined, { queryLogger: true, logger, retry: false });
  try {
    await new Repository(Lead, other).find({ where: { lastName: Like('Logged%') }, take: 1 });
    const queries = logged.filter((l) => l.startsWith('query '));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(
      /^query Lead via search: 1 call\(s\), 1 record\(s\), \d+ ms; \[search\] \(Last_Name:starts_with:Logged\)$/,
    );
    const tokens = await other.oauthClient.getAccessToken('patricia.boyle@zylker.com');
    expect(logged.join('\n')).not.toContain(tokens);
    expect(logged.join('\n')).not.toContain(emulator.clientSecret);
  } finally {
    await other.close();
  }
});
