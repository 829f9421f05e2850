import fc from 'fast-check';
import type { CoqlCondition, SelectQuery } from '../../src/emulator/crm/coql/ast';
import { parseCoql } from '../../src/emulator/crm/coql/parser';
import { tokenize } from '../../src/emulator/crm/coql/tokenizer';
import { ZohoApiError } from '../../src/emulator/crm/zoho-error';

/** Quotes a value as a COQL string literal: single quotes, with `''` for a quote inside. */
function coqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const col = (text: string) => ({ parts: text.split('.'), text });
const str = (value: string) => ({ type: 'string' as const, value });
const num = (text: string) => ({ type: 'number' as const, text });

function syntaxError(query: string): Record<string, unknown> {
  try {
    parseCoql(query);
  } catch (e) {
    expect(e).toBeInstanceOf(ZohoApiError);
    return (e as ZohoApiError).toJSON();
  }
  throw new Error(`parsed: ${query}`);
}

function where(query: string): CoqlCondition | undefined {
  return parseCoql(`select id from Leads where ${query}`).where;
}

describe('COQL tokenizer', () => {
  it('reads words, numbers, symbols and strings with doubled quotes', () => {
    const tokens = tokenize(`select a.b,'it''s' "x""y" from L where n>=-12.5 and m != 3;`);
    expect(tokens.map((t) => [t.type, t.text])).toEqual([
      ['word', 'select'],
      ['word', 'a'],
      ['symbol', '.'],
      ['word', 'b'],
      ['symbol', ','],
      ['string', "'it''s'"],
      ['string', '"x""y"'],
      ['word', 'from'],
      ['word', 'L'],
      ['word', 'where'],
      ['word', 'n'],
      ['symbol', '>='],
      ['number', '-12.5'],
      ['word', 'and'],
      ['word', 'm'],
      ['symbol', '!='],
      ['number', '3'],
      ['symbol', ';'],
      ['end', ''],
    ]);
    expect(tokens.filter((t) => t.type === 'string').map((t) => (t as { value: string }).value)).toEqual([
      "it's",
      'x"y',
    ]);
  });

  it('fails on an unterminated string or a stray character', () => {
    expect(() => tokenize("select a from L where a = 'x")).toThrow(ZohoApiError);
    expect(() => tokenize('select a from L where a # 1')).toThrow(ZohoApiError);
  });
});

