import type { ZohoDataType } from './data-types';
import { FIELD_ROLES, FieldRole } from './field-roles';

/**
 * The data type of a field declared without `type`: the one its role implies, else the one of its design
 * type (`emitDecoratorMetadata`): `string` → text, `number` → double, `boolean`, `Date` → datetime,
 * `string[]` → multi-select picklist, `bigint`. Undefined when neither tells (no design type under
 * esbuild, SWC, tsx or standard decorators; a union or object type): the declaration must then give `type`.
 */
export function inferDataType(role: FieldRole, designType: unknown): ZohoDataType | undefined {
  const implied = FIELD_ROLES[role].dataType;
  if (implied) return implied;
  switch (designType) {
    case String:
      return 'text';
    case Number:
      return 'double';
    case Boolean:
      return 'boolean';
    case Date:
      return 'datetime';
    case Array:
      return 'multiselectpicklist';
    case BigInt:
      return 'bigint';
    default:
      return undefined;
  }
}
