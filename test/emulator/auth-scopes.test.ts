import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';

const envelope = (code: string, message: string) => ({ code, details: {}, message, status: 'error' });
const AUTH_FAILED = envelope('AUTHENTICATION_FAILURE', 'Authentication failed');
const INVALID_TOKEN = envelope('INVALID_TOKEN', 'invalid oauth token');
const SCOPE_MISMATCH = envelope('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL');

describe('CRM API authentication and scopes', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());

  const tokenFor = async (scope: string, email?: string) =>
    (await obtainTokens(emulator, scope, email)).access_token;
  const creditsUsed = async (): Promise<number> => (await client.admin('GET', 'limits')).creditsUsed;
  const leadCount = async (): Promise<number> => (await client.get('/crm/v2/Leads')).json.data.length;

  describe('the Authorization header', () => {
    it.each([
      ['missing', {}],
      ['a Bearer prefix', { Authorization: 'Bearer TOKEN' }],
      ['the prefix alone', { Authorization: 'Zoho-oauthtoken' }],
      ['a value with spaces', { Authorization: 'Zoho-oauthtoken TOKEN extra' }],
      ['no prefix', { Authorization: 'TOKEN' }],
    ])('answers 401 AUTHENTICATION_FAILURE when %s', async (_label, headers: Record<string, string>) => {
      const value = headers.Authorization?.replace('TOKEN', client.accessToken!);
      const res = await client.request('GET', '/crm/v2/Leads', {
        token: null,
        headers: value ? { Authorization: value } : {},
      });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(AUTH_FAILED);
      expect(res.headers.get('x-accesstoken-reset')).toBeNull();
    });

    it('accepts the prefix in any case', async () => {
      const res = await client.request('GET', '/crm/v2/Leads', {
        token: null,
        headers: { Authorization: `zoho-OAUTHTOKEN ${client.accessToken}` },
      });
      expect(res.status).toBe(200);
    });

    it('answers 401 INVALID_TOKEN for unknown, expired and revoked tokens', async () => {
      const unknown = await client.request('GET', '/crm/v2/Leads', {
        token: `1000.${'a'.repeat(32)}.${'b'.repeat(32)}`,
      });
      expect([unknown.status, unknown.json]).toEqual([401, INVALID_TOKEN]);
      const garbage = await client.request('GET', '/crm/v2/Leads', { token: 'not-a-token' });
      expect([garbage.status, garbage.json]).toEqual([401, INVALID_TOKEN]);

      const tokens = await obtainTokens(emulator);
      expect(
        (await client.admin('POST', 'tokens/expire', { accessToken: tokens.access_token })).expired,
      ).toBe(1);
      const expired = await client.request('GET', '/crm/v2/Leads', { token: tokens.access_token });
      expect([expired.status, expired.json]).toEqual([401, INVALID_TOKEN]);

      const revoked = await obtainTokens(emulator);
      await fetch(`${emulator.url}/oauth/v2/token/revoke?token=${revoked.refresh_token}`, { method: 'POST' });
      const res = await client.request('GET', '/crm/v2/Leads', { token: revoked.access_token });
      expect([res.status, res.json]).toEqual([401, INVALID_TOKEN]);
    });

    it('charges no credits for a refused call', async () => {
      const before = await creditsUsed();
      await client.request('GET', '/crm/v2/Leads', { token: null });
      await client.request('GET', '/crm/v2/Leads', { token: 'unknown' });
      await client.request('GET', '/crm/v2/Contacts', {
        token: await tokenFor('ZohoCRM.modules.leads.READ'),
      });
      expect(await creditsUsed()).toBe(before);
      await client.get('/crm/v2/Leads');
      expect(await creditsUsed()).toBe(before + 1);
    });
  });

  describe('module scopes', () => {
    it('lets ZohoCRM.modules.leads.READ read Leads only, never write them', async () => {
      const token = await tokenFor('ZohoCRM.modules.leads.READ');
      expect((await client.request('GET', '/crm/v2/Leads', { token })).status).toBe(200);
      const contacts = await client.request('GET', '/crm/v2/Contacts', { token });
      expect([contacts.status, contacts.json]).toEqual([401, SCOPE_MISMATCH]);
      const before = await leadCount();
      const create = await client.request('POST', '/crm/v2/Leads', {
        token,
        body: { data: [{ Last_Name: 'Nope' }] },
      });
      expect([create.status, create.json]).toEqual([401, SCOPE_MISMATCH]);
      expect(await leadCount()).toBe(before);
    });

    it('matches scope names case-insensitively', async () => {
      const token = await tokenFor('zohocrm.MODULES.Leads.read');
      expect((await client.request('GET', '/crm/v2/Leads', { token })).status).toBe(200);
    });

    it('lets WRITE create, update and delete but not read', async () => {
      const token = await tokenFor('ZohoCRM.modules.leads.WRITE');
      const created = await client.request('POST', '/crm/v2/Leads', {
        token,
        body: { data: [{ Last_Name: 'Scoped' }] },
      });
      expect(created.status).toBe(201);
      const id = created.json.data[0].details.id;
      const updated = await client.request('PUT', `/crm/v2/Leads/${id}`, {
        token,
        body: { data: [{ Company: 'Zylker' }] },
      });
      expect(updated.status).toBe(200);
      expect((await client.get(`/crm/v2/Leads/${id}`)).json.data[0].Company).toBe('Zylker');
      const read = await client.request('GET', `/crm/v2/Leads/${id}`, { token });
      expect([read.status, read.json]).toEqual([401, SCOPE_MISMATCH]);
      expect((await client.request('DELETE', `/crm/v2/Leads/${id}`, { token })).status).toBe(200);
      expect((await client.get(`/crm/v2/Leads/${id}`)).status).toBe(204);
    });

    it('keeps CREATE, UPDATE and DELETE apart', async () => {
      const create = await tokenFor('ZohoCRM.modules.leads.CREATE');
      const created = await client.request('POST', '/crm/v2/Leads', {
        token: create,
        body: { data: [{ Last_Name: 'Split' }] },
      });
      expect(created.status).toBe(201);
      const id = created.json.data[0].details.id;
      const update = await client.request('PUT', `/crm/v2/Leads/${id}`, {
        token: create,
        body: { data: [{ Company: 'No' }] },
      });
      expect([update.status, update.json]).toEqual([401, SCOPE_MISMATCH]);
      const del = await client.request('DELETE', `/crm/v2/Leads/${id}`, {
        token: await tokenFor('ZohoCRM.modules.leads.UPDATE'),
      });
      expect([del.status, del.json]).toEqual([401, SCOPE_MISMATCH]);
      const stored = (await client.get(`/crm/v2/Leads/${id}`)).json.data[0];
      expect([stored.Last_Name, stored.Company ?? null]).toEqual(['Split', null]);
    });

    it('lets ZohoCRM.modules.ALL reach every module, and reports unknown modules only then', async () => {
      const token = await tokenFor('ZohoCRM.modules.ALL');
      for (const module of ['Leads', 'Contacts', 'Accounts', 'Deals', 'Products']) {
        expect((await client.request('GET', `/crm/v2/${module}`, { token })).status).toBe(200);
      }
      const unknown = await client.request('GET', '/crm/v2/Nonexistent', { token });
      expect([unknown.status, unknown.json]).toEqual([
        400,
        envelope('INVALID_MODULE', 'the module name given seems to be invalid'),
      ]);
      const narrow = await client.request('GET', '/crm/v2/Nonexistent', {
        token: await tokenFor('ZohoCRM.modules.leads.ALL'),
      });
      expect([narrow.status, narrow.json]).toEqual([401, SCOPE_MISMATCH]);
    });

    it('does not let module scopes reach settings', async () => {
      const token = await tokenFor('ZohoCRM.modules.ALL');
      const res = await client.request('GET', '/crm/v2/settings/modules', { token });
      expect([res.status, res.json]).toEqual([401, SCOPE_MISMATCH]);
      expect(
        (
          await client.request('GET', '/crm/v2/settings/modules', {
            token: await tokenFor('ZohoCRM.settings.ALL'),
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('routing', () => {
    it.each(['/crm/v2/Leads/1/2/3/4', '/crm/v9/Leads', '/nothing/here', '/crm'])(
      'answers 404 INVALID_URL_PATTERN for %s',
      async (path) => {
        const res = await client.get(path);
        expect(res.status).toBe(404);
        expect(res.json).toEqual(
          envelope('INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
        );
      },
    );

    it.each([
      ['PATCH', '/crm/v2/Leads'],
      ['PATCH', '/crm/v2/Leads/3652397000000000001'],
      ['GET', '/oauth/v2/token'],
      ['POST', '/oauth/user/info'],
      ['GET', '/oauth/v2/token/revoke'],
    ])('answers 400 INVALID_REQUEST_METHOD for %s %s', async (method, path) => {
      const res = await client.request(method, path);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(
        envelope('INVALID_REQUEST_METHOD', 'The http request method type is not a valid one'),
      );
    });

    it('logs the user an API call authenticated as', async () => {
      const kevin = await tokenFor('ZohoCRM.modules.ALL', 'kevin.hart@zylker.com');
      await client.admin('DELETE', 'requests');
      await client.request('GET', '/crm/v2/Contacts?fields=Last_Name', { token: kevin });
      await client.request('GET', '/crm/v2/Contacts', { token: null });
      const { requests } = await client.admin('GET', 'requests');
      expect(requests.map((r: any) => [r.method, r.url, r.status, r.user])).toEqual([
        ['GET', '/crm/v2/Contacts?fields=Last_Name', 200, 'kevin.hart@zylker.com'],
        ['GET', '/crm/v2/Contacts', 401, undefined],
      ]);
    });
  });
});
