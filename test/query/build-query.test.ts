import { CrmModule, Field } from '../../decorators';
import { ModelMetadataException } from '../../src/metadata';
import {
  Between,
  buildQuery,
  ComparisonNode,
  Equal,
  formatNumber,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  Like,
  MoreThan,
  MoreThanOrEqual,
  Not,
  QueryCompileException,
  QueryNode,
} from './support/query-api';
import { Deal, Invoice, Lead } from './support/models';

/** The where clause as compact tuples: [apiName, operator, ...literal texts] or [junction, ...children]. */
type Compact = Array<string | Compact>;
function compact(node: QueryNode['where']): Compact | undefined {
  if (!node) return undefined;
  if (node.type === 'comparison')
    return [node.field.apiName, node.operator, ...node.values.map((v) => v.text)];
  return [node.type, ...node.children.map((c) => compact(c)!)];
}
const where = (model: unknown, w: unknown) =>
  compact(buildQuery(model as typeof Lead, { where: w as never }).where);
const comparison = (model: unknown, w: unknown) =>
  buildQuery(model as typeof Lead, { where: w as never }).where as ComparisonNode;

/** Runs `fn`, expecting a QueryCompileException with `code` (statusCode 0) whose message contains `text`. */
function rejects(fn: () => unknown, code: string, text: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(QueryCompileException);
  expect(error).toMatchObject({ errorCode: code, statusCode: 0 });
  expect((error as Error).message).toContain(text);
}

describe('where: objects AND, arrays OR', () => {
  it('maps properties to API names, in the order written', () => {
    expect(where(Lead, { lastName: 'Daly', employees: 5 })).toEqual([
      'and',
      ['Last_Name', 'eq', 'Daly'],
      ['No_of_Employees', 'eq', '5'],
    ]);
    expect(where(Lead, { lastName: 'Daly' })).toEqual(['Last_Name', 'eq', 'Daly']);
  });

  it('ORs the objects of an array, keeping AND groups inside', () => {
    expect(where(Lead, [{ lastName: 'A', company: 'B' }, { lastName: 'C' }])).toEqual([
      'or',
      ['and', ['Last_Name', 'eq', 'A'], ['Company', 'eq', 'B']],
      ['Last_Name', 'eq', 'C'],
    ]);
  });

  it('matches everything with {} (alone, or as one alternative of an OR)', () => {
    expect(buildQuery(Lead, { where: {} }).where).toBeUndefined();
    expect(buildQuery(Lead, { where: [{ lastName: 'A' }, {}] }).where).toBeUndefined();
  });

  it('refuses an empty array and values that are not objects', () => {
    rejects(
      () => buildQuery(Lead, { where: [] }),
      'INVALID_QUERY_OPTION',
      'where: an empty array matches no record',
    );
    rejects(
      () => buildQuery(Lead, { where: 'x' as never }),
      'INVALID_QUERY_OPTION',
      'where: must be an object',
    );
    rejects(
      () => buildQuery(Lead, { where: [{ lastName: 'A' }, null as never] }),
      'INVALID_QUERY_OPTION',
      'where[1]',
    );
  });

  it('refuses undefined values instead of dropping the filter', () => {
    rejects(
      () => buildQuery(Lead, { where: { lastName: undefined } }),
      'INVALID_QUERY_VALUE',
      'where.lastName of Lead: is undefined; leave the key out to not filter on it, or use IsNull()',
    );
  });

  it('reads null as "is empty"', () => {
    expect(where(Lead, { company: null })).toEqual(['Company', 'isNull']);
    expect(where(Lead, { company: Equal(null) })).toEqual(['Company', 'isNull']);
    expect(where(Lead, { company: Not(null) })).toEqual(['Company', 'isNotNull']);
  });
});

