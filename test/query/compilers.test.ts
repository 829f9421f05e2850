import { CrmModule, defineModel, Field } from '../../decorators';
import {
  backendUnsuitability,
  FindManyOptions,
  buildQuery,
  compileCoql,
  compileListParams,
  compileQuery,
  compileSearch,
  compileSearchCriteria,
  coqlName,
  escapeCriteriaValue,
  In,
  IsNull,
  keysetAfter,
  Like,
  MoreThan,
  Not,
  planQuery,
  QUERY_LIMITS,
  QueryCompileException,
  quoteCoqlString,
} from './support/query-api';
import { Deal, Invoice, Lead } from './support/models';

type Opts = FindManyOptions<Lead>;
const node = (options: Opts) => buildQuery(Lead, options);

/** Expects a QueryCompileException with `code` whose message contains `text`. */
function rejects(fn: () => unknown, code: string, text: string | RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(QueryCompileException);
  expect(error).toMatchObject({ errorCode: code, statusCode: 0 });
  if (typeof text === 'string') expect((error as Error).message).toContain(text);
  else expect((error as Error).message).toMatch(text);
}

describe('escaping', () => {
  it.each<[string, string]>([
    ['Burns,B', 'Burns\\,B'],
    ['Zylker (EU)', 'Zylker \\(EU\\)'],
    ['K\\', 'K\\\\'],
    ['a\\,b', 'a\\\\\\,b'],
    ["it's: 100% & more", "it's: 100% & more"],
  ])('criteria value %j → %j', (value, escaped) => {
    expect(escapeCriteriaValue(value)).toBe(escaped);
  });

  it.each<[string, string]>([
    ["O'Brien", "'O''Brien'"],
    ["''", "''''''"],
    ['a\\b (c), %', "'a\\b (c), %'"],
  ])('COQL string %j → %j', (value, quoted) => {
    expect(quoteCoqlString(value)).toBe(quoted);
  });

  it('quotes API names that are COQL keywords, whatever their case', () => {
    expect(coqlName('Last_Name')).toBe('Last_Name');
    expect(coqlName('External')).toBe("'External'");
    expect(coqlName('order')).toBe("'order'");
    expect(coqlName('Orders')).toBe('Orders');
  });
});

describe('list parameters', () => {
  it('pages by take, sorts ascending by id unless told', () => {
    expect(compileListParams(node({ take: 30, skip: 60 })).params).toEqual({
      sort_order: 'asc',
      page: 3,
      per_page: 30,
    });
    expect(compileListParams(node({ order: { createdTime: 'DESC' } })).params).toEqual({
      sort_by: 'Created_Time',
      sort_order: 'desc',
      page: 1,
      per_page: 200,
    });
  });

  it('asks for one page of at most 200 when more records are wanted', () => {
    expect(compileListParams(node({ take: 500 }))).toMatchObject({
      params: { per_page: 200, page: 1 },
      offset: 0,
      limit: 200,
    });
    expect(compileListParams(node({}), { pageSize: 50 }).params).toMatchObject({ per_page: 50 });
  });

  it('refuses what it cannot run, saying why', () => {
    rejects(
      () => compileListParams(node({ where: { lastName: 'x' } })),
      'QUERY_BACKEND_UNSUITABLE',
      'The list API cannot run this query: it cannot filter',
    );
    rejects(
      () => compileListParams(node({ order: { lastName: 'ASC', company: 'ASC' } })),
      'QUERY_BACKEND_UNSUITABLE',
      'it sorts by one field, this query by 2',
    );
    rejects(
      () => compileListParams(node({ take: 30, skip: 10 })),
      'QUERY_BACKEND_UNSUITABLE',
      'skip (10) is not a multiple of the page size (30)',
    );
    rejects(
      () => compileListParams(node({}), { pageSize: 201 }),
      'QUERY_LIMIT_EXCEEDED',
      'a page holds at most 200 records (per_page ≤ 200), this query needs 201 (limit PER_PAGE)',
    );
    rejects(
      () => compileListParams(node({}), { pageSize: 0 }),
      'INVALID_QUERY_OPTION',
      'pageSize: must be a positive integer',
    );
  });
});

