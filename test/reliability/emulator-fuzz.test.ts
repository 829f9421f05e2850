/**
 * Malformed requests against the emulator: bad JSON, deep nesting, 10 MB bodies, invalid UTF-8, absurd paging,
 * ids with letters, random search criteria and COQL, path traversal in attachment names, multipart without a
 * boundary. The emulator must answer every one with a 4xx (or a 2xx where Zoho accepts it), never a 5xx or a
 * crash, and store nothing when nothing valid was sent.
 */
import fc from 'fast-check';
import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';
import { GRAMMAR_TOKENS } from '../support/grammar-tokens';

jest.setTimeout(60_000);

let emulator: RunningEmulator;
let client: RawClient;
let leadId: string;
beforeAll(async () => {
  ({ emulator, client } = await startTestEmulator({ demoData: false }));
  await client.admin('PUT', 'limits', { creditsPerDay: 10_000_000, concurrency: 100, resetCredits: true });
  leadId = (await client.post('/crm/v2/Leads', { data: [{ Last_Name: 'Fuzz target' }] })).json.data[0].details
    .id;
});
afterAll(() => emulator.stop());

const counts = async () => {
  const out: Record<string, number> = {};
  for (const module of ['Leads', 'Attachments', 'Notes'])
    out[module] = (await client.admin('GET', `records/${module}`)).records.length;
  return out;
};
/** Every status seen, to assert no 5xx; a failed fetch (connection dropped by a crash) rejects the test. */
const statuses: number[] = [];
async function send(
  method: string,
  path: string,
  body?: string | Buffer | FormData,
  headers: Record<string, string> = {},
): Promise<number> {
  const res = await fetch(client.url + path, {
    method,
    headers: { Authorization: `Zoho-oauthtoken ${client.accessToken}`, ...headers },
    body: body as RequestInit['body'],
  });
  await res.arrayBuffer();
  statuses.push(res.status);
  return res.status;
}
const json = { 'Content-Type': 'application/json' };

