import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

/** The request log records each request's body: parsed, bounded, summarised for multipart, secrets redacted. */
describe('request log bodies', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());
  beforeEach(() => client.admin('DELETE', 'requests'));

  const logged = async (path: string): Promise<any[]> =>
    (await client.admin('GET', `requests?path=${encodeURIComponent(path)}`)).requests;
  const fullLog = async (): Promise<string> => JSON.stringify(await client.admin('GET', 'requests'));

  it('records a JSON body parsed, and no body for a GET', async () => {
    const body = { data: [{ Last_Name: 'Body', Company: 'Logged Ltd', Description: 'ünïcode' }] };
    expect((await client.post('/crm/v2/Leads', body)).status).toBe(201);
    await client.get('/crm/v2/Leads?per_page=1');
    const [post, get] = await logged('/crm/v2/Leads');
    expect(post.body).toEqual(body);
    expect(get.body).toBeUndefined();
    expect(get.headers.authorization).toBe('Zoho-oauthtoken ***');
  });

  it('redacts the secrets of a form-encoded OAuth body, the Authorization header and secret-named JSON keys', async () => {
    const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
    const tokens = (await fetch(`${emulator.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        code,
      }),
    }).then((r) => r.json())) as { access_token: string; refresh_token: string };
    await fetch(`${emulator.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        refresh_token: tokens.refresh_token,
      }),
    });
    const userToken = 'user-typed-token-value-42';
    await client.request('POST', '/crm/v2/Leads', {
      token: tokens.access_token,
      body: {
        data: [
          { Last_Name: 'Secretive', Company: 'X', password: 'hunter2', nested: { api_token: userToken } },
        ],
      },
    });

    const [grant, refresh] = await logged('/oauth/v2/token');
    expect(grant.body).toEqual({
      grant_type: 'authorization_code',
      client_id: emulator.clientId,
      client_secret: '***',
      code: '***',
    });
    expect(refresh.body).toEqual({
      grant_type: 'refresh_token',
      client_id: emulator.clientId,
      client_secret: '***',
      refresh_token: '***',
    });
    const [insert] = await logged('/crm/v2/Leads');
    expect(insert.body.data[0]).toEqual({
      Last_Name: 'Secretive',
      Company: 'X',
      password: '***',
      nested: { api_token: '***' },
    });
    expect(insert.headers.authorization).toBe('Zoho-oauthtoken ***');

    const text = await fullLog();
    for (const secret of [
      code,
      emulator.clientSecret,
      tokens.refresh_token,
      tokens.access_token,
      client.accessToken,
      'hunter2',
      userToken,
    ])
      expect(text).not.toContain(secret);
  });

  it('cuts a body above 64 KiB to 64 KiB with a marker and its size, still without secrets', async () => {
    const filler = 'x'.repeat(70 * 1024);
    const raw = JSON.stringify({
      refresh_token: 'cut-off-secret-1',
      data: [{ Last_Name: 'Big', Description: filler }],
    });
    await client.post('/crm/v2/Leads', raw);
    const [entry] = await logged('/crm/v2/Leads');
    expect(entry.body).toEqual({ truncated: true, size: Buffer.byteLength(raw), text: expect.any(String) });
    expect(Buffer.byteLength(entry.body.text)).toBe(64 * 1024 + '***'.length - 'cut-off-secret-1'.length);
    expect(entry.body.text.startsWith('{"refresh_token":"***","data"')).toBe(true);
    expect(await fullLog()).not.toContain('cut-off-secret-1');
  });

  it('summarises a multipart upload by part name, file name, size and type, without the bytes', async () => {
    const leadId = (await client.get('/crm/v2/Leads?per_page=1')).json.data[0].id;
    const bytes = Buffer.from('FILE-BYTES-'.repeat(20_000));
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/plain' }), 'quarterly notes.txt');
    const res = await client.request('POST', `/crm/v2/Leads/${leadId}/Attachments`, { form });
    expect(res.status).toBe(200);
    const [entry] = await logged(`/crm/v2/Leads/${leadId}/Attachments`);
    expect(entry.body).toEqual({
      multipart: [
        { name: 'file', fileName: 'quarterly notes.txt', contentType: 'text/plain', size: bytes.length },
      ],
      size: Number(entry.headers['content-length']),
    });
    expect(await fullLog()).not.toContain('FILE-BYTES-');
  });

  it('shows short multipart fields, redacting secret-named ones (a multipart OAuth body)', async () => {
    const form = new FormData();
    form.append('grant_type', 'refresh_token');
    form.append('client_id', emulator.clientId);
    form.append('client_secret', emulator.clientSecret);
    form.append('refresh_token', 'multipart-refresh-secret');
    await fetch(`${emulator.url}/oauth/v2/token`, { method: 'POST', body: form });
    const [entry] = await logged('/oauth/v2/token');
    expect(entry.body.multipart).toEqual([
      { name: 'grant_type', size: 13, value: 'refresh_token' },
      { name: 'client_id', size: emulator.clientId.length, value: emulator.clientId },
      { name: 'client_secret', size: emulator.clientSecret.length, value: '***' },
      { name: 'refresh_token', size: 24, value: '***' },
    ]);
    const text = await fullLog();
    expect(text).not.toContain('multipart-refresh-secret');
    expect(text).not.toContain(emulator.clientSecret);
  });
});