describe('search criteria', () => {
  const criteria = (where: Opts['where']) => compileSearchCriteria(node({ where }).where!);

  it('brackets every condition and group, joins with and/or', () => {
    expect(criteria({ leadSource: 'A' })).toBe('(Lead_Source:equals:A)');
    expect(criteria({ leadSource: 'A', employees: 1 })).toBe(
      '((Lead_Source:equals:A)and(No_of_Employees:equals:1))',
    );
    expect(criteria([{ leadSource: 'A', employees: 1 }, { employees: In([2, 3]) }])).toBe(
      '(((Lead_Source:equals:A)and(No_of_Employees:equals:1))or(No_of_Employees:in:2,3))',
    );
  });

  it('escapes each value of in and between separately', () => {
    expect(criteria({ leadSource: In(['a,b', 'c)']) })).toBe('(Lead_Source:in:a\\,b,c\\))');
  });

  it.each<[string, Opts['where'], string]>([
    ['is null', { company: IsNull() }, 'it has no "is empty" test for text fields such as company (Company)'],
    ['not in', { leadSource: Not(In(['a'])) }, 'it has no "not in" for picklist fields'],
    ['ends with', { lastName: Like('%a') }, 'it has no ends-with match for text fields'],
    ['contains', { lastName: Like('%a%') }, 'it has no contains match'],
    ['negated like', { lastName: Not(Like('a%')) }, 'it has no negated starts-with match'],
    [
      'starts_with on a picklist',
      { leadSource: Like('Adv%') },
      'it has no starts-with match for picklist fields',
    ],
    ['in on a text area', { description: In(['a']) }, 'it has no "in" for textarea fields'],
    ['an empty string', { lastName: '' }, 'it cannot look for an empty string (lastName (Last_Name))'],
    [
      'text equality among several conditions',
      { lastName: 'a', employees: 1 },
      'matches text "equals" as "contains"',
    ],
  ])('cannot run %s', (_title, where, reason) => {
    rejects(() => criteria(where), 'QUERY_BACKEND_UNSUITABLE', reason);
  });

  it('takes picklist, number and date equality among several conditions', () => {
    expect(criteria({ leadSource: 'A', employees: 1, followUp: '2024-01-01T00:00:00+00:00' })).toBe(
      '((Lead_Source:equals:A)and(No_of_Employees:equals:1)and(Follow_Up:equals:2024-01-01T00:00:00+00:00))',
    );
  });

  it('pages within 2,000 records and does not sort', () => {
    expect(compileSearch(node({ where: { leadSource: 'A' }, take: 100, skip: 1900 })).params).toMatchObject({
      page: 20,
      per_page: 100,
    });
    rejects(
      () => compileSearch(node({ where: { leadSource: 'A' }, order: { lastName: 'ASC' } })),
      'QUERY_BACKEND_UNSUITABLE',
      'it cannot sort',
    );
    rejects(
      () => compileSearch(node({ where: { leadSource: 'A' }, take: 10, skip: 5 })),
      'QUERY_BACKEND_UNSUITABLE',
      'skip (5)',
    );
    rejects(() => compileSearch(node({ take: 10 })), 'QUERY_BACKEND_UNSUITABLE', 'it needs a filter');
    rejects(
      () => compileSearch(node({ where: { leadSource: 'A' } }), { pageSize: 300 }),
      'QUERY_LIMIT_EXCEEDED',
      'PER_PAGE',
    );
  });
});