describe('COQL parser', () => {
  it('parses select, from, where, order by and both limit forms', () => {
    const query = parseCoql(
      "SELECT Last_Name, Account_Name.Account_Name FROM Contacts WHERE (Last_Name = 'Boyle' and Created_Time > '2019-01-01T00:00:00+05:30') ORDER BY Created_Time DESC, Last_Name LIMIT 0, 200",
    );
    expect(query).toEqual<SelectQuery>({
      columns: [col('Last_Name'), col('Account_Name.Account_Name')],
      module: 'Contacts',
      where: {
        type: 'and',
        left: { type: 'compare', column: col('Last_Name'), operator: '=', values: [str('Boyle')] },
        right: {
          type: 'compare',
          column: col('Created_Time'),
          operator: '>',
          values: [str('2019-01-01T00:00:00+05:30')],
        },
      },
      orderBy: [
        { column: col('Created_Time'), descending: true },
        { column: col('Last_Name'), descending: false },
      ],
      limit: '200',
      offset: '0',
    });
    expect(parseCoql('select id from Leads limit 10 offset 20;')).toEqual(
      expect.objectContaining({ limit: '10', offset: '20' }),
    );
    expect(parseCoql('select id from Leads')).toEqual({
      columns: [col('id')],
      module: 'Leads',
      orderBy: [],
      where: undefined,
      limit: undefined,
      offset: undefined,
    });
  });

  it('parses every comparator', () => {
    const c = (operator: string, values: unknown[]) => ({
      type: 'compare',
      column: col('F'),
      operator,
      values,
    });
    expect(where('F is null')).toEqual(c('is null', []));
    expect(where('F IS NOT NULL')).toEqual(c('is not null', []));
    expect(where('F between 1 and 2')).toEqual(c('between', [num('1'), num('2')]));
    expect(where("F not between '2024-01-01' and '2024-02-01'")).toEqual(
      c('not between', [str('2024-01-01'), str('2024-02-01')]),
    );
    expect(where("F in ('a', 'b,c')")).toEqual(c('in', [str('a'), str('b,c')]));
    expect(where('F not in (1)')).toEqual(c('not in', [num('1')]));
    expect(where("F like '%a%'")).toEqual(c('like', [str('%a%')]));
    expect(where("F not like 'a%'")).toEqual(c('not like', [str('a%')]));
    expect(where('F = true')).toEqual(c('=', [{ type: 'boolean', value: true }]));
    for (const op of ['=', '!=', '>', '<', '>=', '<=']) expect(where(`F ${op} 3`)).toEqual(c(op, [num('3')]));
  });

  it('takes quoted names for reserved words and keywords in any case', () => {
    expect(parseCoql(`select 'External', "Order" from "Contacts" where 'External' is not null`)).toEqual(
      expect.objectContaining({ columns: [col('External'), col('Order')], module: 'Contacts' }),
    );
    expect(parseCoql('SeLeCt id FrOm Leads WhErE id Is NoT nUlL').where).toEqual({
      type: 'compare',
      column: col('id'),
      operator: 'is not null',
      values: [],
    });
  });

  it('enforces pairwise brackets for more than two criteria', () => {
    expect(
      syntaxError(
        'select id from Contacts where id is not null and Account_Name is not null and Vendor_Name is not null',
      ),
    ).toEqual({
      code: 'SYNTAX_ERROR',
      details: { near: 'and' },
      message: 'error occured while parsing the query',
      status: 'error',
    });
    expect(syntaxError('select id from L where a = 1 or b = 2 and c = 3').details).toEqual({ near: 'and' });
    const nested = where('((a = 1 and b = 2) or c = 3)');
    expect(nested).toEqual({
      type: 'or',
      left: {
        type: 'and',
        left: expect.objectContaining({ column: col('a') }),
        right: expect.objectContaining({ column: col('b') }),
      },
      right: expect.objectContaining({ column: col('c') }),
    });
    expect(where('a between 1 and 2 and b = 3')).toEqual(expect.objectContaining({ type: 'and' }));
  });

  it.each<[string, string]>([
    ['select * from Leads', '*'],
    ['select External from Contacts', 'External'],
    ['select Last_Name from', 'from'],
    ['select Last_Name Leads', 'Leads'],
    ['select Last_Name from Leads where', 'where'],
    ["select Last_Name from Leads where Last_Name == 'x'", '='],
    ["select Last_Name from Leads where not Last_Name = 'x'", 'not'],
    ['select Last_Name from Leads where Last_Name = null', 'null'],
    ['select Last_Name from Leads where Last_Name like 5', '5'],
    ["select Last_Name from Leads where (Last_Name = 'x'", "'x'"],
    ['select Last_Name from Leads order Last_Name', 'Last_Name'],
    ['select Last_Name from Leads limit 1, 2, 3', ','],
    ['select Last_Name from Leads extra', 'extra'],
    ['select count(id) from Leads', '('],
    ['select Last_Name, from Leads', 'from'],
    ["select Last_Name from Leads where Last_Name <> 'x'", '>'],
  ])('%s → SYNTAX_ERROR near %j', (query, near) => {
    expect(syntaxError(query)).toEqual({
      code: 'SYNTAX_ERROR',
      details: { near },
      message: 'error occured while parsing the query',
      status: 'error',
    });
  });

  it('round-trips any string value through a quoted literal unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(where(`Last_Name = ${coqlString(value)}`)).toEqual({
          type: 'compare',
          column: col('Last_Name'),
          operator: '=',
          values: [str(value)],
        });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips string values inside in-lists and like patterns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        fc.string(),
        (values, pattern) => {
          const condition = where(
            `(Company in (${values.map(coqlString).join(', ')}) or Last_Name like ${coqlString(pattern)})`,
          );
          expect(condition).toEqual({
            type: 'or',
            left: { type: 'compare', column: col('Company'), operator: 'in', values: values.map(str) },
            right: { type: 'compare', column: col('Last_Name'), operator: 'like', values: [str(pattern)] },
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