describe('operators', () => {
  it.each<[string, unknown, Compact]>([
    ['Equal', { employees: Equal(5) }, ['No_of_Employees', 'eq', '5']],
    ['Not value', { employees: Not(5) }, ['No_of_Employees', 'ne', '5']],
    ['Not(Equal)', { employees: Not(Equal(5)) }, ['No_of_Employees', 'ne', '5']],
    ['Not(Not)', { employees: Not(Not(5)) }, ['No_of_Employees', 'eq', '5']],
    ['In', { employees: In([1, 2]) }, ['No_of_Employees', 'in', '1', '2']],
    ['Not(In)', { employees: Not(In([1])) }, ['No_of_Employees', 'notIn', '1']],
    ['MoreThan', { employees: MoreThan(1) }, ['No_of_Employees', 'gt', '1']],
    ['MoreThanOrEqual', { employees: MoreThanOrEqual(1) }, ['No_of_Employees', 'ge', '1']],
    ['LessThan', { employees: LessThan(1) }, ['No_of_Employees', 'lt', '1']],
    ['LessThanOrEqual', { employees: LessThanOrEqual(1) }, ['No_of_Employees', 'le', '1']],
    ['Not(MoreThan)', { employees: Not(MoreThan(1)) }, ['No_of_Employees', 'le', '1']],
    ['Not(MoreThanOrEqual)', { employees: Not(MoreThanOrEqual(1)) }, ['No_of_Employees', 'lt', '1']],
    ['Not(LessThan)', { employees: Not(LessThan(1)) }, ['No_of_Employees', 'ge', '1']],
    ['Not(LessThanOrEqual)', { employees: Not(LessThanOrEqual(1)) }, ['No_of_Employees', 'gt', '1']],
    ['Between', { employees: Between(1, 9) }, ['No_of_Employees', 'between', '1', '9']],
    ['Not(Between)', { employees: Not(Between(1, 9)) }, ['No_of_Employees', 'notBetween', '1', '9']],
    ['IsNull', { employees: IsNull() }, ['No_of_Employees', 'isNull']],
    ['Not(IsNull)', { employees: Not(IsNull()) }, ['No_of_Employees', 'isNotNull']],
    ['Like', { lastName: Like('a%') }, ['Last_Name', 'like', 'a']],
    ['Not(Like)', { lastName: Not(Like('%a')) }, ['Last_Name', 'notLike', 'a']],
  ])('%s', (_name, w, expected) => {
    expect(where(Lead, w)).toEqual(expected);
  });

  it('reads Like patterns: starts with, ends with, contains, exact', () => {
    const pattern = (p: string) => comparison(Lead, { lastName: Like(p) }).pattern;
    expect(pattern('ab%')).toEqual({ text: 'ab', anchor: 'prefix' });
    expect(pattern('%ab')).toEqual({ text: 'ab', anchor: 'suffix' });
    expect(pattern('%ab%')).toEqual({ text: 'ab', anchor: 'contains' });
    expect(pattern('ab')).toEqual({ text: 'ab', anchor: 'exact' });
    expect(pattern('%_%')).toEqual({ text: '_', anchor: 'contains' });
  });

  it.each(['a%b', '%', '%%', '%a%b%', ''])('refuses the pattern %j', (p) => {
    rejects(
      () => buildQuery(Lead, { where: { lastName: Like(p) } }),
      'INVALID_QUERY_VALUE',
      "Zoho supports only 'x%'",
    );
  });

  it('refuses operators Zoho does not allow on the field type', () => {
    rejects(
      () => buildQuery(Lead, { where: { lastName: MoreThan('a') } }),
      'OPERATOR_NOT_ALLOWED',
      "where.lastName of Lead: MoreThan cannot be used on a text field (the type was inferred from the property; if Last_Name is a date, number or picklist field, declare it: @Field('Last_Name', { type: 'date' }))",
    );
    rejects(
      () => buildQuery(Lead, { where: { email: MoreThan('a') } }),
      'OPERATOR_NOT_ALLOWED',
      'where.email of Lead: MoreThan cannot be used on a email field',
    );
    expect(() => buildQuery(Lead, { where: { email: MoreThan('a') } })).not.toThrow(/inferred/);
    rejects(
      () => buildQuery(Lead, { where: { employees: Like('1%') as never } }),
      'OPERATOR_NOT_ALLOWED',
      'Like cannot be used on a integer field',
    );
    rejects(
      () => buildQuery(Lead, { where: { emailOptOut: IsNull() } }),
      'OPERATOR_NOT_ALLOWED',
      'IsNull cannot be used on a boolean field',
    );
    rejects(
      () => buildQuery(Lead, { where: { emailOptOut: In([true]) } }),
      'OPERATOR_NOT_ALLOWED',
      'In cannot be used on a boolean field',
    );
    rejects(
      () => buildQuery(Deal, { where: { account: Between('1', '2') } }),
      'OPERATOR_NOT_ALLOWED',
      'Between cannot be used on a lookup field',
    );
    rejects(
      () => buildQuery(Lead, { where: { owner: Like('1%') as never } }),
      'OPERATOR_NOT_ALLOWED',
      'Like cannot be used on a ownerlookup field',
    );
  });

  it('refuses In([]) and arrays without In', () => {
    rejects(
      () => buildQuery(Lead, { where: { lastName: In([]) } }),
      'INVALID_QUERY_VALUE',
      'In() needs a non-empty array',
    );
    rejects(
      () => buildQuery(Lead, { where: { lastName: ['a', 'b'] as never } }),
      'INVALID_QUERY_VALUE',
      'use In([...])',
    );
    rejects(
      () => buildQuery(Lead, { where: { lastName: In([null]) as never } }),
      'INVALID_QUERY_VALUE',
      'null cannot be compared',
    );
  });
});

