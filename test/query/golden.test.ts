import {
  Between,
  buildQuery,
  compileCoql,
  compileQuery,
  compileSearch,
  CompiledQuery,
  In,
  IsNull,
  keysetAfter,
  LessThan,
  LessThanOrEqual,
  Like,
  MoreThan,
  MoreThanOrEqual,
  Not,
  planQuery,
  QueryCompileException,
} from './support/query-api';
import { Account, Deal, Invoice, Lead } from './support/models';
import { QueryFixture, startQueryEmulator } from './support/query-emulator';

/**
 * Compiler golden tests: each query's compiled text is asserted exactly, then the text is run on the
 * emulator over raw HTTP and the matching records are asserted.
 */
let fx: QueryFixture;
beforeAll(async () => {
  fx = await startQueryEmulator();
});
afterAll(() => fx.emulator.stop());

/** The names (fixture keys) of the records a compiled query returns. */
async function namesOf(query: CompiledQuery): Promise<string[]> {
  const byId = new Map(Object.entries(fx.ids[query.module] ?? {}).map(([name, id]) => [id, name]));
  const records = await fx.run(query);
  return records.map((r) => byId.get(r.id) ?? `?${r.id}`);
}

interface Golden {
  backend: CompiledQuery['backend'];
  text: string;
  /** Records in the order returned. */
  names: string[];
}

async function golden(query: CompiledQuery, expected: Golden): Promise<void> {
  expect({ backend: query.backend, text: query.text }).toEqual({
    backend: expected.backend,
    text: expected.text,
  });
  expect(await namesOf(query)).toEqual(expected.names);
}

const LEAD_COLUMNS =
  'First_Name, Last_Name, Company, Email, Lead_Source, Annual_Revenue, No_of_Employees, Email_Opt_Out, Hobbies, ' +
  'Follow_Up, Description, Probe, Owner, Created_Time, Modified_Time, Created_By, Modified_By';
const ALL_LEADS = ['Burns,B', 'Back\\slash', 'Ünïcödé', "O'Brien", 'Nobody'];

describe('list API (no filter)', () => {
  it('reads every record in id order, a full page at a time', async () => {
    const query = compileQuery(Lead, {});
    expect(query).toMatchObject({
      method: 'GET',
      path: 'Leads',
      params: { sort_order: 'asc', page: 1, per_page: 200 },
    });
    await golden(query, {
      backend: 'list',
      text: 'GET Leads?sort_order=asc&page=1&per_page=200',
      names: ALL_LEADS,
    });
  });

  it('sorts by one field with take as the page size', async () => {
    await golden(compileQuery(Lead, { order: { lastName: 'DESC' }, take: 2 }), {
      backend: 'list',
      text: 'GET Leads?sort_by=Last_Name&sort_order=desc&page=1&per_page=2',
      names: ['Ünïcödé', "O'Brien"],
    });
  });

  it('selects fields and turns skip into a page', async () => {
    const query = compileQuery(Lead, { select: ['lastName', 'company'], take: 2, skip: 2 });
    await golden(query, {
      backend: 'list',
      text: 'GET Leads?fields=Last_Name%2CCompany&sort_order=asc&page=2&per_page=2',
      names: ['Ünïcödé', "O'Brien"],
    });
    expect(Object.keys((await fx.run(query))[0]).sort()).toEqual(
      expect.arrayContaining(['Company', 'Last_Name', 'id']),
    );
  });
});