describe('COQL', () => {
  it('brackets more than two conditions pairwise from the left', () => {
    const query = compileCoql(
      node({
        select: ['lastName'],
        where: { employees: 1, annualRevenue: 2, emailOptOut: true, leadSource: 'x' },
      }),
    );
    expect(query.text).toBe(
      "select Last_Name from Leads where (((No_of_Employees = 1 and Annual_Revenue = 2) and Email_Opt_Out = true) and Lead_Source = 'x') limit 200",
    );
  });

  it('sizes the call from take (up to 2,000) or pageSize', () => {
    expect(compileCoql(node({ select: ['lastName'], take: 5000 }))).toMatchObject({ limit: 2000, offset: 0 });
    expect(compileCoql(node({ select: ['lastName'], take: 5000, skip: 10 })).text).toMatch(
      / limit 10, 2000$/,
    );
    expect(compileCoql(node({ select: ['lastName'] }), { pageSize: 1000 }).text).toMatch(/ limit 1000$/);
  });

  it('refuses more than 50 columns, naming the limit', () => {
    class Wide {}
    const fields = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`f${i}`, `Field_${i}`]));
    defineModel(Wide, { module: 'Wides', fields });
    // 45 declared + 5 system fields (owner, created/modified time and by) = 50: allowed.
    expect(compileCoql(buildQuery(Wide, {})).text.split(', ')).toHaveLength(50);
    class Wider extends Wide {}
    defineModel(Wider, { module: 'Wides', fields: { extra: 'Extra' } });
    rejects(
      () => compileCoql(buildQuery(Wider, {})),
      'QUERY_LIMIT_EXCEEDED',
      /at most 50 columns, this query needs 51 \(limit COQL_COLUMNS\); pass select/,
    );
    expect(compileCoql(buildQuery(Wider, { select: ['extra'] as never })).text).toBe(
      'select Extra from Wides limit 200',
    );
  });

  it('selects the id alone for a model with no other queryable field', () => {
    @CrmModule('Bare')
    class Bare {
      @Field('Owner') owner?: string;
      @Field('Created_Time', { type: 'jsonobject' }) a?: unknown;
      @Field('Modified_Time', { type: 'jsonobject' }) b?: unknown;
      @Field('Created_By', { type: 'jsonobject' }) c?: unknown;
      @Field('Modified_By', { type: 'jsonobject' }) d?: unknown;
    }
    expect(compileCoql(buildQuery(Bare, { where: { owner: 'x' } })).text).toBe(
      "select Owner from Bare where Owner = 'x' limit 200",
    );
  });
});

describe('keyset paging past the offset window', () => {
  it('adds id > last to the condition, flattening an AND, and orders by id', () => {
    const after = (where: Opts['where']) =>
      compileCoql(keysetAfter(node({ select: ['lastName'], where, skip: 400 }), '99')).text;
    expect(after(undefined)).toBe('select Last_Name from Leads where id > 99 order by id asc limit 200');
    expect(after({ employees: 1, leadSource: 'x' })).toBe(
      "select Last_Name from Leads where ((No_of_Employees = 1 and Lead_Source = 'x') and id > 99) order by id asc limit 200",
    );
    expect(after([{ employees: 1 }, { employees: 2 }])).toBe(
      'select Last_Name from Leads where ((No_of_Employees = 1 or No_of_Employees = 2) and id > 99) order by id asc limit 200',
    );
  });

  it('needs id order and an id', () => {
    rejects(
      () => keysetAfter(node({ order: { lastName: 'ASC' } }), '1'),
      'INVALID_QUERY_OPTION',
      'paging by id',
    );
    expect(keysetAfter(node({ order: { id: 'ASC' } }), '1').order).toHaveLength(1);
    rejects(() => keysetAfter(node({}), 'abc'), 'INVALID_QUERY_OPTION', 'lastId: must be a record id');
  });

  it('counts the id comparison toward the 25', () => {
    const where = Array.from({ length: 24 }, (_, i) => ({ employees: i }));
    expect(compileCoql(keysetAfter(node({ where }), '1')).text).toContain('id > 1');
    rejects(
      () => compileCoql(keysetAfter(node({ where: [...where, { employees: 99 }] }), '1')),
      'QUERY_LIMIT_EXCEEDED',
      'COQL_CRITERIA',
    );
  });
});

