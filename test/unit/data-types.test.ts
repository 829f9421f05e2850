import { DEFAULT_RUNTIME_NAMES } from '../../src/codegen/render-models';
import { planField } from '../../src/codegen/field-mapping';
import { runtimeModel } from '../../src/codegen/runtime-model';
import { importValue } from '../../src/cli/record-values';
import { DATA_TYPES, FIELD_ROLES, ZohoDataType } from '../../src/metadata';
import { codecFor, codecNameOf } from '../../src/orm/mapping/codecs/codec-for';

/**
 * The data-type table is the one source: for every type in it, the generator declares it as the table says,
 * the ORM maps it with the table's codec, and the CLI reads a CSV cell by the table's kinds.
 */
const TYPES = Object.keys(DATA_TYPES) as ZohoDataType[];

describe('the data-type table', () => {
  test.each(TYPES)('%s: codegen, the run-time model and the codecs agree with it', (type) => {
    const json = { api_name: 'Some_Field', data_type: type, json_type: 'string' };
    const plan = planField(json, DEFAULT_RUNTIME_NAMES, 'Deals', 'someField');
    const role = Object.values(FIELD_ROLES).find((r) => r.decorator === plan.decorator);
    expect(role).toBeDefined();
    // A plain field is declared with its own type; a role's decorator implies one that maps and queries
    // the same way (an `ownerlookup` other than Owner is declared with @UserLookup).
    const declared = plan.dataType ?? role!.dataType!;
    expect([DATA_TYPES[declared].codec, DATA_TYPES[declared].query]).toEqual([
      DATA_TYPES[type].codec,
      DATA_TYPES[type].query,
    ]);
    if (plan.decorator === 'Field') expect(declared).toBe(type);
    if (
      plan.decorator === 'Field' &&
      type !== 'picklist' &&
      type !== 'multiselectpicklist' &&
      type !== 'formula'
    )
      expect(plan.tsType).toBe(DATA_TYPES[type].tsType);

    const model = runtimeModel({ api_name: 'Deals' }, [json]);
    const field = model.byApiName.get('Some_Field')!;
    expect(field.role).toBe(plan.decorator === 'Field' ? 'field' : field.role);
    if (plan.decorator === 'Field') {
      expect(field.dataType).toBe(type);
      const metadata = {
        ...field,
        propertyName: field.property,
        inferred: false,
        system: false,
        unique: false,
      };
      expect(codecNameOf(metadata as never)).toBe(DATA_TYPES[type].codec);
      expect(codecFor(metadata as never)).toBeDefined();
    }
  });

  test('CSV cells are read by the table: numbers, booleans, options, JSON, references', () => {
    const cell = (dataType: ZohoDataType, text: string, role = 'field') =>
      importValue(
        { apiName: 'F', property: 'F', role, dataType, readonly: false, queryable: true } as never,
        text,
        true,
      );
    expect(cell('currency', '12.5')).toEqual({ value: 12.5 });
    expect(cell('integer', 'x')).toEqual({ error: 'F: expects a number, got "x"' });
    expect(cell('bigint', '12')).toEqual({ value: '12' });
    expect(cell('boolean', 'TRUE')).toEqual({ value: true });
    expect(cell('multiselectpicklist', 'a; b')).toEqual({ value: ['a', 'b'] });
    expect(cell('fileupload', '[{"id":"1"}]')).toEqual({ value: [{ id: '1' }] });
    expect(cell('lookup', '123', 'lookup')).toEqual({ value: '123' });
    expect(cell('date', '2026-01-02')).toEqual({ value: '2026-01-02' });
  });
});