describe('search criteria (simple bounded filters)', () => {
  it.each<[string, () => CompiledQuery, string, string[]]>([
    [
      'escapes a comma',
      () => compileQuery(Lead, { where: { lastName: 'Burns,B' }, take: 10 }),
      '(Last_Name:equals:Burns\\,B)',
      ['Burns,B'],
    ],
    [
      'escapes brackets',
      () => compileQuery(Lead, { where: { company: "it's (a) test" }, take: 10 }),
      "(Company:equals:it's \\(a\\) test)",
      ["O'Brien"],
    ],
    [
      'escapes a backslash',
      () => compileQuery(Lead, { where: { lastName: 'Back\\slash' }, take: 1 }),
      '(Last_Name:equals:Back\\\\slash)',
      ['Back\\slash'],
    ],
    [
      'matches unicode ignoring case',
      () => compileQuery(Lead, { where: { lastName: 'ÜNÏCÖDÉ' }, take: 1 }),
      '(Last_Name:equals:ÜNÏCÖDÉ)',
      ['Ünïcödé'],
    ],
    [
      'ANDs a picklist "in" with a number comparison',
      () =>
        compileQuery(Lead, {
          where: { leadSource: In(['Cold Call', 'Trade Show']), employees: MoreThan(1) },
          take: 10,
        }),
      '((Lead_Source:in:Cold Call,Trade Show)and(No_of_Employees:greater_than:1))',
      ['Back\\slash'],
    ],
    [
      'turns a prefix Like into starts_with',
      () => compileQuery(Lead, { where: { lastName: Like('Ün%') }, take: 5 }),
      '(Last_Name:starts_with:Ün)',
      ['Ünïcödé'],
    ],
    [
      'writes date-times with their offset; a Date in UTC',
      () =>
        compileQuery(Lead, {
          where: { followUp: Between(new Date('2024-01-31T00:00:00+05:30'), '2024-03-01T05:30:00+05:30') },
          take: 10,
        }),
      '(Follow_Up:between:2024-01-30T18:30:00+00:00,2024-03-01T05:30:00+05:30)',
      ['Back\\slash', 'Ünïcödé'],
    ],
    [
      'rounds a Date with milliseconds so >= keeps its meaning',
      () =>
        compileQuery(Lead, {
          where: { followUp: MoreThanOrEqual(new Date('2024-03-01T00:00:00.500Z')) },
          take: 10,
        }),
      '(Follow_Up:greater_equal:2024-03-01T00:00:01+00:00)',
      ["O'Brien"],
    ],
    [
      'types booleans',
      () => compileQuery(Lead, { where: { emailOptOut: true }, take: 10 }),
      '(Email_Opt_Out:equals:true)',
      ['Burns,B'],
    ],
    [
      'joins a multi-select list with ;',
      () => compileQuery(Lead, { where: { hobbies: ['Golf', 'Chess'] }, take: 10 }),
      '(Hobbies:equals:Golf;Chess)',
      ['Burns,B'],
    ],
    [
      'ORs an array of objects',
      () =>
        compileQuery(Lead, {
          where: [{ leadSource: 'Trade Show' }, { annualRevenue: MoreThan(100000) }],
          take: 10,
        }),
      '((Lead_Source:equals:Trade Show)or(Annual_Revenue:greater_than:100000))',
      ['Burns,B', "O'Brien"],
    ],
    [
      'nests AND groups inside OR',
      () =>
        compileQuery(Lead, {
          where: [{ leadSource: 'Advertisement', employees: LessThan(100) }, { leadSource: 'Cold Call' }],
          take: 10,
        }),
      '(((Lead_Source:equals:Advertisement)and(No_of_Employees:less_than:100))or(Lead_Source:equals:Cold Call))',
      ['Back\\slash', 'Ünïcödé'],
    ],
  ])('%s', async (_title, make, text, names) => {
    await golden(make(), { backend: 'search', text, names });
  });

  it('filters lookups by id and dates as YYYY-MM-DD', async () => {
    const zylker = fx.ids.Accounts.Zylker;
    const byAccount = compileQuery(Deal, { where: { account: { id: zylker } }, take: 10 });
    await golden(byAccount, {
      backend: 'search',
      text: `(Account_Name:equals:${zylker})`,
      names: ['Big deal'],
    });
    const byDate = compileQuery(Deal, {
      where: { closingDate: LessThan('2024-01-31'), amount: MoreThanOrEqual(500) },
      take: 10,
    });
    await golden(byDate, {
      backend: 'search',
      text: '((Closing_Date:less_than:2024-01-31)and(Amount:greater_equal:500))',
      names: ['Small deal', 'Lost deal'],
    });
  });

  it('sends page and per_page from skip and take', async () => {
    const query = compileQuery(Deal, { where: { amount: MoreThan(0) }, take: 1, skip: 1 });
    expect(query.params).toEqual({ criteria: '(Amount:greater_than:0)', page: 2, per_page: 1 });
    expect(await namesOf(query)).toEqual(['Small deal']);
  });
});