describe('the planner picks the cheapest backend that can run the query', () => {
  it.each<[string, Opts, string]>([
    ['no filter → list', { take: 10 }, 'list'],
    ['no filter, one sort field → list', { order: { modifiedTime: 'DESC' } }, 'list'],
    ['no filter, two sort fields → COQL', { order: { lastName: 'ASC', company: 'ASC' } }, 'coql'],
    ['no filter, skip not on a page boundary → COQL', { take: 10, skip: 5 }, 'coql'],
    ['simple bounded filter → search', { where: { leadSource: 'A' }, take: 10 }, 'search'],
    ['simple unbounded filter → COQL (search stops at 2,000)', { where: { leadSource: 'A' } }, 'coql'],
    ['bounded past 2,000 → COQL', { where: { leadSource: 'A' }, take: 200, skip: 1900 }, 'coql'],
    [
      'filter with order → COQL',
      { where: { leadSource: 'A' }, take: 10, order: { lastName: 'ASC' } },
      'coql',
    ],
    ['is null → COQL', { where: { company: IsNull() }, take: 10 }, 'coql'],
    [
      '11 conditions → COQL',
      { where: Array.from({ length: 11 }, (_, i) => ({ employees: i })), take: 10 },
      'coql',
    ],
  ])('%s', (_title, options, backend) => {
    expect(planQuery(node(options)).backend).toBe(backend);
  });

  it('explains why a backend is unsuitable', () => {
    const n = node({ where: { company: IsNull() }, take: 10 });
    expect(backendUnsuitability(n, 'list')).toBe('it cannot filter records (use search or COQL)');
    expect(backendUnsuitability(n, 'search')).toContain('"is empty" test');
    expect(backendUnsuitability(n, 'coql')).toBeUndefined();
    expect(backendUnsuitability(node({ where: { leadSource: 'A' } }), 'search')).toBe(
      'the query is unbounded (no take) and search stops at 2,000 records',
    );
    expect(backendUnsuitability(node({}), 'list', { pageSize: 500 })).toContain('PER_PAGE');
    expect(backendUnsuitability(node({}), 'coql', { pageSize: 5000 })).toContain('COQL_LIMIT');
  });

  it('uses COQL when a page size only COQL allows is asked for', () => {
    expect(planQuery(node({ select: ['lastName'] }), { pageSize: 2000 }).text).toBe(
      'select Last_Name from Leads limit 2000',
    );
  });

  it('reports the COQL error when no backend can run the query', () => {
    rejects(() => compileQuery(Lead, { take: 10, skip: 9995 }), 'QUERY_LIMIT_EXCEEDED', 'COQL_OFFSET');
  });

  it('returns frozen compiled queries that name what they ask for', () => {
    const query = compileQuery(Deal, { where: { amount: MoreThan(5) }, take: 20, skip: 40 });
    expect(query).toEqual({
      backend: 'search',
      method: 'GET',
      path: 'Deals/search',
      params: { criteria: '(Amount:greater_than:5)', page: 3, per_page: 20 },
      text: '(Amount:greater_than:5)',
      module: 'Deals',
      offset: 40,
      limit: 20,
    });
    expect(Object.isFrozen(query) && Object.isFrozen(query.params)).toBe(true);
    expect(compileQuery(Invoice, { where: { subject: Like('%x%') } })).toMatchObject({
      method: 'POST',
      path: 'coql',
      params: {},
    });
  });

  it('exposes the limits it checks', () => {
    expect(QUERY_LIMITS).toEqual({
      SEARCH_CRITERIA: 10,
      SEARCH_IN_VALUES: 100,
      SEARCH_RECORDS: 2000,
      PER_PAGE: 200,
      COQL_CRITERIA: 25,
      COQL_IN_VALUES: 50,
      COQL_COLUMNS: 50,
      COQL_LIMIT: 2000,
      COQL_OFFSET: 10000,
    });
  });
});
