import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

const envelope = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  details,
  message,
  status: 'error',
});
const INVALID_URL = envelope(
  'INVALID_URL_PATTERN',
  'Please check if the URL trying to access is a correct one',
);
const INVALID_METHOD = envelope('INVALID_REQUEST_METHOD', 'The http request method type is not a valid one');
const ID = expect.stringMatching(/^\d{19}$/);
const TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
const ADMIN = { name: 'Patricia Boyle', id: ID };

/** The v2 route list: currencies, territories, Zoho's answer for APIs not served, and the README's route table. */
describe('v2 routes', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.stop());

  describe('/org/currencies', () => {
    beforeAll(() => emulator.reset());
    const dinar = {
      name: 'Algerian Dinar - DZD',
      iso_code: 'DZD',
      symbol: 'DA',
      prefix_symbol: true,
      format: { decimal_separator: 'Period', thousand_separator: 'Comma', decimal_places: '2' },
    };
    let baseId: string;
    let rupeeId: string;

    it('answers 403 CURRENCIES_NOT_ENABLED until multi-currency is enabled', async () => {
      const res = await client.get('/crm/v2/org/currencies');
      expect([res.status, res.json]).toEqual([
        403,
        envelope('CURRENCIES_NOT_ENABLED', 'Multi currency is not enabled'),
      ]);
    });

    it('enables multi-currency with a base currency, once', async () => {
      const res = await client.post('/crm/v2/org/currencies/actions/enable', { base_currency: dinar });
      expect([res.status, res.json]).toEqual([
        200,
        {
          base_currency: {
            code: 'SUCCESS',
            details: { id: ID },
            message:
              'The multi-currency feature is enabled and given currency is created as the base currency.',
            status: 'success',
          },
        },
      ]);
      baseId = res.json.base_currency.details.id;
      const again = await client.post('/crm/v2/org/currencies/actions/enable', { base_currency: dinar });
      expect([again.status, again.json]).toEqual([
        400,
        envelope('ALREADY_ENABLED', 'The multi-currency is already enabled'),
      ]);
      expect((await client.get('/crm/v2/org')).json.org[0].mc_status).toBe(true);
    });

    it('adds currencies with per-item results and lists them in Zoho’s shape', async () => {
      const rupee = {
        ...dinar,
        name: 'Indian Rupee - INR',
        iso_code: 'INR',
        symbol: '₹',
        exchange_rate: '3',
      };
      const res = await client.post('/crm/v2/org/currencies', {
        currencies: [rupee, { ...rupee, name: 'Again' }, { ...rupee, iso_code: 'rupee' }],
      });
      expect(res.status).toBe(202);
      expect(res.json.currencies).toEqual([
        {
          code: 'SUCCESS',
          details: { id: ID },
          message: 'The currency created successfully.',
          status: 'success',
        },
        envelope('DUPLICATE_DATA', 'duplicate data', { api_name: 'iso_code' }),
        envelope('INVALID_DATA', 'ISO code is invalid.', { api_name: 'iso_code' }),
      ]);
      rupeeId = res.json.currencies[0].details.id;
      const list = await client.get('/crm/v2/org/currencies');
      expect(list.status).toBe(200);
      expect(list.json.currencies).toEqual([
        {
          id: baseId,
          ...dinar,
          exchange_rate: '1.000000000',
          is_active: true,
          is_base: true,
          created_by: ADMIN,
          created_time: TIME,
          modified_by: ADMIN,
          modified_time: TIME,
        },
        expect.objectContaining({
          id: rupeeId,
          iso_code: 'INR',
          exchange_rate: '3.000000000',
          is_base: false,
        }),
      ]);
    });

    it('reads and updates one currency; an unknown id is 204', async () => {
      const updated = await client.put(`/crm/v2/org/currencies/${rupeeId}`, {
        currencies: [{ exchange_rate: '4.5', is_active: false }],
      });
      expect([updated.status, updated.json.currencies[0].message]).toEqual([
        200,
        'The currency updated successfully',
      ]);
      const one = await client.get(`/crm/v2/org/currencies/${rupeeId}`);
      expect(one.json.currencies).toEqual([
        expect.objectContaining({ id: rupeeId, exchange_rate: '4.500000000', is_active: false }),
      ]);
      const bulk = await client.put('/crm/v2/org/currencies', {
        currencies: [{ id: rupeeId, symbol: 'Rs' }],
      });
      expect(bulk.status).toBe(200);
      expect((await client.get(`/crm/v2/org/currencies/${rupeeId}`)).json.currencies[0].symbol).toBe('Rs');
      const unknown = await client.get('/crm/v2/org/currencies/3652397999999999999');
      expect([unknown.status, unknown.text]).toEqual([204, '']);
    });

    it('updates the base currency through PUT actions/enable, keeping its rate at 1', async () => {
      const res = await client.put('/crm/v2/org/currencies/actions/enable', {
        base_currency: { symbol: 'DZD' },
      });
      expect([res.status, res.json.base_currency.status]).toEqual([200, 'success']);
      const base = (await client.get(`/crm/v2/org/currencies/${baseId}`)).json.currencies[0];
      expect(base).toEqual(
        expect.objectContaining({ symbol: 'DZD', exchange_rate: '1.000000000', is_base: true }),
      );
      const rate = await client.put('/crm/v2/org/currencies/actions/enable', {
        base_currency: { exchange_rate: '2' },
      });
      expect([rate.status, rate.json.code]).toEqual([400, 'INVALID_DATA']);
    });
  });

  describe('/settings/territories', () => {
    it('lists the org’s root territory and reads it by id; an unknown id is 204', async () => {
      const res = await client.get('/crm/v2/settings/territories');
      expect(res.status).toBe(200);
      const [root] = res.json.territories;
      expect(res.json.territories).toEqual([
        {
          id: ID,
          name: (await client.get('/crm/v2/org')).json.org[0].company_name,
          description: null,
          parent_id: null,
          criteria: null,
          manager: ADMIN,
          created_by: ADMIN,
          created_time: TIME,
          modified_by: ADMIN,
          modified_time: TIME,
        },
      ]);
      expect((await client.get(`/crm/v2/settings/territories/${root.id}`)).json).toEqual({
        territories: [root],
      });
      const unknown = await client.get('/crm/v2/settings/territories/3652397999999999999');
      expect([unknown.status, unknown.text]).toEqual([204, '']);
    });
  });

  describe('Zoho APIs the emulator does not serve', () => {
    it.each([
      ['GET', '/crm/v2/actions/watch'],
      ['POST', '/crm/v2/actions/watch'],
      ['GET', '/crm/v2/files?id=abc'],
      ['GET', '/crm/v2/settings/pipeline'],
      ['GET', '/crm/v2/settings/territories/1/__child_territories'],
      ['GET', '/crm/v2/org/unknown_things'],
      ['GET', '/crm/v2/users/1/territories'],
      ['GET', '/crm/v2/Contacts/roles'],
      ['GET', '/crm/v2/Leads/actions/count'],
    ])('answers %s %s with 404 INVALID_URL_PATTERN, not INVALID_MODULE', async (method, url) => {
      const res = await client.request(method, url);
      expect([res.status, res.json]).toEqual([404, INVALID_URL]);
    });

    it('answers a record action it does not serve with 404 INVALID_URL_PATTERN', async () => {
      const lead = (await client.get('/crm/v2/Leads?per_page=1')).json.data[0].id;
      const res = await client.get(`/crm/v2/Leads/${lead}/actions/share`);
      expect([res.status, res.json]).toEqual([404, INVALID_URL]);
    });

    it('answers another method on a served static path with 400 INVALID_REQUEST_METHOD', async () => {
      const res = await client.get('/crm/v2/coql');
      expect([res.status, res.json]).toEqual([400, INVALID_METHOD]);
    });

    it('still answers an unknown module with 400 INVALID_MODULE', async () => {
      for (const url of ['/crm/v2/Widgets', '/crm/v2/Widgets/3652397000000000001']) {
        const res = await client.get(url);
        expect([res.status, res.json?.code]).toEqual([400, 'INVALID_MODULE']);
      }
    });
  });

  it('lists exactly the served routes in the README', async () => {
    const res = await client.get('/__emulator/routes');
    const rows = res.json.routes.map(
      (r: { url: string; methods: string[] }) => `| ${r.methods.join(' ')} | \`${r.url}\` |`,
    );
    const table = ['| methods | path |', '|---|---|', ...rows].join('\n');
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- served-routes:start -->\n([\s\S]*?)\n<!-- served-routes:end -->/.exec(readme)?.[1];
    // On a mismatch, the expected block is printed: paste it between the README's served-routes markers. Cells
    // are compared without the padding prettier adds to align the columns.
    expect(block === undefined ? undefined : unpadded(block)).toBe(table);
  });
});

/** A markdown table without its alignment: cells trimmed, the separator row as `|---|---|`. */
function unpadded(table: string): string {
  return table
    .trim()
    .split('\n')
    .map((row) => {
      const cells = row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return `| ${cells.map((cell) => (/^-+$/.test(cell) ? '---' : cell)).join(' | ')} |`.replace(
        /\| --- \| --- \|/,
        '|---|---|',
      );
    })
    .join('\n');
}
