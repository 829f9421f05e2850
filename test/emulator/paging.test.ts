import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';
import { fileForm, recordId } from './sub-resource-helpers';

/**
 * Every list-style route pages the same lenient way Zoho does: `page=0` (the official Python client's default)
 * is the first page, `per_page` above 200 is 200, and query parameters the route does not know are ignored.
 */
describe('paging on every list route', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  const lists: Record<string, string> = {};

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      demoData: false,
      seed: {
        records: {
          Accounts: [{ Account_Name: 'Zylker' }],
          Leads: [{ Last_Name: 'Keep' }, { Last_Name: 'Gone' }],
        },
      },
    }));
    const account = await recordId(client, 'Accounts', 'Account_Name', 'Zylker');
    const gone = await recordId(client, 'Leads', 'Last_Name', 'Gone');
    expect(
      (await client.post('/crm/v2/Contacts', { data: [{ Last_Name: 'Con', Account_Name: { id: account } }] }))
        .status,
    ).toBe(201);
    expect(
      (await client.post(`/crm/v2/Accounts/${account}/Notes`, { data: [{ Note_Content: 'hello' }] })).status,
    ).toBe(201);
    const form = fileForm('a.txt', Buffer.from('text'), 'text/plain');
    expect((await client.request('POST', `/crm/v2/Accounts/${account}/Attachments`, { form })).status).toBe(
      200,
    );
    expect((await client.delete(`/crm/v2/Leads/${gone}`)).status).toBe(200);
    Object.assign(lists, {
      records: '/crm/v2/Leads',
      search: '/crm/v2/Leads/search?word=Keep',
      deleted: '/crm/v2/Leads/deleted?type=all',
      related: `/crm/v2/Accounts/${account}/Contacts`,
      'record notes': `/crm/v2/Accounts/${account}/Notes`,
      notes: '/crm/v2/Notes',
      attachments: `/crm/v2/Accounts/${account}/Attachments`,
      users: '/crm/v2/users?type=AllUsers',
      'custom views': '/crm/v2/settings/custom_views?module=Leads',
    });
  });
  afterAll(() => emulator.stop());

  const withQuery = (path: string, query: string) => path + (path.includes('?') ? '&' : '?') + query;

  it.each([
    'records',
    'search',
    'deleted',
    'related',
    'record notes',
    'notes',
    'attachments',
    'users',
    'custom views',
  ])(
    'serves the first page for page=0 on %s, clamps per_page and ignores unknown parameters',
    async (name) => {
      const first = await client.get(withQuery(lists[name], 'page=1'));
      const res = await client.get(withQuery(lists[name], 'page=0&per_page=500&not_a_zoho_param=x'));
      expect(first.status).toBe(200);
      expect(res.status).toBe(200);
      expect(res.json.info).toEqual(expect.objectContaining({ page: 1, per_page: 200 }));
      expect(res.json).toEqual({ ...first.json, info: { ...first.json.info, per_page: 200 } });
    },
  );

  it.each([
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['per_page=0', 'per_page'],
  ])('still answers a page that is not a non-negative integer (%s) with 400', async (query, param) => {
    const res = await client.get(`/crm/v2/Leads?${query}`);
    expect([res.status, res.json?.details]).toEqual([400, { param }]);
  });
});