describe('COQL (the rest)', () => {
  it('runs the issue example: In + MoreThan, ordered by created time, bracketed', async () => {
    const query = compileQuery(Invoice, {
      where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(1000) },
      order: { createdTime: 'DESC' },
      take: 50,
    });
    await golden(query, {
      backend: 'coql',
      text:
        'select Subject, Status, Due_Date, Account_Name, Grand_Total, Owner, Created_Time, Modified_Time, Created_By, Modified_By ' +
        "from Invoices where (Status in ('Created', 'Approved') and Grand_Total > 1000) order by Created_Time desc limit 50",
      names: ['Big approved', 'Q3 licences'],
    });
    expect(query.body).toEqual({ select_query: query.text });
  });

  it.each<[string, () => CompiledQuery, string, string[]]>([
    [
      'contains, with brackets inside the quotes',
      () => compileQuery(Lead, { where: { company: Like('%(a)%') } }),
      "where Company like '%(a)%' limit 200",
      ["O'Brien"],
    ],
    [
      'ends with',
      () => compileQuery(Lead, { where: { lastName: Like('%SLASH') } }),
      "where Last_Name like '%SLASH' limit 200",
      ['Back\\slash'],
    ],
    [
      'doubles a quote',
      () => compileQuery(Lead, { where: { lastName: "O'Brien" } }),
      "where Last_Name = 'O''Brien' limit 200",
      ["O'Brien"],
    ],
    [
      'is null',
      () => compileQuery(Lead, { where: { company: IsNull() }, take: 5 }),
      'where Company is null limit 5',
      ['Nobody'],
    ],
    [
      'not in leaves empty fields out',
      () => compileQuery(Lead, { where: { leadSource: Not(In(['Advertisement'])) }, take: 10 }),
      "where Lead_Source not in ('Advertisement') limit 10",
      ['Back\\slash', "O'Brien"],
    ],
    [
      'text equality with another condition (search would match it as "contains")',
      () => compileQuery(Lead, { where: { lastName: 'Burns,B', company: 'Zylker (EU)' }, take: 10 }),
      "where (Last_Name = 'Burns,B' and Company = 'Zylker (EU)') limit 10",
      ['Burns,B'],
    ],
    [
      'three conditions bracketed pairwise, ordered',
      () =>
        compileQuery(Lead, {
          where: {
            leadSource: 'Advertisement',
            employees: MoreThan(10),
            annualRevenue: LessThanOrEqual(100000),
          },
          order: { lastName: 'ASC' },
          take: 5,
        }),
      "where ((Lead_Source = 'Advertisement' and No_of_Employees > 10) and Annual_Revenue <= 100000) order by Last_Name asc limit 5",
      ['Ünïcödé'],
    ],
    [
      'an OR of an AND group and a comparison',
      () =>
        compileQuery(Lead, {
          where: [{ leadSource: 'Advertisement', emailOptOut: false }, { company: Like('acme%') }],
        }),
      "where ((Lead_Source = 'Advertisement' and Email_Opt_Out = false) or Company like 'acme%') limit 200",
      ['Back\\slash', 'Ünïcödé'],
    ],
    [
      'a decimal without exponent',
      () =>
        compileQuery(Lead, { where: { annualRevenue: Not(MoreThan(250000.5)), employees: In([120, 42]) } }),
      'where (Annual_Revenue <= 250000.5 and No_of_Employees in (120, 42)) limit 200',
      ['Burns,B', 'Ünïcödé'],
    ],
  ])('%s', async (_title, make, where, names) => {
    await golden(make(), { backend: 'coql', text: `select ${LEAD_COLUMNS} from Leads ${where}`, names });
  });

  it('selects, orders and skips with limit offset, count', async () => {
    const query = compileQuery(Lead, {
      select: ['lastName', 'employees'],
      where: { employees: Not(IsNull()) },
      order: { employees: 'DESC' },
      take: 2,
      skip: 1,
    });
    await golden(query, {
      backend: 'coql',
      text: 'select Last_Name, No_of_Employees from Leads where No_of_Employees is not null order by No_of_Employees desc limit 1, 2',
      names: ['Ünïcödé', 'Back\\slash'],
    });
    expect(Object.keys((await fx.run(query))[0])).toEqual(['Last_Name', 'No_of_Employees', 'id']);
  });

  it('negates between, and compares dates', async () => {
    const query = compileQuery(Deal, {
      where: { amount: Not(Between(1000, 50000)), closingDate: MoreThan('2024-01-01') },
    });
    expect(query.backend).toBe('coql');
    expect(query.text).toMatch(
      / where \(Amount not between 1000 and 50000 and Closing_Date > '2024-01-01'\) limit 200$/,
    );
    expect(await namesOf(query)).toEqual(['Big deal', 'Small deal']);
  });

  it('filters on owner and lookup ids (unquoted numbers)', async () => {
    const [lead] = await fx.run(compileQuery(Lead, { take: 1 }));
    const ownerId = lead.Owner.id as string;
    const query = compileQuery(Lead, { select: ['lastName'], where: { owner: ownerId } });
    await golden(query, {
      backend: 'coql',
      text: `select Last_Name from Leads where Owner = ${ownerId} limit 200`,
      names: ALL_LEADS,
    });
    const acme = fx.ids.Accounts.Acme;
    const deals = compileQuery(Deal, {
      select: ['name'],
      where: { account: Not(In([acme])), amount: MoreThan(0) },
    });
    await golden(deals, {
      backend: 'coql',
      text: `select Deal_Name from Deals where (Account_Name not in (${acme}) and Amount > 0) limit 200`,
      names: ['Big deal'],
    });
  });

  it('pages past the offset window by id (keyset)', async () => {
    const node = buildQuery(Lead, { select: ['lastName'], where: { leadSource: Not(IsNull()) } });
    const after = keysetAfter(node, fx.ids.Leads['Back\\slash']);
    const query = planQuery(after, { pageSize: 2000 });
    await golden(query, {
      backend: 'coql',
      text: `select Last_Name from Leads where (Lead_Source is not null and id > ${fx.ids.Leads['Back\\slash']}) order by id asc limit 2000`,
      names: ['Ünïcödé', "O'Brien"],
    });
  });

  it('quotes a field named like a reserved word', async () => {
    const query = compileQuery(Account, {
      select: ['name', 'external'],
      where: { external: 'YES', employees: MoreThan(100) },
    });
    await golden(query, {
      backend: 'coql',
      text: "select Account_Name, 'External' from Accounts where ('External' = 'YES' and Employees > 100) limit 200",
      names: ['Zylker'],
    });
    expect((await fx.run(query))[0]).toEqual(
      expect.objectContaining({ Account_Name: 'Zylker', External: 'yes' }),
    );
  });
});

