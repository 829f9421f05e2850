import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';

const THIRTY_DAYS = 30 * 86_400;

/** Every time the emulator shows follows its one clock, moved by `POST /__emulator/clock`. */
describe('one emulator clock', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let now: number;
  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
    await client.admin('POST', 'clock', { advanceSeconds: THIRTY_DAYS });
    client.accessToken = (await obtainTokens(emulator)).access_token;
  });
  beforeEach(async () => {
    now = (await client.admin('GET', 'clock')).now;
  });
  afterAll(() => emulator.stop());

  /** Within a few seconds of the emulator's now; the HTTP date has whole seconds. */
  const expectNow = (text: string | null | undefined, offsetMs = 0) => {
    const ms = Date.parse(String(text));
    expect(Math.abs(ms - (now + offsetMs))).toBeLessThan(5_000);
  };

  it('sends the emulator time in the HTTP Date header of CRM, OAuth, error and admin answers', async () => {
    expect(now - Date.now()).toBeGreaterThan((THIRTY_DAYS - 60) * 1000);
    expectNow((await client.get('/crm/v2/Leads?per_page=1')).headers.get('date'));
    expectNow((await client.get('/crm/v2/Widgets')).headers.get('date'));
    expectNow((await client.get('/not/a/zoho/path')).headers.get('date'));
    expectNow((await client.request('POST', '/oauth/v2/token')).headers.get('date'));
    expectNow((await client.request('GET', '/__emulator/clock')).headers.get('date'));
  });

  it('stamps new records, token expiry and bulk jobs with the emulator time', async () => {
    const created = await client.post('/crm/v2/Leads', { data: [{ Last_Name: 'Later' }] });
    expectNow(created.json.data[0].details.Created_Time);
    const lead = await client.get(`/crm/v2/Leads/${created.json.data[0].details.id}`);
    expectNow(lead.json.data[0].Created_Time);
    expectNow(lead.headers.get('x-accesstoken-reset'), 3_600_000);
    const job = await client.post('/crm/bulk/v2/read', { query: { module: 'Leads' } });
    expectNow(job.json.data[0].details.created_time);
  });
});
