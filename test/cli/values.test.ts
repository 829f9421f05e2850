/**
 * Pieces of export/import without a server: the runtime model built from field metadata, `--where` JSON
 * compiled by the ORM, and the conversion of values to and from file cells.
 */
import { runtimeModel } from '../../src/codegen/runtime-model';
import type { FieldJson } from '../../src/codegen/metadata-json';
import { parseWhere } from '../../src/cli/where-json';
import { csvValue, importValue, jsonValue } from '../../src/cli/record-values';
import { Repository } from '../../src/orm/repository';
import { Ref } from '../../src/orm/values/ref';
import { CliUsageError } from '../../src/cli/cli-errors';

const FIELDS: FieldJson[] = [
  { api_name: 'Owner', data_type: 'ownerlookup' },
  { api_name: 'Created_Time', data_type: 'datetime', read_only: true },
  { api_name: 'Last_Name', data_type: 'text' },
  { api_name: 'Annual_Revenue', data_type: 'currency' },
  { api_name: 'No_of_Employees', data_type: 'integer' },
  { api_name: 'Email_Opt_Out', data_type: 'boolean' },
  { api_name: 'Lead_Source', data_type: 'picklist', pick_list_values: [{ actual_value: 'Web' }] },
  { api_name: 'Skills', data_type: 'multiselectpicklist' },
  { api_name: 'Account_Name', data_type: 'lookup', lookup: { module: { api_name: 'Accounts' } } },
  { api_name: 'Visits', data_type: 'subform' },
  { api_name: 'Remind_At', data_type: 'event_reminder', json_type: 'jsonobject' },
  { api_name: 'Born', data_type: 'date' },
];

const shape = runtimeModel({ api_name: 'Leads', singular_label: 'Lead' }, FIELDS);

describe('runtimeModel', () => {
  it('keys fields by API name (system fields keep the base class’s properties), id first, org order', () => {
    expect(
      shape.fields.map((f) => [f.apiName, f.property, f.role, f.dataType, f.readonly, f.queryable]),
    ).toEqual([
      ['id', 'id', 'field', 'bigint', true, true],
      ['Owner', 'owner', 'owner', 'ownerlookup', false, true],
      ['Created_Time', 'createdTime', 'field', 'datetime', true, true],
      ['Last_Name', 'Last_Name', 'field', 'text', false, true],
      ['Annual_Revenue', 'Annual_Revenue', 'field', 'currency', false, true],
      ['No_of_Employees', 'No_of_Employees', 'field', 'integer', false, true],
      ['Email_Opt_Out', 'Email_Opt_Out', 'field', 'boolean', false, true],
      ['Lead_Source', 'Lead_Source', 'field', 'picklist', false, true],
      ['Skills', 'Skills', 'field', 'multiselectpicklist', false, true],
      ['Account_Name', 'Account_Name', 'lookup', 'lookup', false, true],
      ['Visits', 'Visits', 'field', 'jsonarray', false, false],
      ['Remind_At', 'Remind_At', 'field', 'jsonobject', false, false],
      ['Born', 'Born', 'field', 'date', false, true],
      ['Modified_Time', 'modifiedTime', 'field', 'datetime', true, true],
      ['Created_By', 'createdBy', 'userLookup', 'ownerlookup', true, true],
      ['Modified_By', 'modifiedBy', 'userLookup', 'ownerlookup', true, true],
      ['Tag', 'tags', 'field', 'jsonarray', true, false],
    ]);
    expect(shape.model.name).toBe('Lead');
  });
});

describe('--where', () => {
  /** The COQL the ORM compiles (the select list left out). */
  const compile = (where: string) =>
    new Repository(shape.model)
      .compile({ where: parseWhere(where, shape) as never })
      .text.replace(/^select .* from Leads /, '');

  it('compiles AND objects, OR lists and every operator through the ORM', () => {
    expect(compile('{"Last_Name": "Daly"}')).toBe("where Last_Name = 'Daly' limit 200");
    expect(
      compile(
        '{"Annual_Revenue": {"$gt": 10}, "No_of_Employees": {"$between": [1, 5]}, "Lead_Source": {"$nin": ["Web", "Ads"]}}',
      ),
    ).toBe(
      "where ((Annual_Revenue > 10 and No_of_Employees between 1 and 5) and Lead_Source not in ('Web', 'Ads')) limit 200",
    );
    expect(compile('[{"Last_Name": {"$like": "Da%"}}, {"Born": {"$null": true}}]')).toBe(
      "where (Last_Name like 'Da%' or Born is null) limit 200",
    );
    expect(
      compile('{"Email_Opt_Out": {"$ne": true}, "Skills": {"$eq": "Go"}, "Born": {"$lte": "2000-01-01"}}'),
    ).toBe("where ((Email_Opt_Out != true and Skills = 'Go') and Born <= '2000-01-01') limit 200");
    expect(
      compile('{"Created_Time": {"$gte": "2024-01-01T00:00:00+00:00"}, "Account_Name": "123", "Born": null}'),
    ).toBe(
      "where ((Created_Time >= '2024-01-01T00:00:00+00:00' and Account_Name = 123) and Born is null) limit 200",
    );
    expect(compile('{"Last_Name": {"$null": false}}')).toBe('where Last_Name is not null limit 200');
  });

  it('names the field or operator that is wrong', () => {
    expect(() => parseWhere('{"last_name": "x"}', shape)).toThrow(
      new CliUsageError('--where: Leads has no field "last_name" (did you mean "Last_Name"?)'),
    );
    expect(() => parseWhere('[{"Last_Name": "x"}, 3]', shape)).toThrow(
      new CliUsageError('--where[1] must be an object of field API names (or a list of them for OR)'),
    );
    expect(() => parseWhere('{"Visits": []}', shape)).toThrow(/Visits cannot be filtered on/);
    expect(() => parseWhere('{"Last_Name": {"$gt": 1, "$lt": 2}}', shape)).toThrow(
      /must be a value or one operator object/,
    );
    expect(() => parseWhere('{"Last_Name": {"$between": [1]}}', shape)).toThrow(
      /\$between takes \[from, to\]/,
    );
    expect(() => parseWhere('{"Last_Name": {"$like": 5}}', shape)).toThrow(/\$like takes a pattern string/);
    expect(() => parseWhere('{"Last_Name": {"$null": "yes"}}', shape)).toThrow(/\$null takes true or false/);
  });
});

