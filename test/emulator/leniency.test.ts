import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator, enableMultiCurrency } from '../support/emulator';

/**
 * Where Zoho is lenient the emulator is too: query parameters a route does not know are ignored on every read,
 * and record fields no module has are skipped, not refused (docs/zoho-v2-notes.md §5.1, §5.3). Paging leniency
 * (`page=0`, `per_page` above 200) is covered route by route in paging.test.ts.
 */
describe('leniency', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  const reads: string[] = [];

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
    await enableMultiCurrency(client);
    const first = async (path: string, key: string) => (await client.get(path)).json[key][0].id as string;
    const lead = await first('/crm/v2/Leads?per_page=1', 'data');
    const field = await first('/crm/v2/settings/fields?module=Leads', 'fields');
    const layout = await first('/crm/v2/settings/layouts?module=Leads', 'layouts');
    const view = await first('/crm/v2/settings/custom_views?module=Leads', 'custom_views');
    const relatedList = await first('/crm/v2/settings/related_lists?module=Leads', 'related_lists');
    const user = await first('/crm/v2/users?type=AllUsers', 'users');
    const role = await first('/crm/v2/settings/roles', 'roles');
    const profile = await first('/crm/v2/settings/profiles', 'profiles');
    reads.push(
      `/crm/v2/Leads/${lead}`,
      `/crm/v2/Leads/${lead}/actions/blueprint`,
      '/crm/v2/settings/modules',
      '/crm/v2/settings/modules/Leads',
      '/crm/v2/settings/fields?module=Leads',
      `/crm/v2/settings/fields/${field}?module=Leads`,
      '/crm/v2/settings/layouts?module=Leads',
      `/crm/v2/settings/layouts/${layout}?module=Leads`,
      `/crm/v2/settings/custom_views/${view}?module=Leads`,
      '/crm/v2/settings/related_lists?module=Leads',
      `/crm/v2/settings/related_lists/${relatedList}?module=Leads`,
      `/crm/v2/users/${user}`,
      '/crm/v2/settings/roles',
      `/crm/v2/settings/roles/${role}`,
      '/crm/v2/settings/profiles',
      `/crm/v2/settings/profiles/${profile}`,
      '/crm/v2/org',
      '/crm/v2/org/currencies',
      '/crm/v2/org/taxes',
      '/crm/v2/settings/tags?module=Leads',
      '/crm/v2/settings/variables',
      '/crm/v2/settings/variable_groups',
      '/crm/v2/settings/territories',
    );
  });
  afterAll(() => emulator.stop());

  const withUnknown = (path: string) => `${path}${path.includes('?') ? '&' : '?'}Not_A_Param=1&zz_debug=true`;

  it('answers every read the same with or without query parameters Zoho does not define', async () => {
    for (const path of reads) {
      const plain = await client.get(path);
      const noisy = await client.get(withUnknown(path));
      // A demo lead runs no blueprint, so that read is Zoho's error answer: it too must not change.
      expect([path, plain.status]).toEqual([path, path.endsWith('/blueprint') ? 400 : 200]);
      expect([path, noisy.status, noisy.json]).toEqual([path, plain.status, plain.json]);
    }
    expect(reads).toHaveLength(23);
  });

  it('runs COQL and writes with unknown query parameters', async () => {
    const coql = await client.post('/crm/v2/coql?Not_A_Param=1', {
      select_query: 'select Last_Name from Leads where Last_Name is not null limit 1',
    });
    expect(coql.status).toBe(200);
    const insert = await client.post('/crm/v2/Leads?trigger_typo=x', { data: [{ Last_Name: 'Lenient' }] });
    expect(insert.status).toBe(201);
  });

  it('skips record fields the module does not have instead of refusing the record', async () => {
    const res = await client.post('/crm/v2/Leads', {
      data: [{ Last_Name: 'Extra Keys', Not_A_Field: 'ignored', Company: 'Zylker' }],
    });
    expect([res.status, res.json.data[0].code]).toEqual([201, 'SUCCESS']);
    const stored = await client.get(`/crm/v2/Leads/${res.json.data[0].details.id}`);
    expect(stored.json.data[0]).toEqual(
      expect.objectContaining({ Last_Name: 'Extra Keys', Company: 'Zylker' }),
    );
    expect(stored.json.data[0]).not.toHaveProperty('Not_A_Field');
  });
});