describe('values are typed by field metadata', () => {
  const literal = (model: unknown, w: unknown) => comparison(model, w).values.map((v) => [v.type, v.text]);

  it('text: strings, and numbers as their text', () => {
    expect(literal(Lead, { lastName: 'a' })).toEqual([['string', 'a']]);
    expect(literal(Lead, { lastName: 42 as never })).toEqual([['string', '42']]);
    rejects(
      () => buildQuery(Lead, { where: { lastName: true as never } }),
      'INVALID_QUERY_VALUE',
      'expects a string, got boolean true',
    );
  });

  it('numbers: bare, never with an exponent; numeric strings accepted', () => {
    expect(literal(Lead, { annualRevenue: 250000.5 })).toEqual([['number', '250000.5']]);
    expect(literal(Lead, { annualRevenue: '12.50' as never })).toEqual([['number', '12.50']]);
    expect(literal(Lead, { annualRevenue: 1e21 })).toEqual([['number', '1000000000000000000000']]);
    rejects(
      () => buildQuery(Lead, { where: { annualRevenue: 'lots' as never } }),
      'INVALID_QUERY_VALUE',
      'expects a number, got "lots"',
    );
    rejects(
      () => buildQuery(Lead, { where: { annualRevenue: NaN } }),
      'INVALID_QUERY_VALUE',
      'expects a finite number, got NaN',
    );
    rejects(() => buildQuery(Lead, { where: { annualRevenue: Infinity } }), 'INVALID_QUERY_VALUE', 'finite');
  });

  it.each<[number, string]>([
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [123.456, '123.456'],
    [-7, '-7'],
    [0, '0'],
  ])('formatNumber(%p) = %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
    expect(Number(text)).toBe(n);
  });

  it('ids: digit strings kept exactly (19 digits), bigints, safe integers', () => {
    expect(literal(Lead, { id: '3652397000000624046' })).toEqual([['number', '3652397000000624046']]);
    expect(literal(Lead, { id: 3652397000000624046n as never })).toEqual([['number', '3652397000000624046']]);
    expect(literal(Lead, { id: 42 as never })).toEqual([['number', '42']]);
    rejects(() => buildQuery(Lead, { where: { id: 'abc' } }), 'INVALID_QUERY_VALUE', 'expects an integer');
  });

  it('booleans', () => {
    expect(literal(Lead, { emailOptOut: false })).toEqual([['boolean', 'false']]);
    rejects(
      () => buildQuery(Lead, { where: { emailOptOut: 'true' as never } }),
      'INVALID_QUERY_VALUE',
      'expects true or false, got "true"',
    );
  });

  it('lookups and users: record ids, bare or as { id }', () => {
    expect(literal(Deal, { account: '123' })).toEqual([['number', '123']]);
    expect(literal(Deal, { account: { id: '123', name: 'Zylker' } as never })).toEqual([['number', '123']]);
    expect(literal(Deal, { owner: { id: '9' } })).toEqual([['number', '9']]);
    rejects(
      () => buildQuery(Deal, { where: { account: 'Zylker' } }),
      'INVALID_QUERY_VALUE',
      'where.account of Deal: expects a record id',
    );
  });

  it('multi-select: one option or the exact list', () => {
    expect(literal(Lead, { hobbies: 'Golf' })).toEqual([['string', 'Golf']]);
    expect(literal(Lead, { hobbies: ['Golf', 'Chess'] })).toEqual([['string', 'Golf;Chess']]);
    rejects(
      () => buildQuery(Lead, { where: { hobbies: [] } }),
      'INVALID_QUERY_VALUE',
      'non-empty list of options',
    );
  });

  it("dates: 'YYYY-MM-DD' strings only", () => {
    expect(literal(Deal, { closingDate: '2024-02-29' })).toEqual([['string', '2024-02-29']]);
    rejects(
      () => buildQuery(Deal, { where: { closingDate: '2023-02-29' } }),
      'INVALID_QUERY_VALUE',
      "expects a 'YYYY-MM-DD' date",
    );
    rejects(
      () => buildQuery(Deal, { where: { closingDate: '2024-1-5' } }),
      'INVALID_QUERY_VALUE',
      "expects a 'YYYY-MM-DD' date",
    );
    rejects(
      () => buildQuery(Deal, { where: { closingDate: new Date() as never } }),
      'INVALID_QUERY_VALUE',
      "date fields take 'YYYY-MM-DD' strings, not Date objects",
    );
  });

  it('date-times: Dates in UTC whole seconds, strings with their offset', () => {
    expect(literal(Lead, { followUp: new Date('2024-05-02T05:47:33Z') })).toEqual([
      ['string', '2024-05-02T05:47:33+00:00'],
    ]);
    expect(literal(Lead, { followUp: '2024-05-02T11:17:33+05:30' })).toEqual([
      ['string', '2024-05-02T11:17:33+05:30'],
    ]);
    expect(literal(Lead, { followUp: '2024-05-02T05:47:33Z' })).toEqual([
      ['string', '2024-05-02T05:47:33+00:00'],
    ]);
    expect(literal(Lead, { followUp: '2024-05-02T11:17:33.250+05:30' })).toEqual([
      ['string', '2024-05-02T05:47:33+00:00'],
    ]);
    rejects(
      () => buildQuery(Lead, { where: { followUp: '2024-05-02' } }),
      'INVALID_QUERY_VALUE',
      'ISO-8601 date-time with an offset',
    );
    rejects(
      () => buildQuery(Lead, { where: { followUp: '2024-05-02T11:17:33' } }),
      'INVALID_QUERY_VALUE',
      'with an offset',
    );
    rejects(
      () => buildQuery(Lead, { where: { followUp: new Date(NaN) } }),
      'INVALID_QUERY_VALUE',
      'is an invalid Date',
    );
  });

  it('date-times: milliseconds are rounded so each comparison keeps its meaning over whole seconds', () => {
    const at = new Date('2024-01-01T00:00:00.500Z');
    const text = (w: unknown) => comparison(Lead, { followUp: w }).values.map((v) => v.text.slice(17, 19));
    expect(text(MoreThan(at))).toEqual(['00']);
    expect(text(MoreThanOrEqual(at))).toEqual(['01']);
    expect(text(LessThan(at))).toEqual(['01']);
    expect(text(LessThanOrEqual(at))).toEqual(['00']);
    expect(text(Not(MoreThan(at)))).toEqual(['00']);
    expect(text(Not(LessThan(at)))).toEqual(['01']);
    expect(text(Between(at, at))).toEqual(['01', '00']);
    expect(text(Equal(at))).toEqual(['00']);
  });
});