describe('values', () => {
  const field = (apiName: string) => shape.byApiName.get(apiName)!;

  it('writes JSON values: dates as ISO text, empty as null, the rest as it is', () => {
    expect(jsonValue(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02T03:04:05.000Z');
    expect(jsonValue(undefined)).toBeNull();
    expect(JSON.stringify(jsonValue(new Ref('12', { name: 'Acme' })))).toBe('{"id":"12","name":"Acme"}');
  });

  it('writes CSV cells: lists joined by ";", references by id, structures as JSON', () => {
    expect(csvValue(null)).toBe('');
    expect(csvValue(2.5)).toBe('2.5');
    expect(csvValue(false)).toBe('false');
    expect(csvValue(['A', 'B'])).toBe('A;B');
    expect(csvValue(new Ref('12', { name: 'Acme' }))).toBe('12');
    expect(csvValue({ id: '7', name: 'Patricia' })).toBe('7');
    expect(csvValue([{ product: { id: '1' }, quantity: 2 }])).toBe('[{"product":{"id":"1"},"quantity":2}]');
    expect(csvValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });

  it('reads CSV cells by the field’s type, and names the field when a cell cannot be one', () => {
    expect(importValue(field('Annual_Revenue'), ' 1.5e3 ', true)).toEqual({ value: 1500 });
    expect(importValue(field('Annual_Revenue'), '12abc', true)).toEqual({
      error: 'Annual_Revenue: expects a number, got "12abc"',
    });
    expect(importValue(field('Email_Opt_Out'), 'TRUE', true)).toEqual({ value: true });
    expect(importValue(field('Email_Opt_Out'), 'yes', true)).toEqual({
      error: 'Email_Opt_Out: expects true or false, got "yes"',
    });
    expect(importValue(field('Skills'), 'Go; TS ;', true)).toEqual({ value: ['Go', 'TS'] });
    expect(importValue(field('Account_Name'), '123', true)).toEqual({ value: '123' });
    expect(importValue(field('Account_Name'), '{"id":"123","name":"x"}', true)).toEqual({
      value: { id: '123', name: 'x' },
    });
    expect(importValue(field('Account_Name'), 'Acme', true)).toEqual({
      error: 'Account_Name: expects a record id, got "Acme"',
    });
    expect(importValue(field('Owner'), '42', true)).toEqual({ value: '42' });
    expect(importValue(field('Visits'), '[{"Visit_Date":"2024-01-01"}]', true)).toEqual({
      value: [{ Visit_Date: '2024-01-01' }],
    });
    expect(importValue(field('Visits'), '[{', true)).toEqual({ error: 'Visits: expects JSON, got "[{"' });
    expect(importValue(field('Last_Name'), '', true)).toEqual({ skip: true });
    expect(importValue(field('Last_Name'), 'x'.repeat(50), true)).toEqual({ value: 'x'.repeat(50) });
    expect(importValue(field('No_of_Employees'), 'x'.repeat(50), true)).toEqual({
      error: `No_of_Employees: expects a number, got "${'x'.repeat(37)}"…`,
    });
  });

  it('takes JSON values as they are (the ORM checks them); null clears, a missing key sends nothing', () => {
    expect(importValue(field('No_of_Employees'), 'ten', false)).toEqual({ value: 'ten' });
    expect(importValue(field('Last_Name'), null, false)).toEqual({ value: null });
    expect(importValue(field('Last_Name'), undefined, false)).toEqual({ skip: true });
    expect(importValue(field('Skills'), 'A;B', false)).toEqual({ value: ['A', 'B'] });
  });
});
