import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

describe('emulator smoke', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());

  it('lists Leads with a token and refuses without one', async () => {
    const ok = await client.get('/crm/v2/Leads');
    expect(ok.status).toBe(200);
    expect(ok.json.info).toEqual(expect.objectContaining({ page: 1, per_page: 200, more_records: false }));
    expect(ok.json.data[0].Owner).toEqual(
      expect.objectContaining({ name: 'Patricia Boyle', email: 'patricia.boyle@zylker.com' }),
    );
    expect(ok.headers.get('x-accesstoken-reset')).toMatch(/\+05:30$/);
    const denied = await client.request('GET', '/crm/v2/Leads', { token: null });
    expect(denied.status).toBe(401);
    expect(denied.json).toEqual({
      code: 'AUTHENTICATION_FAILURE',
      details: {},
      message: 'Authentication failed',
      status: 'error',
    });
  });
});
