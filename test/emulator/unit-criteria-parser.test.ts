import fc from 'fast-check';
import { countConditions, CriteriaNode, parseCriteria } from '../../src/emulator/crm/search/criteria-parser';
import { ZohoApiError } from '../../src/emulator/crm/zoho-error';

/** Escapes a value as the criteria grammar requires: `(`, `)`, `,` and `\` get a backslash. */
function escapeCriteriaValue(value: string): string {
  return value.replace(/[\\(),]/g, (c) => `\\${c}`);
}

const cond = (field: string, operator: string, ...values: string[]): CriteriaNode => ({
  type: 'condition',
  field,
  operator,
  values,
});

function parseError(text: string): ZohoApiError {
  try {
    parseCriteria(text);
  } catch (e) {
    return e as ZohoApiError;
  }
  throw new Error(`parsed: ${text}`);
}

describe('search criteria parser', () => {
  it.each<[string, CriteriaNode]>([
    ['(Last_Name:equals:Burns)', cond('Last_Name', 'equals', 'Burns')],
    ['(Last_Name:equals:Burns\\,B)', cond('Last_Name', 'equals', 'Burns,B')],
    ['(Company:equals:Zylker \\(EU\\))', cond('Company', 'equals', 'Zylker (EU)')],
    ['(Last_Name:equals:K\\\\)', cond('Last_Name', 'equals', 'K\\')],
    // A backslash before an ordinary character is itself.
    ['(Last_Name:equals:a\\b)', cond('Last_Name', 'equals', 'a\\b')],
    ['(Website:equals:http://x.io/a:b)', cond('Website', 'equals', 'http://x.io/a:b')],
    [
      '(Lead_Source:in:Advertisement,Cold Call,Trade\\, Show)',
      cond('Lead_Source', 'in', 'Advertisement', 'Cold Call', 'Trade, Show'),
    ],
    [
      '(Created_Time:between:2024-01-01T00:00:00+05:30,2024-02-01T00:00:00+05:30)',
      cond('Created_Time', 'between', '2024-01-01T00:00:00+05:30', '2024-02-01T00:00:00+05:30'),
    ],
    ['(Last_Name:equals:)', cond('Last_Name', 'equals', '')],
    ['(Company:equals:Café ☕ 100%)', cond('Company', 'equals', 'Café ☕ 100%')],
  ])('parses %s', (text, expected) => {
    expect(parseCriteria(text)).toEqual(expected);
  });

  it('groups with and/or, nested brackets, and binds and tighter than or', () => {
    expect(parseCriteria('((Last_Name:equals:Burns\\,B)and(First_Name:starts_with:M))')).toEqual({
      type: 'and',
      children: [cond('Last_Name', 'equals', 'Burns,B'), cond('First_Name', 'starts_with', 'M')],
    });
    expect(parseCriteria('(A:equals:1)or(B:equals:2)AND(C:equals:3)')).toEqual({
      type: 'or',
      children: [
        cond('A', 'equals', '1'),
        { type: 'and', children: [cond('B', 'equals', '2'), cond('C', 'equals', '3')] },
      ],
    });
    const nested = parseCriteria('(((A:equals:1) and (B:equals:2))or(C:equals:3))');
    expect(nested).toEqual({
      type: 'or',
      children: [
        { type: 'and', children: [cond('A', 'equals', '1'), cond('B', 'equals', '2')] },
        cond('C', 'equals', '3'),
      ],
    });
    expect(countConditions(nested)).toBe(3);
  });

  it.each([
    'Last_Name:equals:Burns',
    '(Last_Name:equals:Burns',
    '(Last_Name:equals:Burns))',
    '(Last_Name:equals:K\\)',
    '(Last_Name:equals:a(b)',
    '(Last_Name:equals)',
    '(:equals:x)',
    '(A:equals:1)xor(B:equals:2)',
    '(A:equals:1)and',
    '(A:equals:1)(B:equals:2)',
    '()',
    '',
  ])('rejects %j as INVALID_QUERY', (text) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error.toJSON()).toEqual(
      expect.objectContaining({ code: 'INVALID_QUERY', message: 'invalid query formed', status: 'error' }),
    );
    expect(error.httpStatus).toBe(400);
  });

  it('round-trips any escaped string value unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const tree = parseCriteria(`(Last_Name:equals:${escapeCriteriaValue(value)})`);
        expect(tree).toEqual(cond('Last_Name', 'equals', value));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips escaped values inside in-lists and groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        fc.string(),
        (values, other) => {
          const list = values.map(escapeCriteriaValue).join(',');
          const tree = parseCriteria(
            `((Company:in:${list})or(Last_Name:starts_with:${escapeCriteriaValue(other)}))`,
          );
          expect(tree).toEqual({
            type: 'or',
            children: [cond('Company', 'in', ...values), cond('Last_Name', 'starts_with', other)],
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
