import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

const envelope = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  details,
  message,
  status: 'error',
});
const NOT_JSON = envelope('INVALID_DATA', 'body is not a valid JSON', { expected_data_type: 'jsonobject' });
const NOT_OBJECT = envelope('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' });

describe('bad input', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let leadId: string;
  let leadBefore: unknown;
  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
    leadId = (await client.get('/crm/v2/Leads')).json.data[0].id;
  });
  beforeEach(async () => {
    leadBefore = (await client.get(`/crm/v2/Leads/${leadId}`)).json;
  });
  // Whatever a test sent, the emulator still serves and the probe record is unchanged.
  afterEach(async () => {
    const res = await client.get(`/crm/v2/Leads/${leadId}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(leadBefore);
  });
  afterAll(() => emulator.stop());

  const leadIds = async (): Promise<string[]> =>
    (await client.get('/crm/v2/Leads')).json.data.map((r: any) => r.id).sort();
  /** Sends raw bytes: no Content-Type unless given, as Zoho's Python SDK does. */
  const raw = (method: string, path: string, body: string | Buffer, contentType?: string) =>
    fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        Authorization: `Zoho-oauthtoken ${client.accessToken}`,
        ...(contentType ? { 'Content-Type': contentType } : {}),
      },
      body: typeof body === 'string' ? Buffer.from(body) : body,
    }).then(async (r) => ({ status: r.status, json: (await r.json().catch(() => undefined)) as any }));

  describe('record writes', () => {
    it.each([
      ['malformed JSON', '{"data":[{"Last_Name":', NOT_JSON],
      ['JSON null', 'null', NOT_OBJECT],
      ['an array', '[{"Last_Name":"A"}]', NOT_OBJECT],
      ['a string', '"Last_Name"', NOT_OBJECT],
      ['a number', '42', NOT_OBJECT],
      ['an empty body', '', NOT_OBJECT],
      [
        'no data key',
        '{"Last_Name":"A"}',
        envelope('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data' }),
      ],
      [
        'data null',
        '{"data":null}',
        envelope('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data' }),
      ],
      [
        'data empty',
        '{"data":[]}',
        envelope('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data' }),
      ],
      [
        'data an object',
        '{"data":{"Last_Name":"A"}}',
        envelope('INVALID_DATA', 'invalid data', { api_name: 'data', expected_data_type: 'jsonarray' }),
      ],
      [
        'data a string',
        '{"data":"A"}',
        envelope('INVALID_DATA', 'invalid data', { api_name: 'data', expected_data_type: 'jsonarray' }),
      ],
    ])('answers an insert with %s with 400 and stores nothing', async (_label, body, expected) => {
      const before = await leadIds();
      for (const contentType of [undefined, 'application/json']) {
        const res = await raw('POST', '/crm/v2/Leads', body, contentType);
        expect([res.status, res.json]).toEqual([400, expected]);
      }
      expect(await leadIds()).toEqual(before);
    });

    it('refuses more than 100 records in one call', async () => {
      const before = await leadIds();
      const res = await client.post('/crm/v2/Leads', {
        data: Array.from({ length: 101 }, (_, i) => ({ Last_Name: `N${i}` })),
      });
      expect([res.status, res.json]).toEqual([
        400,
        envelope('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'data', limit: 100 }),
      ]);
      expect(await leadIds()).toEqual(before);
    });

    it.each([
      ['malformed JSON', '{"data":[{"Company":"Broken"', NOT_JSON],
      ['JSON null', 'null', NOT_OBJECT],
      ['an array', '[{"Company":"Broken"}]', NOT_OBJECT],
      [
        'data a string',
        '{"data":"Broken"}',
        envelope('INVALID_DATA', 'invalid data', { api_name: 'data', expected_data_type: 'jsonarray' }),
      ],
    ])(
      'answers an update with %s with 400 and leaves the record as it was',
      async (_label, body, expected) => {
        const res = await raw('PUT', `/crm/v2/Leads/${leadId}`, body);
        expect([res.status, res.json]).toEqual([400, expected]);
      },
    );

    it('reads JSON sent with no Content-Type, as text, or urlencoded by curl -d', async () => {
      for (const contentType of [
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-8',
      ]) {
        const name = `Typed ${contentType ?? 'none'}`;
        const res = await raw(
          'POST',
          '/crm/v2/Leads',
          JSON.stringify({ data: [{ Last_Name: name, Company: 'A&B=C+D' }] }),
          contentType,
        );
        expect(res.status).toBe(201);
        const stored = (await client.get(`/crm/v2/Leads/${res.json.data[0].details.id}`)).json.data[0];
        expect([stored.Last_Name, stored.Company]).toEqual([name, 'A&B=C+D']);
        await client.delete(`/crm/v2/Leads/${res.json.data[0].details.id}`);
      }
    });

    it('answers a multipart body without a boundary with a Zoho envelope', async () => {
      const res = await raw('POST', '/crm/v2/Leads', '{"data":[{"Last_Name":"X"}]}', 'multipart/form-data');
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
    });

    it('answers a body over 25 MB with 413 in a Zoho envelope', async () => {
      const before = await leadIds();
      const huge = Buffer.alloc(25 * 1024 * 1024 + 1024, 0x20);
      const res = await raw('POST', '/crm/v2/Leads', huge, 'application/json');
      expect([res.status, res.json]).toEqual([
        413,
        envelope('FILE_SIZE_MORE_THAN_ALLOWED_SIZE', 'The request body is larger than allowed'),
      ]);
      expect(await leadIds()).toEqual(before);
    });

    it('survives pathologically nested JSON', async () => {
      const deep = `{"data":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
      const res = await raw('POST', '/crm/v2/Leads', deep);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_DATA',
        details: { expected_data_type: 'jsonobject' },
        message: 'body is nested deeper than 64 levels',
        status: 'error',
      });
    });
  });

  describe('paths and parameters', () => {
    it.each(['abc', '12345678901234567890', '-1', '1.5'])(
      'answers the malformed id %s with 400 INVALID_DATA',
      async (id) => {
        const res = await client.get(`/crm/v2/Leads/${id}`);
        expect([res.status, res.json]).toEqual([
          400,
          envelope('INVALID_DATA', 'the id given seems to be invalid'),
        ]);
      },
    );

    it('answers a well-formed id that names no record with 204 and no body', async () => {
      const res = await client.get('/crm/v2/Leads/3652397999999999999');
      expect([res.status, res.text]).toEqual([204, '']);
    });

    it('answers unknown modules with 400 INVALID_MODULE for reads and writes', async () => {
      const invalid = envelope('INVALID_MODULE', 'the module name given seems to be invalid');
      for (const res of [
        await client.get('/crm/v2/Widgets'),
        await client.post('/crm/v2/Widgets', { data: [{ Name: 'w' }] }),
      ]) {
        expect([res.status, res.json]).toEqual([400, invalid]);
      }
    });

    it.each([
      ['page=abc', 'page'],
      ['per_page=-5', 'per_page'],
      ['page=1&page=2', 'page'],
    ])('answers the bad paging parameter %s with 400', async (query, param) => {
      const res = await client.get(`/crm/v2/Leads?${query}`);
      expect([res.status, res.json]).toEqual([400, envelope('INVALID_DATA', 'invalid data', { param })]);
    });

    it('reads a repeated list parameter as one comma-separated list', async () => {
      const res = await client.get('/crm/v2/Leads?fields=Last_Name&fields=Email&per_page=1');
      expect(res.status).toBe(200);
      expect(Object.keys(res.json.data[0])).toEqual(expect.arrayContaining(['Last_Name', 'Email', 'id']));
      expect(res.json.data[0].Company).toBeUndefined();
    });

    it('answers an unparsable If-Modified-Since with 400', async () => {
      const res = await client.get('/crm/v2/Leads', { 'If-Modified-Since': 'yesterday-ish' });
      expect([res.status, res.json]).toEqual([
        400,
        envelope('INVALID_DATA', 'invalid data', { header: 'If-Modified-Since' }),
      ]);
    });

    it.each([
      ['bad percent-encoding', '/crm/v2/Leads/%E0%A4%A'],
      ['an over-long path segment', `/crm/v2/Leads/${'9'.repeat(1_100)}`],
    ])('answers %s with 404 INVALID_URL_PATTERN', async (_label, path) => {
      const res = await client.get(path);
      expect([res.status, res.json]).toEqual([
        404,
        envelope('INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
      ]);
    });
  });

  describe('token and admin endpoints', () => {
    it('answers a truncated multipart token request with 400 and keeps issuing tokens', async () => {
      const res = await fetch(`${emulator.url}/oauth/v2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
        body: '--zzz\r\nContent-Disposition: form-data; name="grant_type"\r\n\r\nrefresh',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
      const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
      const ok = await fetch(`${emulator.url}/oauth/v2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: emulator.clientId,
          client_secret: emulator.clientSecret,
          code,
        }),
      });
      expect(((await ok.json()) as any).access_token).toMatch(/^1000\./);
    });

    it('answers JSON sent to the token endpoint as if no parameters were given', async () => {
      const res = await fetch(`${emulator.url}/oauth/v2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', client_id: emulator.clientId }),
      });
      expect([res.status, await res.json()]).toEqual([200, { error: 'invalid_client' }]);
    });

    it.each([
      ['POST', 'faults', '{"path":', 'the body is not valid JSON'],
      ['POST', 'faults', 'null', 'the body must be a JSON object'],
      ['PUT', 'limits', '[1,2]', 'the body must be a JSON object'],
      ['POST', 'clock', '"soon"', 'the body must be a JSON object'],
      ['POST', 'tokens/expire', '{', 'the body is not valid JSON'],
    ])('answers a bad body on %s /__emulator/%s with 400 {error}', async (method, route, body, error) => {
      const res = await fetch(`${emulator.url}/__emulator/${route}`, { method, body: Buffer.from(body) });
      expect([res.status, await res.json()]).toEqual([400, { error }]);
    });
  });
});
