/**
 * Issue 10.7: a query refused for its scope (OAUTH_SCOPE_MISMATCH) names the backend the planner chose and
 * the scope it needs; when another backend can run the query, the reader runs it there and the client plans
 * around the refused backend from then on. Against the emulator over HTTP, with tokens granted without the
 * search or the COQL scope.
 */
import { Repository } from '../../../src/orm';
import { Like, MoreThan } from '../../../src/query';
import { AuthenticationException } from '../../../src/errors';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { ZCRMRestClient } from '../../../src/api/rest-client';
import { ALL_SCOPES } from '../../support/emulator';
import { authorisedClient, requestLog } from '../../support/sdk';
import { Lead } from '../support/models';

let emulator: RunningEmulator;
const clients: ZCRMRestClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ demoData: false });
  const client = await authorisedClient(emulator);
  clients.push(client);
  await new Repository(Lead, client).saveMany(
    ['Moss', 'Miller', 'Baker'].map((lastName) =>
      new Repository(Lead, client).create({ lastName, employees: 10 }),
    ),
  );
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await emulator?.stop();
});

const without = async (scope: string) => {
  const client = await authorisedClient(
    emulator,
    undefined,
    { retry: false },
    undefined,
    ALL_SCOPES.split(',')
      .filter((s) => s !== scope)
      .join(','),
  );
  clients.push(client);
  return new Repository(Lead, client);
};

test('without the search scope a search query runs on COQL, and the next one is planned there', async () => {
  const leads = await without('ZohoSearch.securesearch.READ');
  const query = { where: { lastName: Like('M%') }, take: 5 };
  expect(leads.compile(query).backend).toBe('search');
  const found = await leads.find(query);
  expect(found.map((l) => l.lastName).sort()).toEqual(['Miller', 'Moss']);
  expect(leads.client.missingScopes).toEqual(new Set(['ZohoSearch.securesearch.READ']));
  const before = (await requestLog(emulator, '/crm/v2/Leads/search')).length;
  await leads.find(query);
  expect((await requestLog(emulator, '/crm/v2/Leads/search')).length).toBe(before);
});

test('without the COQL scope a query only COQL runs fails naming the backend and the scope', async () => {
  const leads = await without('ZohoCRM.coql.READ');
  const error = await leads.find({ where: { employees: MoreThan(5) } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationException);
  expect(error).toMatchObject({
    errorCode: 'OAUTH_SCOPE_MISMATCH',
    errorDetails: expect.objectContaining({
      backend: 'coql',
      scopes: expect.arrayContaining(['ZohoCRM.coql.READ']),
    }),
  });
  expect((error as Error).message).toMatch(/ran on the coql API, which needs the scope ZohoCRM\.coql\.READ/);
});
