import { RunningEmulator } from '../../src/emulator';
import { standardModules } from '../../src/emulator/data/standard-modules';
import { obtainTokens, RawClient } from '../support/emulator';
import { lastNames, startQueryEmulator } from './query-fixtures';

/** 2,100 plain leads past the fixtures, for LIMIT/OFFSET windows. */
const BULK = Array.from({ length: 2100 }, (_, i) => ({
  Last_Name: `Bulk ${String(i + 1).padStart(4, '0')}`,
  Full_Name: `Bulk ${String(i + 1).padStart(4, '0')}`,
  Company: 'Bulkco',
}));

const error = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  details,
  message,
  status: 'error',
});
const syntaxError = (details: Record<string, unknown>) =>
  error('SYNTAX_ERROR', 'error occured while parsing the query', details);
const invalidQuery = (details: Record<string, unknown>) =>
  error('INVALID_QUERY', 'invalid query formed', details);
const limitExceeded = (details: Record<string, unknown>) =>
  error('LIMIT_EXCEEDED', 'limit exceeded', details);

describe('POST /coql', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let accounts: string[];
  beforeAll(async () => ({ emulator, client, accounts } = await startQueryEmulator(BULK)));
  afterAll(() => emulator.stop());

  const coql = (select_query: unknown) => client.post('/crm/v2/coql', { select_query });
  const names = async (query: string) => {
    const res = await coql(query);
    expect(res.status === 200 || res.status === 204).toBe(true);
    return lastNames(res);
  };

  describe('results', () => {
    it('returns the selected fields plus id, and info {count, more_records}', async () => {
      const res = await coql("select Last_Name, First_Name from Leads where Last_Name = 'Burns,B'");
      expect(res.status).toBe(200);
      const list = await client.get('/crm/v2/Leads?sort_order=asc&per_page=1');
      expect(res.json).toEqual({
        data: [{ Last_Name: 'Burns,B', First_Name: 'Maria', id: list.json.data[0].id }],
        info: { count: 1, more_records: false },
      });
      expect(Object.keys(res.json.data[0])).toEqual(['Last_Name', 'First_Name', 'id']);
    });

    it('keeps an explicitly selected id where it was asked for, once', async () => {
      const res = await coql("select id, Last_Name from Leads where Last_Name = 'Burns,B'");
      expect(Object.keys(res.json.data[0])).toEqual(['id', 'Last_Name']);
    });

    it('returns lookups as {id} only, nulls for empty fields, date-times in the org offset', async () => {
      const res = await coql(
        "select Last_Name, Account_Name, Owner, Email from Contacts where Last_Name in ('Lee', 'Roe') order by Last_Name",
      );
      const owner = (await client.get('/crm/v2/Contacts?per_page=1')).json.data[0].Owner.id;
      expect(res.json.data.map(({ id: _id, ...rest }: any) => rest)).toEqual([
        { Last_Name: 'Lee', Account_Name: { id: accounts[0] }, Owner: { id: owner }, Email: null },
        { Last_Name: 'Roe', Account_Name: null, Owner: { id: owner }, Email: null },
      ]);
      const created = await coql("select Follow_Up from Leads where Last_Name = 'Ünïcödé'");
      expect(created.json.data[0].Follow_Up).toBe('2024-03-01T05:30:00+05:30');
    });

    it('follows up to two lookup relations with dots, in columns and in criteria', async () => {
      const res = await coql(
        'select Last_Name, Account_Name.Account_Name, Account_Name.Owner.email from Contacts where Account_Name.Employees >= 20 order by Account_Name.Account_Name desc',
      );
      expect(res.json.data.map(({ id: _id, ...rest }: any) => rest)).toEqual([
        {
          Last_Name: 'Lee',
          'Account_Name.Account_Name': 'Zylker',
          'Account_Name.Owner.email': 'patricia.boyle@zylker.com',
        },
        {
          Last_Name: 'Chan',
          'Account_Name.Account_Name': 'Acme (West), Inc',
          'Account_Name.Owner.email': 'patricia.boyle@zylker.com',
        },
      ]);
      expect(
        await names("select Last_Name from Contacts where Owner.last_name = 'BOYLE' order by Last_Name"),
      ).toEqual(['Chan', 'Lee', 'Roe']);
      expect(await names('select Last_Name from Contacts where Account_Name.Account_Name is null')).toEqual([
        'Roe',
      ]);
    });

    it('answers 204 with an empty body when nothing matches', async () => {
      const res = await coql("select Last_Name from Leads where Last_Name = 'Nobody'");
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
    });
  });

  describe('comparators', () => {
    it.each<[string, string[]]>([
      ["Last_Name = 'O''Brien'", ["O'Brien"]],
      [`Last_Name = "O'Brien"`, ["O'Brien"]],
      // [I] Text compares case-insensitively.
      ["Last_Name = 'ünïcödé'", ['Ünïcödé']],
      ["Last_Name = 'Back\\slash'", ['Back\\slash']],
      ["Company = 'Zylker (EU)'", ['Burns,B']],
      ["Company like 'zyl%'", ['Burns,B']],
      ["Company like '%☕'", ['Ünïcödé']],
      ["Company like '%(a)%'", ["O'Brien"]],
      // A % inside the value is literal.
      ["Description like '%100% juice'", ['Ünïcödé']],
      ["(Company not like '%e%' and Lead_Source is not null)", ['Ünïcödé']],
      ["Lead_Source != 'Advertisement'", ['Back\\slash', "O'Brien"]],
      ["Lead_Source in ('Cold Call', 'Trade Show')", ['Back\\slash', "O'Brien"]],
      [
        "(Lead_Source not in ('Cold Call', 'Trade Show') and Lead_Source is not null)",
        ['Burns,B', 'Ünïcödé'],
      ],
      ['Annual_Revenue > 1000', ['Burns,B', 'Ünïcödé']],
      ['Annual_Revenue >= 1000', ['Burns,B', 'Back\\slash', 'Ünïcödé']],
      ['Annual_Revenue < 50000', ['Back\\slash']],
      ["Annual_Revenue <= '50000'", ['Back\\slash', 'Ünïcödé']],
      ['No_of_Employees between 5 and 42', ['Back\\slash', 'Ünïcödé']],
      ['(No_of_Employees not between 5 and 42 and No_of_Employees is not null)', ['Burns,B']],
      [
        "Follow_Up between '2024-01-31T00:00:00+05:30' and '2024-03-01T05:30:00+05:30'",
        ['Back\\slash', 'Ünïcödé'],
      ],
      ["Follow_Up < '2024-01-10T03:30:01Z'", ['Burns,B']],
      ['Email_Opt_Out = true', ['Burns,B']],
      ['(Email_Opt_Out = false and Lead_Source is not null)', ['Back\\slash', 'Ünïcödé', "O'Brien"]],
      ["Hobbies = 'Golf'", ['Back\\slash']],
      ["Hobbies = 'Golf;Chess'", ['Burns,B']],
      ["Hobbies like '%golf%'", ['Burns,B', 'Back\\slash']],
      ["(Email is null and Company != 'Bulkco')", ["O'Brien"]],
      // [I] COQL sees converted leads and records awaiting approval.
      ["Last_Name in ('Converted', 'Pending')", ['Converted', 'Pending']],
      [
        "((Lead_Source = 'Advertisement' and Annual_Revenue > 100000) or Last_Name = 'O''Brien')",
        ['Burns,B', "O'Brien"],
      ],
    ])('where %s', async (condition, expected) => {
      expect(await names(`select Last_Name from Leads where ${condition}`)).toEqual(expected);
    });

    it('compares lookups by id and dates as dates', async () => {
      expect(await names(`select Last_Name from Contacts where Account_Name = '${accounts[1]}'`)).toEqual([
        'Chan',
      ]);
      expect(
        await names(
          `select Last_Name from Contacts where Account_Name in (${accounts[0]}, '${accounts[1]}')`,
        ),
      ).toEqual(['Lee', 'Chan']);
      expect(await names(`select Last_Name from Contacts where Account_Name != ${accounts[0]}`)).toEqual([
        'Chan',
      ]);
      expect(await names("select Last_Name from Contacts where Date_of_Birth < '1990-05-17'")).toEqual([
        'Chan',
      ]);
      expect(
        await names(
          "select Last_Name from Contacts where Date_of_Birth between '1990-05-17' and '2000-01-01'",
        ),
      ).toEqual(['Lee', 'Roe']);
    });

    it('orders by several columns, empty values first ascending, then by id', async () => {
      expect(
        await names(
          "select Last_Name from Leads where (Company != 'Bulkco' or Company is null) order by Lead_Source, Annual_Revenue desc",
        ),
      ).toEqual(['Converted', 'Pending', 'Burns,B', 'Ünïcödé', 'Back\\slash', "O'Brien"]);
      expect(
        await names(
          "select Last_Name from Leads where (Company != 'Bulkco' or Company is null) order by Lead_Source desc, Last_Name asc",
        ),
      ).toEqual(["O'Brien", 'Back\\slash', 'Burns,B', 'Ünïcödé', 'Converted', 'Pending']);
    });
  });

  describe('limit and offset', () => {
    const bulk = "select Last_Name from Leads where Company = 'Bulkco'";

    it('returns 200 rows by default and says more_records', async () => {
      const res = await coql(bulk);
      expect(res.json.info).toEqual({ count: 200, more_records: true });
      expect(lastNames(res)[199]).toBe('Bulk 0200');
    });

    it.each<[string, number, string, boolean]>([
      ['limit 2000', 2000, 'Bulk 0001', true],
      ['limit 2000, 200', 100, 'Bulk 2001', false],
      ['limit 10 offset 2095', 5, 'Bulk 2096', false],
      ['limit 5, 10', 10, 'Bulk 0006', true],
      ['LIMIT 1 OFFSET 0;', 1, 'Bulk 0001', true],
    ])('%s', async (clause, count, first, more) => {
      const res = await coql(`${bulk} ${clause}`);
      expect(res.json.info).toEqual({ count, more_records: more });
      expect(lastNames(res)[0]).toBe(first);
    });

    it('answers 204 past the last record', async () => {
      expect((await coql(`${bulk} limit 2100, 10`)).status).toBe(204);
    });

    it.each<[string, unknown]>([
      ['limit 2001', limitExceeded({ clause: 'limit', limit: 2000 })],
      ['limit 2000 offset 8001', limitExceeded({ clause: 'offset', limit: 10000 })],
      ['limit 9999, 2', limitExceeded({ clause: 'offset', limit: 10000 })],
      ['limit 0', error('INVALID_DATA', 'limit should be greater than 0')],
      ['limit s', invalidQuery({ limit: 's' })],
      ['limit 1.5', invalidQuery({ limit: '1.5' })],
      ['limit 10 offset -1', invalidQuery({ offset: '-1' })],
    ])('%s → error', async (clause, expected) => {
      const res = await coql(`${bulk} ${clause}`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(expected);
    });

    it('allows a window ending exactly at the 10,000th record', async () => {
      expect((await coql(`${bulk} limit 2000 offset 8000`)).status).toBe(204);
    });
  });

  describe('errors', () => {
    it.each<[string, unknown]>([
      ['select * from Leads', syntaxError({ near: '*' })],
      ['select External from Contacts', syntaxError({ near: 'External' })],
      [
        "select Last_Name from Leads where Last_Name = 'a' and First_Name = 'b' and Company = 'c'",
        syntaxError({ near: 'and' }),
      ],
      ["select Last_Name from Leads where Last_Name = 'unterminated", syntaxError({ near: "'unterminated" })],
      ['select Nope from Leads', invalidQuery({ column_name: 'Nope' })],
      ["select Last_Name from Leads where Nope = 'x'", invalidQuery({ column_name: 'Nope' })],
      ['select Last_Name from Leads order by Nope', invalidQuery({ column_name: 'Nope' })],
      ['select Last_Name.Name from Leads', invalidQuery({ column_name: 'Last_Name.Name' })],
      ['select Account_Name.Nope from Contacts', invalidQuery({ column_name: 'Account_Name.Nope' })],
      ['select Product_Details from Quotes', invalidQuery({ column_name: 'Product_Details' })],
      ["select 'External' from Contacts", invalidQuery({ column_name: 'External' })],
      ['select Last_Name from Leadz', invalidQuery({ module: 'Leadz' })],
      [
        'select Account_Name.Parent_Account.Parent_Account.Account_Name from Contacts',
        limitExceeded({ column_name: 'Account_Name.Parent_Account.Parent_Account.Account_Name', limit: 2 }),
      ],
      [
        'select Last_Name, First_Name, Last_Name from Leads',
        error('DUPLICATE_DATA', 'duplicate select column', { column_name: 'Last_Name' }),
      ],
      [
        'select Last_Name, last_name from Leads',
        error('DUPLICATE_DATA', 'duplicate select column', { column_name: 'last_name' }),
      ],
      [
        "select Last_Name from Leads where First_Name > 'a'",
        invalidQuery({ reason: 'invalid operator found', column_name: 'First_Name', operator: '>' }),
      ],
      [
        "select Last_Name from Leads where Annual_Revenue like '1%'",
        invalidQuery({ reason: 'invalid operator found', column_name: 'Annual_Revenue', operator: 'like' }),
      ],
      [
        'select Last_Name from Leads where Email_Opt_Out is null',
        invalidQuery({ reason: 'invalid operator found', column_name: 'Email_Opt_Out', operator: 'is null' }),
      ],
      [
        "select Last_Name from Leads where Annual_Revenue = 'abc'",
        invalidQuery({ column_name: 'Annual_Revenue', value: 'abc', expected_data_type: 'currency' }),
      ],
      [
        'select Last_Name from Leads where Last_Name = 5',
        invalidQuery({ column_name: 'Last_Name', value: '5', expected_data_type: 'text' }),
      ],
      [
        "select Last_Name from Leads where Created_Time > '2024-01-01'",
        invalidQuery({ column_name: 'Created_Time', value: '2024-01-01', expected_data_type: 'datetime' }),
      ],
      [
        "select Last_Name from Contacts where Account_Name = 'Zylker'",
        invalidQuery({ column_name: 'Account_Name', value: 'Zylker', expected_data_type: 'lookup' }),
      ],
    ])('%s', async (query, expected) => {
      const res = await coql(query);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(expected);
    });

    it('allows 50 columns and 25 criteria, refuses 51 and 26', async () => {
      const fieldsOf = (module: string) =>
        standardModules()
          .find((m) => m.api_name === module)!
          .fields.filter((f) => f.api_name !== 'Tag');
      const columns = [
        ...fieldsOf('Contacts').map((f) => f.api_name),
        ...fieldsOf('Accounts').map((f) => `Account_Name.${f.api_name}`),
      ];
      expect(columns.length).toBeGreaterThanOrEqual(51);
      const fifty = await coql(
        `select ${columns.slice(0, 50).join(', ')} from Contacts where Last_Name = 'Lee'`,
      );
      expect(fifty.status).toBe(200);
      expect(Object.keys(fifty.json.data[0])).toHaveLength(51);
      expect(fifty.json.data[0]).toEqual(
        expect.objectContaining({ Last_Name: 'Lee', 'Account_Name.Account_Name': 'Zylker' }),
      );
      const tooMany = await coql(`select ${columns.slice(0, 51).join(', ')} from Contacts`);
      expect(tooMany.json).toEqual(limitExceeded({ clause: 'select', limit: 50 }));

      const nest = (n: number): string =>
        n === 1 ? "Last_Name != 'x'" : `(${nest(n - 1)} and Last_Name != 'x${n}')`;
      const ok = await coql(`select Last_Name from Leads where ${nest(25)} and Company = 'Zylker (EU)'`);
      expect(ok.status).toBe(400);
      expect(ok.json).toEqual(limitExceeded({ clause: 'where', limit: 25 }));
      expect(
        await names(`select Last_Name from Leads where ${nest(24)} and Company = 'Zylker (EU)'`),
      ).toEqual(['Burns,B']);
    });

    it('allows 50 values in an in-list and refuses 51', async () => {
      const list = (n: number) =>
        Array.from({ length: n }, (_, i) => (i === 0 ? "'Burns,B'" : `'n${i}'`)).join(', ');
      expect(await names(`select Last_Name from Leads where Last_Name in (${list(50)})`)).toEqual([
        'Burns,B',
      ]);
      const res = await coql(`select Last_Name from Leads where Last_Name not in (${list(51)})`);
      expect(res.json).toEqual(limitExceeded({ column_name: 'Last_Name', limit: 50 }));
    });

    it('checks the body: select_query present, a string, JSON', async () => {
      const missing = error('MANDATORY_NOT_FOUND', 'mandatory key not found', { api_name: 'select_query' });
      for (const body of [{}, { select_query: null }, { select_query: '  ' }]) {
        const res = await client.post('/crm/v2/coql', body);
        expect(res.status).toBe(400);
        expect(res.json).toEqual(missing);
      }
      expect((await client.post('/crm/v2/coql')).json).toEqual(missing);
      expect((await coql(42)).json).toEqual(
        error('INVALID_DATA', 'invalid data', { api_name: 'select_query', expected_data_type: 'text' }),
      );
      expect((await client.post('/crm/v2/coql', '{not json')).json.code).toBe('INVALID_DATA');
      expect((await client.post('/crm/v2/coql', [1])).json).toEqual(
        error('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }),
      );
    });

    it('accepts a body sent without Content-Type, as the Python SDK sends it', async () => {
      const res = await fetch(`${emulator.url}/crm/v2/coql`, {
        method: 'POST',
        headers: { Authorization: `Zoho-oauthtoken ${client.accessToken}` },
        body: Buffer.from(
          JSON.stringify({ select_query: "select Last_Name from Leads where Last_Name = 'Burns,B'" }),
        ),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).data[0].Last_Name).toBe('Burns,B');
    });

    it('needs ZohoCRM.coql.READ and the module read scope', async () => {
      const noCoql = await obtainTokens(emulator, 'ZohoCRM.modules.ALL');
      const contactsOnly = await obtainTokens(emulator, 'ZohoCRM.coql.READ,ZohoCRM.modules.contacts.READ');
      const query = { select_query: "select Last_Name from Leads where Last_Name = 'Burns,B'" };
      for (const token of [noCoql.access_token, contactsOnly.access_token]) {
        const res = await client.request('POST', '/crm/v2/coql', { token, body: query });
        expect(res.status).toBe(401);
        expect(res.json).toEqual(error('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'));
      }
      const ok = await client.request('POST', '/crm/v2/coql', {
        token: contactsOnly.access_token,
        body: { select_query: "select Last_Name from Contacts where Last_Name = 'Lee'" },
      });
      expect(lastNames(ok)).toEqual(['Lee']);
    });
  });
});