describe('malformed requests never get a 5xx and store nothing', () => {
  let before: Record<string, number>;
  beforeAll(async () => (before = await counts()));
  afterAll(async () => {
    expect(await counts()).toEqual(before);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // The emulator still serves.
    expect((await client.get('/crm/v2/Leads')).status).toBe(200);
  });

  test.each([
    '{',
    '{"data":',
    '{"data":[{"Last_Name":"x"}]',
    '{"data":[{"Last_Name":"x",}]}',
    "{'data':[]}",
    'null',
    '42',
    '"text"',
    '[]',
    '{"data":null}',
    '{"data":{}}',
    '{"data":[null]}',
    '{"data":[[]]}',
    '{"data":[{"__proto__":{"Last_Name":"x"}}]}',
    '\u0000',
  ])('bad JSON %j → 400', async (body) => {
    for (const path of ['/crm/v2/Leads', '/crm/v2/Leads/upsert', '/crm/v2/coql']) {
      const status = await send('POST', path, body, json);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(await send('PUT', '/crm/v2/Leads', body, json)).toBe(400);
  });

  test.each([1_000, 100_000])('JSON nested %i deep → 400', async (depth) => {
    const arrays = '{"data":[' + '['.repeat(depth) + ']'.repeat(depth) + ']}';
    const objects = '{"data":[' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + ']}';
    for (const body of [arrays, objects]) {
      expect(await send('POST', '/crm/v2/Leads', body, json)).toBe(400);
      expect(await send('POST', '/crm/v2/Leads/upsert', body, json)).toBe(400);
    }
  });

  test('10 MB bodies → 4xx', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expect(await send('POST', '/crm/v2/Leads', JSON.stringify({ data: [{ Last_Name: huge }] }), json)).toBe(
      400,
    );
    expect(await send('POST', '/crm/v2/Leads', huge, json)).toBe(400);
    const many = JSON.stringify({
      data: Array.from({ length: 200_000 }, () => ({ Last_Name: 'y'.repeat(40) })),
    });
    expect(await send('POST', '/crm/v2/Leads', many, json)).toBe(400);
  });

  test('invalid UTF-8 → 400', async () => {
    const bytes = (text: string, bad: number[]) =>
      Buffer.concat([
        Buffer.from(text.slice(0, text.indexOf('#'))),
        Buffer.from(bad),
        Buffer.from(text.slice(text.indexOf('#') + 1)),
      ]);
    for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const body = bytes('{"data":[{"Last_Name":"bad #"}]}', bad);
      expect(await send('POST', '/crm/v2/Leads', body, json)).toBe(400);
      expect(await send('POST', '/crm/v2/Leads/upsert', body, json)).toBe(400);
    }
  });

  test('absurd paging → 4xx or an empty page', async () => {
    for (const query of [
      'page=-1',
      'page=99999999999999999999',
      'page=1e308',
      'per_page=-5',
      'per_page=1000000000000',
      'page=NaN',
      'page=1&page=2',
      'per_page=0',
      'page=0x10',
      'page=%00',
    ]) {
      for (const path of [
        '/crm/v2/Leads',
        `/crm/v2/Leads/search?criteria=(Last_Name:equals:x)&`,
        '/crm/v2/users',
      ]) {
        const status = await send('GET', `${path}${path.includes('?') ? '' : '?'}${query}`);
        expect([200, 204, 400]).toContain(status);
      }
    }
  });

  test('ids with letters → 4xx', async () => {
    for (const id of ['12ab', 'abc', '1e5', '-1', '0x10', '9'.repeat(400), '%2e%2e', "1'or'1"]) {
      for (const [method, path] of [
        ['GET', `/crm/v2/Leads/${id}`],
        ['PUT', `/crm/v2/Leads/${id}`],
        ['DELETE', `/crm/v2/Leads/${id}`],
        ['DELETE', `/crm/v2/Leads?ids=${id}`],
        ['GET', `/crm/v2/Leads/${id}/Notes`],
        ['GET', `/crm/v2/Leads/${id}/Attachments`],
      ]) {
        const body = method === 'PUT' ? JSON.stringify({ data: [{ Last_Name: 'x' }] }) : undefined;
        const status = await send(method, path, body, body ? json : {});
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(500);
        if (method === 'GET') expect([204, 400, 404]).toContain(status);
      }
    }
  });

  test('random search criteria → never a 5xx', async () => {
    const token = fc.oneof(
      fc.constantFrom(...GRAMMAR_TOKENS, 'Last_Name', 'equals', 'starts_with', 'in', 'between', '((', '))'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 12 }), async (parts) => {
        const criteria = parts.join('');
        const status = await send('GET', `/crm/v2/Leads/search?criteria=${encodeURIComponent(criteria)}`);
        return status < 500;
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  test('random COQL → never a 5xx', async () => {
    const token = fc.oneof(
      fc.constantFrom(
        ...GRAMMAR_TOKENS,
        'select',
        'from',
        'where',
        'Leads',
        'Last_Name',
        'id',
        'order by',
        'limit',
        'offset',
        'is null',
        'not in',
        'like',
        'between',
        '=',
        '>',
        '2000',
        '-1',
        '9999999999999999999999',
        'count(id)',
      ),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 16 }), fc.boolean(), async (parts, prefixed) => {
        const query = (prefixed ? 'select Last_Name from Leads where ' : '') + parts.join(' ');
        const status = await send('POST', '/crm/v2/coql', JSON.stringify({ select_query: query }), json);
        return status < 500;
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  test('multipart without a boundary, or broken → 400', async () => {
    const path = `/crm/v2/Leads/${leadId}/Attachments`;
    expect(await send('POST', path, 'garbage', { 'Content-Type': 'multipart/form-data' })).toBe(400);
    expect(
      await send('POST', path, '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', {
        'Content-Type': 'multipart/form-data; boundary=x',
      }),
    ).toBe(400);
    expect(await send('POST', path, '', { 'Content-Type': 'multipart/form-data; boundary=' })).toBe(400);
    expect(
      await send('POST', `/crm/v2/Leads/${leadId}/photo`, 'x', { 'Content-Type': 'multipart/form-data' }),
    ).toBe(400);
  });
});

test('path traversal in attachment names is stored as a plain name, never a path', async () => {
  for (const name of [
    '../../etc/passwd',
    '..\\..\\boot.ini',
    '/abs/path.txt',
    'a/../../b.txt',
    '%2e%2e%2fx.txt',
  ]) {
    const form = new FormData();
    form.append('file', new Blob(['contents']), name);
    const status = await send('POST', `/crm/v2/Leads/${leadId}/Attachments`, form);
    expect([200, 400]).toContain(status);
  }
  const listed = (await client.get(`/crm/v2/Leads/${leadId}/Attachments`)).json?.data ?? [];
  for (const attachment of listed) expect(attachment.File_Name).not.toMatch(/[/\\]|\.\./);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
});