describe("Zoho's limits: the largest query allowed runs on the emulator, one more is refused before sending", () => {
  const sources = Array.from({ length: 30 }, (_, i) => `Source ${i}`);

  it('search: 10 criteria', async () => {
    const ten = sources.slice(0, 10).map((s) => ({ leadSource: s }));
    const query = compileSearch(
      buildQuery(Lead, { where: [...ten.slice(0, 9), { leadSource: 'Trade Show' }], take: 10 }),
    );
    expect(await namesOf(query)).toEqual(["O'Brien"]);
    expect(() =>
      compileSearch(
        buildQuery(Lead, { where: sources.slice(0, 11).map((s) => ({ leadSource: s })), take: 10 }),
      ),
    ).toThrow(
      expect.objectContaining({
        errorCode: 'QUERY_LIMIT_EXCEEDED',
        errorDetails: { limit: 'SEARCH_CRITERIA', max: 10, actual: 11 },
      }),
    );
  });

  it('search: 100 values in "in"', async () => {
    const values = [...Array.from({ length: 99 }, (_, i) => `V${i}`), 'Cold Call'];
    expect(
      await namesOf(compileSearch(buildQuery(Lead, { where: { leadSource: In(values) }, take: 10 }))),
    ).toEqual(['Back\\slash']);
    expect(() =>
      compileSearch(buildQuery(Lead, { where: { leadSource: In([...values, 'x']) }, take: 10 })),
    ).toThrow(
      expect.objectContaining({ errorDetails: { limit: 'SEARCH_IN_VALUES', max: 100, actual: 101 } }),
    );
  });

  it('search: 2,000 records by page × per_page', async () => {
    const ok = compileSearch(buildQuery(Lead, { where: { leadSource: 'Cold Call' }, take: 200, skip: 1800 }));
    expect(ok.params).toMatchObject({ page: 10, per_page: 200 });
    expect((await fx.send(ok)).status).toBe(204);
    expect(() =>
      compileSearch(buildQuery(Lead, { where: { leadSource: 'Cold Call' }, take: 200, skip: 2000 })),
    ).toThrow(
      expect.objectContaining({ errorDetails: { limit: 'SEARCH_RECORDS', max: 2000, actual: 2200 } }),
    );
  });

  it('COQL: 25 comparisons', async () => {
    const where = [...sources.slice(0, 24).map((s) => ({ leadSource: s })), { leadSource: 'Cold Call' }];
    const query = compileCoql(buildQuery(Lead, { select: ['lastName'], where }));
    expect(query.text.match(/ or /g)).toHaveLength(24);
    expect(await namesOf(query)).toEqual(['Back\\slash']);
    expect(() => compileCoql(buildQuery(Lead, { where: [...where, { leadSource: 'x' }] }))).toThrow(
      expect.objectContaining({ errorDetails: { limit: 'COQL_CRITERIA', max: 25, actual: 26 } }),
    );
  });

  it('COQL: 50 values in "in"', async () => {
    const values = [...sources, ...sources.slice(0, 19), 'Cold Call'];
    expect(values).toHaveLength(50);
    const query = compileCoql(buildQuery(Lead, { select: ['lastName'], where: { leadSource: In(values) } }));
    expect(await namesOf(query)).toEqual(['Back\\slash']);
    expect(() => compileCoql(buildQuery(Lead, { where: { leadSource: In([...values, 'x']) } }))).toThrow(
      expect.objectContaining({ errorDetails: { limit: 'COQL_IN_VALUES', max: 50, actual: 51 } }),
    );
  });

  it('COQL: limit 2,000 per call and offset + limit 10,000', async () => {
    const at = (skip: number, pageSize: number) =>
      compileCoql(buildQuery(Lead, { select: ['lastName'], skip }), { pageSize });
    expect((await fx.send(at(8000, 2000))).status).toBe(204);
    expect(() => at(0, 2001)).toThrow(
      expect.objectContaining({ errorDetails: { limit: 'COQL_LIMIT', max: 2000, actual: 2001 } }),
    );
    expect(() => at(8001, 2000)).toThrow(
      expect.objectContaining({ errorDetails: { limit: 'COQL_OFFSET', max: 10000, actual: 10001 } }),
    );
  });

  it('the planner falls back to COQL when search cannot, and the error names the limit when nothing can', () => {
    const many = Array.from({ length: 60 }, (_, i) => `S${i}`);
    // 60 values: over COQL's 50 (search would take them, but the query is unbounded).
    expect(() => compileQuery(Lead, { where: { leadSource: In(many) } })).toThrow(QueryCompileException);
    expect(() => compileQuery(Lead, { where: { leadSource: In(many) } })).toThrow(
      /at most 50 values.*COQL_IN_VALUES/,
    );
    // Bounded, it fits search.
    expect(compileQuery(Lead, { where: { leadSource: In(many) }, take: 10 }).backend).toBe('search');
  });
});