describe('fields, order, select, take and skip', () => {
  it('names the model and property of an unknown field in every clause', () => {
    rejects(
      () => buildQuery(Lead, { where: { lastname: 'x' } as never }),
      'UNKNOWN_FIELD',
      'where: Lead has no field "lastname"',
    );
    rejects(
      () => buildQuery(Lead, { order: { nope: 'ASC' } as never }),
      'UNKNOWN_FIELD',
      'order: Lead has no field "nope"',
    );
    rejects(
      () => buildQuery(Lead, { select: ['nope'] as never }),
      'UNKNOWN_FIELD',
      'select: Lead has no field "nope"',
    );
  });

  it('refuses fields Zoho cannot query (line items, tags)', () => {
    rejects(
      () => buildQuery(Invoice, { where: { lines: [] } as never }),
      'FIELD_NOT_QUERYABLE',
      'where: Invoice.lines (Product_Details, lineitem) cannot be used in queries',
    );
    rejects(
      () => buildQuery(Invoice, { order: { tags: 'ASC' } as never }),
      'FIELD_NOT_QUERYABLE',
      'Invoice.tags (Tag, jsonarray)',
    );
  });

  it('orders in the order written, either case', () => {
    const node = buildQuery(Lead, { order: { lastName: 'DESC', createdTime: 'asc' } });
    expect(node.order.map((o) => [o.field.apiName, o.direction])).toEqual([
      ['Last_Name', 'desc'],
      ['Created_Time', 'asc'],
    ]);
    rejects(
      () => buildQuery(Lead, { order: { lastName: 'down' as never } }),
      'INVALID_QUERY_OPTION',
      'order.lastName: must be "ASC" or "DESC", got "down"',
    );
  });

  it('selects each field once; an empty select is refused', () => {
    const node = buildQuery(Lead, { select: ['lastName', 'company', 'lastName'] });
    expect(node.select?.map((f) => f.apiName)).toEqual(['Last_Name', 'Company']);
    rejects(
      () => buildQuery(Lead, { select: [] }),
      'INVALID_QUERY_OPTION',
      'select: must be a non-empty array',
    );
  });

  it('lists the model fields queries read by default: queryable ones, id left out', () => {
    const node = buildQuery(Invoice, {});
    expect(node.modelFields.map((f) => f.apiName)).toEqual([
      'Subject',
      'Status',
      'Due_Date',
      'Account_Name',
      'Grand_Total',
      'Owner',
      'Created_Time',
      'Modified_Time',
      'Created_By',
      'Modified_By',
    ]);
    expect(node).toMatchObject({
      module: 'Invoices',
      modelName: 'Invoice',
      skip: 0,
      take: undefined,
      order: [],
    });
  });

  it.each<[string, unknown]>([
    ['take', 0],
    ['take', -1],
    ['take', 1.5],
    ['take', '5'],
    ['skip', -1],
    ['skip', 0.5],
  ])('refuses %s = %j', (option, value) => {
    rejects(
      () => buildQuery(Lead, { [option]: value } as never),
      'INVALID_QUERY_OPTION',
      `${option}: must be an integer`,
    );
  });

  it('refuses a class that is not a model', () => {
    class NotAModel {
      @Field('X') x?: string;
    }
    expect(() => buildQuery(NotAModel, {})).toThrow(ModelMetadataException);
  });

  it('freezes the AST', () => {
    const node = buildQuery(Lead, {
      where: [{ lastName: 'a' }, { employees: In([1, 2]) }],
      order: { lastName: 'ASC' },
    });
    const frozen = (value: unknown): boolean =>
      value === null || typeof value !== 'object'
        ? true
        : Object.isFrozen(value) && Object.values(value).every(frozen);
    expect(frozen(node)).toBe(true);
  });

  it('works for models declared in other files and here alike', () => {
    @CrmModule('Vendors')
    class Vendor {
      @Field('Vendor_Name') name!: string;
    }
    expect(where(Vendor, { name: 'V' })).toEqual(['Vendor_Name', 'eq', 'V']);
  });
});
