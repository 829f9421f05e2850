import type { FastifyRequest } from 'fastify';
import { nestingDepth, parseFormBody, readItems, readJson } from '../../src/emulator/crm/body';
import { ZohoApiError } from '../../src/emulator/crm/zoho-error';
import { compilePattern, RouteTable } from '../../src/emulator/route-table';

const withBody = (body: unknown) => ({ body }) as FastifyRequest;

function zohoError(fn: () => unknown): ZohoApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZohoApiError) return err;
    throw err;
  }
  throw new Error('expected a ZohoApiError');
}

describe('readJson', () => {
  it('parses raw bytes whatever the Content-Type, and treats an empty body as none', () => {
    expect(readJson(withBody(Buffer.from(' {"data":[{"a":1}]} ')))).toEqual({ data: [{ a: 1 }] });
    expect(readJson(withBody(Buffer.from('null')))).toBeNull();
    expect(readJson(withBody(Buffer.from('  ')))).toBeUndefined();
    expect(readJson(withBody(undefined))).toBeUndefined();
  });

  it('answers INVALID_DATA for text that is not JSON', () => {
    const err = zohoError(() => readJson(withBody(Buffer.from('{"data":['))));
    expect(err.httpStatus).toBe(400);
    expect(err.toJSON()).toEqual({
      code: 'INVALID_DATA',
      details: { expected_data_type: 'jsonobject' },
      message: 'body is not a valid JSON',
      status: 'error',
    });
  });

  it('reads JSON sent as a urlencoded body (curl -d), from the raw bytes', () => {
    const json = '{"data":[{"Last_Name":"a+b&c=d"}]}';
    expect(readJson(withBody(parseFormBody(Buffer.from(json))))).toEqual({
      data: [{ Last_Name: 'a+b&c=d' }],
    });
  });

  it('drops __proto__ keys so a body cannot swap a prototype', () => {
    const parsed = readJson(
      withBody(Buffer.from('{"data":[{"__proto__":{"polluted":true},"Last_Name":"x"}]}')),
    ) as any;
    const item = parsed.data[0];
    expect(Object.keys(item)).toEqual(['Last_Name']);
    const target: Record<string, unknown> = {};
    Object.assign(target, item);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('readItems', () => {
  const items = (text: string, max?: number) => () => readItems(withBody(Buffer.from(text)), 'data', max);

  it('returns the items of a well-formed body', () => {
    expect(readItems(withBody(Buffer.from('{"data":[{"a":1}],"trigger":[]}'))).items).toEqual([{ a: 1 }]);
  });

  it.each([
    ['null', 'INVALID_DATA', { expected_data_type: 'jsonobject' }],
    ['[{"a":1}]', 'INVALID_DATA', { expected_data_type: 'jsonobject' }],
    ['"text"', 'INVALID_DATA', { expected_data_type: 'jsonobject' }],
    ['{}', 'MANDATORY_NOT_FOUND', { api_name: 'data' }],
    ['{"data":null}', 'MANDATORY_NOT_FOUND', { api_name: 'data' }],
    ['{"data":[]}', 'MANDATORY_NOT_FOUND', { api_name: 'data' }],
    ['{"data":{"a":1}}', 'INVALID_DATA', { api_name: 'data', expected_data_type: 'jsonarray' }],
  ])('rejects %s with %s', (text, code, details) => {
    const err = zohoError(items(text));
    expect(err.code).toBe(code);
    expect(err.details).toEqual(details);
    expect(err.httpStatus).toBe(400);
  });

  it('caps the item count', () => {
    const err = zohoError(items(JSON.stringify({ data: [{}, {}, {}] }), 2));
    expect(err.toJSON()).toEqual({
      code: 'LIMIT_EXCEEDED',
      details: { api_name: 'data', limit: 2 },
      message: 'limit exceeded',
      status: 'error',
    });
  });
});

describe('parseFormBody', () => {
  it('decodes fields, turning repeated keys into arrays and ignoring __proto__', () => {
    const fields = parseFormBody(
      Buffer.from('grant_type=refresh_token&scope=a%2Cb&x=1&x=2&x=3&__proto__=p&plus=a+b'),
    );
    expect(fields).toEqual({ grant_type: 'refresh_token', scope: 'a,b', x: ['1', '2', '3'], plus: 'a b' });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(JSON.stringify(fields)).toBe(
      '{"grant_type":"refresh_token","scope":"a,b","x":["1","2","3"],"plus":"a b"}',
    );
  });
});

describe('RouteTable', () => {
  it('compiles fastify patterns to anchored regexes with literal dots', () => {
    expect(compilePattern('/crm/v2/:module/:id').test('/crm/v2/Leads/123')).toBe(true);
    expect(compilePattern('/crm/v2/:module/:id').test('/crm/v2/Leads/123/Notes')).toBe(false);
    expect(compilePattern('/crm/v2/:module/:id').test('/crm/v2/Leads/')).toBe(false);
    expect(compilePattern('/a.b').test('/aXb')).toBe(false);
    expect(compilePattern('/files/*').test('/files/x/y')).toBe(true);
  });

  it('lists every method some route serves for a concrete path', () => {
    const table = new RouteTable();
    table.add(['GET', 'HEAD'], '/crm/v2/:module');
    table.add('post', '/crm/v2/:module');
    table.add('GET', '/crm/v2/settings/modules');
    expect([...table.methodsFor('/crm/v2/Leads')].sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect([...table.methodsFor('/crm/v2/settings/modules')].sort()).toEqual(['GET']);
    expect(table.methodsFor('/crm/v3/Leads/1/2').size).toBe(0);
  });
});

describe('nestingDepth', () => {
  it('counts brackets and braces outside strings, escapes included', () => {
    expect(nestingDepth('{}')).toBe(1);
    expect(nestingDepth('{"data":[{"a":[1,2]}]}')).toBe(4);
    expect(nestingDepth('{"a":"[[[{{{\\"[["}')).toBe(1);
    expect(nestingDepth('[[[]][]]')).toBe(3);
    expect(nestingDepth('plain')).toBe(0);
  });
});
