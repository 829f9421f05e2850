import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient } from '../support/emulator';
import { lastNames, startQueryEmulator } from './query-fixtures';

/** 2,100 plain leads past the fixtures, for paging up to the 2,000-record wall. */
const BULK = Array.from({ length: 2100 }, (_, i) => ({
  Last_Name: `Bulk ${String(i + 1).padStart(4, '0')}`,
  Full_Name: `Bulk ${String(i + 1).padStart(4, '0')}`,
  Company: 'Bulkco',
  Lead_Source: 'Web Download',
}));

const error = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  details,
  message,
  status: 'error',
});
const invalidQuery = (details: Record<string, unknown>) =>
  error('INVALID_QUERY', 'invalid query formed', details);

describe('GET /{module}/search', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let accounts: string[];
  beforeAll(async () => ({ emulator, client, accounts } = await startQueryEmulator(BULK)));
  afterAll(() => emulator.stop());

  const search = (module: string, params: Record<string, string>) =>
    client.get(`/crm/v2/${module}/search?${new URLSearchParams(params).toString()}`);
  const byCriteria = (criteria: string, module = 'Leads') => search(module, { criteria });

  describe('criteria', () => {
    it('answers the list envelope with records rendered as GET renders them', async () => {
      const res = await byCriteria('(Last_Name:equals:Burns\\,B)');
      expect(res.status).toBe(200);
      expect(res.json.info).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
      const one = await client.get(`/crm/v2/Leads/${res.json.data[0].id}`);
      expect(res.json.data).toEqual(one.json.data);
      expect(res.json.data[0]).toEqual(
        expect.objectContaining({
          Last_Name: 'Burns,B',
          Owner: expect.objectContaining({ name: 'Patricia Boyle' }),
        }),
      );
    });

    it.each<[string, string[]]>([
      // [I] equals on text is exact but case-insensitive.
      ['(Last_Name:equals:burns\\,b)', ['Burns,B']],
      ['((Last_Name:equals:Burns\\,B)and(First_Name:starts_with:M))', ['Burns,B']],
      ['((First_Name:starts_with:m)or(Company:equals:café ☕))', ['Burns,B', 'Back\\slash', 'Ünïcödé']],
      [
        '(((First_Name:starts_with:M)and(Lead_Source:equals:Cold Call))or(Last_Name:equals:ÜNÏCÖDÉ))',
        ['Back\\slash', 'Ünïcödé'],
      ],
      ['(Company:equals:Zylker \\(EU\\))', ['Burns,B']],
      ["(Company:starts_with:it's \\(a\\))", ["O'Brien"]],
      ['(Last_Name:equals:Back\\\\slash)', ['Back\\slash']],
      ['(Last_Name:equals:Back\\slash)', ['Back\\slash']],
      ['(Lead_Source:in:Cold Call,Trade Show)', ['Back\\slash', "O'Brien"]],
      ['((Lead_Source:not_equal:Advertisement)and(Company:not_equal:Bulkco))', ['Back\\slash', "O'Brien"]],
      ['(Annual_Revenue:greater_than:1000)', ['Burns,B', 'Ünïcödé']],
      ['(Annual_Revenue:greater_equal:1000)', ['Burns,B', 'Back\\slash', 'Ünïcödé']],
      ['(No_of_Employees:between:5,42)', ['Back\\slash', 'Ünïcödé']],
      ['(No_of_Employees:less_than:42)', ['Back\\slash']],
      ['(No_of_Employees:in:120,5)', ['Burns,B', 'Back\\slash']],
      // Date-times compare as instants: 00:00 UTC is 05:30 in the org's offset.
      ['(Follow_Up:between:2024-01-31T00:00:00+05:30,2024-03-01T05:30:00+05:30)', ['Back\\slash', 'Ünïcödé']],
      ['(Follow_Up:less_than:2024-02-15T13:00:01Z)', ['Burns,B', 'Back\\slash']],
      ['(Follow_Up:equals:2024-03-01T05:30:00+05:30)', ['Ünïcödé']],
      ['(Email_Opt_Out:equals:true)', ['Burns,B']],
      // [I] An unset boolean reads as false.
      ['((Email_Opt_Out:equals:false)and(Lead_Source:equals:Advertisement))', ['Ünïcödé']],
      ['(Hobbies:equals:Golf)', ['Back\\slash']],
      ['(Hobbies:equals:golf;Chess)', ['Burns,B']],
      ['(Hobbies:starts_with:chess)', ['Burns,B']],
    ])('%s', async (criteria, expected) => {
      const res = await byCriteria(criteria);
      expect(res.status).toBe(200);
      expect(lastNames(res)).toEqual(expected);
    });

    it('matches lookups by id or by name, and dates as dates', async () => {
      expect(lastNames(await byCriteria(`(Account_Name:equals:${accounts[0]})`, 'Contacts'))).toEqual([
        'Lee',
      ]);
      expect(lastNames(await byCriteria('(Account_Name:equals:acme \\(west\\)\\, inc)', 'Contacts'))).toEqual(
        ['Chan'],
      );
      expect(lastNames(await byCriteria(`(Account_Name:in:${accounts[1]},Zylker)`, 'Contacts'))).toEqual([
        'Lee',
        'Chan',
      ]);
      expect(lastNames(await byCriteria(`(Account_Name:not_equal:${accounts[0]})`, 'Contacts'))).toEqual([
        'Chan',
      ]);
      expect(lastNames(await byCriteria('(Date_of_Birth:less_than:1990-05-17)', 'Contacts'))).toEqual([
        'Chan',
      ]);
      expect(lastNames(await byCriteria('(Date_of_Birth:greater_equal:1990-05-17)', 'Contacts'))).toEqual([
        'Lee',
        'Roe',
      ]);
      for (const owner of ['PATRICIA.BOYLE@zylker.com', 'patricia boyle']) {
        expect(lastNames(await byCriteria(`(Owner:equals:${owner})`, 'Contacts'))).toEqual([
          'Lee',
          'Chan',
          'Roe',
        ]);
      }
      expect((await byCriteria('(Owner:equals:someone else)', 'Contacts')).status).toBe(204);
      const rendered = (await byCriteria(`(Account_Name:equals:${accounts[0]})`, 'Contacts')).json.data[0];
      expect(rendered.Account_Name).toEqual({ name: 'Zylker', id: accounts[0] });
    });

    it('answers 204 with an empty body when nothing matches', async () => {
      const res = await byCriteria('(Last_Name:equals:Nobody)');
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
    });
  });

  describe('email, phone, word and their precedence', () => {
    it.each<[Record<string, string>, string[]]>([
      [{ email: 'MIKE@acme.com' }, ['Back\\slash']],
      [{ email: 'm@home.org' }, ['Back\\slash']],
      [{ phone: '+1 555 010 0001' }, ['Burns,B']],
      [{ phone: '555-0102' }, ['Back\\slash']],
      [{ phone: '555-1000' }, []],
      [{ word: 'zylk' }, ['Burns,B']],
      [{ word: '100% JUICE' }, ['Ünïcödé']],
      [{ word: " o'br " }, ["O'Brien"]],
      // criteria > email > phone > word.
      [
        { word: 'zylk', phone: '555-0102', email: 'zoe@cafe.fr', criteria: '(First_Name:equals:Sean)' },
        ["O'Brien"],
      ],
      [{ word: 'zylk', phone: '555-0102', email: 'zoe@cafe.fr' }, ['Ünïcödé']],
      [{ word: 'zylk', phone: '555-0102' }, ['Back\\slash']],
      [{ word: 'zylk', criteria: '' }, ['Burns,B']],
    ])('%j', async (params, expected) => {
      const res = await search('Leads', params);
      if (expected.length === 0) expect(res.status).toBe(204);
      else expect(lastNames(res)).toEqual(expected);
    });

    it('finds phones in any phone field of the module', async () => {
      expect(
        (await search('Accounts', { phone: '5551000' })).json.data.map((r: any) => r.Account_Name),
      ).toEqual(['Zylker']);
    });
  });

  describe('converted and approved', () => {
    it('hides converted leads unless converted=true|both', async () => {
      expect((await search('Leads', { email: 'conv@example.com' })).status).toBe(204);
      expect(lastNames(await search('Leads', { email: 'conv@example.com', converted: 'true' }))).toEqual([
        'Converted',
      ]);
      expect(lastNames(await search('Leads', { word: 'example.com', converted: 'both' }))).toEqual([
        'Converted',
      ]);
    });

    it('hides records awaiting approval unless approved=false|both', async () => {
      expect((await search('Leads', { email: 'pending@example.com' })).status).toBe(204);
      expect(lastNames(await search('Leads', { email: 'pending@example.com', approved: 'false' }))).toEqual([
        'Pending',
      ]);
      expect(lastNames(await search('Leads', { word: 'example.com', approved: 'both' }))).toEqual([
        'Pending',
      ]);
    });
  });

  describe('paging and the 2,000-record wall', () => {
    const bulk = (params: Record<string, string>) =>
      search('Leads', { criteria: '(Company:equals:Bulkco)', ...params });

    it('pages through matches with info.more_records', async () => {
      const first = await bulk({});
      expect(first.json.info).toEqual({ per_page: 200, count: 200, page: 1, more_records: true });
      expect(lastNames(first)[0]).toBe('Bulk 0001');
      const tenth = await bulk({ page: '10', per_page: '200' });
      expect(tenth.json.info).toEqual({ per_page: 200, count: 200, page: 10, more_records: true });
      expect(lastNames(tenth)[199]).toBe('Bulk 2000');
      const small = await bulk({ page: '13', per_page: '150' });
      expect(lastNames(small)).toHaveLength(150);
      expect(lastNames(small)[0]).toBe('Bulk 1801');
    });

    it.each([
      { page: '11', per_page: '200' },
      { page: '14', per_page: '150' },
      { page: '2001', per_page: '1' },
    ])('refuses %j with LIMIT_REACHED', async (params) => {
      const res = await bulk(params);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(
        error('LIMIT_REACHED', 'Maximum response iteration limit reached', { limit: '2000' }),
      );
    });

    it('clamps per_page to 200, so page 10 of per_page=1000 is still inside the wall', async () => {
      const res = await bulk({ page: '10', per_page: '1000' });
      expect(res.json.info).toEqual(expect.objectContaining({ per_page: 200, page: 10, count: 200 }));
    });
  });

  describe('errors', () => {
    it('needs one of criteria, email, phone, word', async () => {
      for (const params of [{}, { criteria: '' }, { page: '1' }] as Array<Record<string, string>>) {
        const res = await search('Leads', params);
        expect(res.status).toBe(400);
        expect(res.json).toEqual(
          error('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
            param_names: ['criteria', 'email', 'phone', 'word'],
          }),
        );
      }
    });

    it.each<[string, Record<string, unknown>]>([
      ['(Last_Name:equals:Burns', { reason: 'criteria is malformed', position: 23 }],
      ['Last_Name:equals:Burns', { reason: 'criteria is malformed', position: 0 }],
      ['(Nope:equals:x)', { api_name: 'Nope', reason: 'the field is not available for search' }],
      [
        '(Product_Details:equals:x)',
        { api_name: 'Product_Details', reason: 'the field is not available for search' },
      ],
      [
        '(Email:greater_than:a)',
        { api_name: 'Email', operator: 'greater_than', reason: 'invalid operator found' },
      ],
      [
        '(Last_Name:contains:x)',
        { api_name: 'Last_Name', operator: 'contains', reason: 'invalid operator found' },
      ],
      [
        '(Lead_Source:starts_with:Adv)',
        { api_name: 'Lead_Source', operator: 'starts_with', reason: 'invalid operator found' },
      ],
      ['(Description:in:a,b)', { api_name: 'Description', operator: 'in', reason: 'invalid operator found' }],
      [
        '(Email_Opt_Out:greater_than:true)',
        { api_name: 'Email_Opt_Out', operator: 'greater_than', reason: 'invalid operator found' },
      ],
      [
        '(Annual_Revenue:equals:abc)',
        {
          api_name: 'Annual_Revenue',
          value: 'abc',
          expected_data_type: 'currency',
          reason: 'invalid value for search',
        },
      ],
      [
        '(Created_Time:equals:2024-01-01)',
        {
          api_name: 'Created_Time',
          value: '2024-01-01',
          expected_data_type: 'datetime',
          reason: 'invalid value for search',
        },
      ],
      [
        '(Email_Opt_Out:equals:yes)',
        {
          api_name: 'Email_Opt_Out',
          value: 'yes',
          expected_data_type: 'boolean',
          reason: 'invalid value for search',
        },
      ],
      [
        '(No_of_Employees:between:5)',
        { api_name: 'No_of_Employees', operator: 'between', reason: 'invalid value for search' },
      ],
      [
        '(Last_Name:equals:Burns,B)',
        { api_name: 'Last_Name', operator: 'equals', reason: 'invalid value for search' },
      ],
      ['(Last_Name:equals:)', { api_name: 'Last_Name', value: '', reason: 'invalid value for search' }],
      [
        `(Last_Name:in:${Array.from({ length: 101 }, (_, i) => `n${i}`).join(',')})`,
        { api_name: 'Last_Name', reason: 'Only 100 values are allowed in "IN" criteria' },
      ],
    ])('%s → INVALID_QUERY', async (criteria, details) => {
      const res = await byCriteria(criteria);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(invalidQuery(details));
    });

    it('allows 10 criteria and refuses 11', async () => {
      const criteria = (n: number) =>
        `(${Array.from({ length: n }, () => '(Last_Name:starts_with:B)').join('or')})`;
      expect(lastNames(await byCriteria(criteria(10)))).toEqual([
        'Burns,B',
        'Back\\slash',
        ...BULK.slice(0, 198).map((b) => b.Last_Name),
      ]);
      const res = await byCriteria(criteria(11));
      expect(res.status).toBe(400);
      expect(res.json).toEqual(
        error('CRITERIA_LIMIT_EXCEEDED', 'no of criterium that can be given exceed the limit 10'),
      );
    });

    it('checks email, phone and word values', async () => {
      expect((await search('Leads', { email: 'not-an-email' })).json).toEqual(
        invalidQuery({ param_name: 'email' }),
      );
      expect((await search('Leads', { phone: '(-)' })).json).toEqual(invalidQuery({ param_name: 'phone' }));
      for (const word of ['a', ' b ']) {
        const res = await search('Leads', { word });
        expect(res.status).toBe(400);
        expect(res.json).toEqual(
          error('INVALID_DATA', 'provide atleast 2 letters for search', { param_name: 'word' }),
        );
      }
    });

    it('answers INVALID_MODULE for an unknown module', async () => {
      const res = await search('Nope', { word: 'zylker' });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('INVALID_MODULE');
    });

    it('needs the module read scope and ZohoSearch.securesearch.READ', async () => {
      const noSearch = await obtainTokens(emulator, 'ZohoCRM.modules.ALL');
      const contactsOnly = await obtainTokens(
        emulator,
        'ZohoCRM.modules.contacts.READ,ZohoSearch.securesearch.READ',
      );
      const path = '/crm/v2/Leads/search?word=zylker';
      for (const token of [noSearch.access_token, contactsOnly.access_token]) {
        const res = await client.request('GET', path, { token });
        expect(res.status).toBe(401);
        expect(res.json).toEqual(error('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'));
      }
      const ok = await client.request('GET', '/crm/v2/Contacts/search?word=lee', {
        token: contactsOnly.access_token,
      });
      expect(lastNames(ok)).toEqual(['Lee']);
    });
  });
});
