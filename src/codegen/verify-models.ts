import * as metadata from '../api/operations/metadata-operations';
import type { ZCRMRestClient } from '../api/rest-client';
import type { FieldMetadata, ModelClass } from '../metadata/field-metadata';
import { getMetadataStorage } from '../metadata/metadata-storage';
import { moduleName } from './field-mapping';
import type { FieldJson, ModuleJson } from './metadata-json';
import { closestName } from './naming';

/** One way a hand-written model no longer matches the org. */
export interface ModelMismatch {
  /** The model class name. */
  model: string;
  module: string;
  /** `missing-module`, `missing-field`, `type-mismatch` or `lookup-target`. */
  kind: 'missing-module' | 'missing-field' | 'type-mismatch' | 'lookup-target';
  property?: string;
  apiName?: string;
  /** What the model declares and what the org has (types, or lookup target modules). */
  declared?: string;
  actual?: string;
  /** A sentence for people: `Invoice.subject: the org has no field "Subjct" (did you mean "Subject"?)`. */
  message: string;
}

/** Zoho data types whose values a property of one TypeScript type holds (for types that were inferred). */
const SAME_VALUES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['text', 'textarea', 'mediumtext', 'email', 'phone', 'website', 'autonumber', 'picklist', 'date']),
  new Set(['integer', 'double', 'currency', 'percent', 'decimal']),
  new Set(['bigint', 'long']),
];

/** The org data types a field of each structured role may have. */
const ROLE_TYPES: Partial<Record<FieldMetadata['role'], readonly string[]>> = {
  lookup: ['lookup'],
  owner: ['ownerlookup'],
  userLookup: ['userlookup', 'ownerlookup'],
  lineItems: ['lineitem'],
  subform: ['subform'],
  pricingDetails: ['pricing_details'],
};

/** True when a field declared (or inferred) as `declared` can hold the org's `actual` values. */
function compatible(field: FieldMetadata, actual: string): boolean {
  const roleTypes = ROLE_TYPES[field.role];
  if (roleTypes) return roleTypes.includes(actual);
  if (field.role !== 'field') return true;
  if (field.dataType === actual || actual === 'formula') return true;
  return field.inferred && SAME_VALUES.some((group) => group.has(field.dataType) && group.has(actual));
}

/**
 * Checks hand-written (or long-ago generated) models against the org's field metadata, one
 * `settings/fields?module=` call per module: every declared field must exist, with a compatible data type,
 * and lookups must point at the module the org's lookup does. Resolves with every mismatch (none when the
 * models fit); system fields every record has are not checked.
 * ```ts
 * for (const m of await verifyModels(client, [Invoice, Account])) console.log(m.message);
 * ```
 */
export async function verifyModels(
  client: ZCRMRestClient,
  models: readonly ModelClass[],
): Promise<ModelMismatch[]> {
  const storage = getMetadataStorage();
  const listed = ((await metadata.getModules(client)).data?.modules ?? []) as ModuleJson[];
  const modules = listed.flatMap((m) => (typeof m.api_name === 'string' ? [m.api_name] : []));
  const fieldsOf = new Map<string, Promise<FieldJson[]>>();
  const out: ModelMismatch[] = [];
  for (const model of models) {
    const meta = storage.getModel(model);
    const module = meta.moduleApiName;
    const base = { model: meta.name, module };
    if (!modules.includes(module)) {
      const near = closestName(module, modules);
      out.push({
        ...base,
        kind: 'missing-module',
        message: `${meta.name}: the org has no module "${module}"${near ? ` (did you mean "${near}"?)` : ''}`,
      });
      continue;
    }
    if (!fieldsOf.has(module))
      fieldsOf.set(
        module,
        metadata.getFields(client, module).then((r) => (r.data?.fields ?? []) as FieldJson[]),
      );
    const orgFields = await fieldsOf.get(module)!;
    const byApiName = new Map(
      orgFields.flatMap((f) => (typeof f.api_name === 'string' ? [[f.api_name, f]] : [])),
    );
    for (const field of meta.fields) {
      if (field.system) continue;
      const where = `${meta.name}.${field.propertyName}`;
      const at = { ...base, property: field.propertyName, apiName: field.apiName };
      const org = byApiName.get(field.apiName);
      if (!org) {
        const near = closestName(field.apiName, byApiName.keys());
        out.push({
          ...at,
          kind: 'missing-field',
          message: `${where}: ${module} has no field "${field.apiName}"${near ? ` (did you mean "${near}"?)` : ''}`,
        });
        continue;
      }
      const actual = org.data_type ?? 'text';
      if (!compatible(field, actual)) {
        const declared = field.role === 'field' ? field.dataType : field.role;
        out.push({
          ...at,
          kind: 'type-mismatch',
          declared,
          actual,
          message: `${where}: declared ${declared}${field.inferred ? ' (inferred)' : ''}, but ${module}.${field.apiName} is ${actual}`,
        });
        continue;
      }
      if (field.role === 'lookup') {
        const target = storage.resolveTarget(field);
        const declared =
          target && storage.isModel(target) ? storage.getModel(target).moduleApiName : undefined;
        const actualTarget = moduleName(org.lookup?.module);
        if (declared !== undefined && actualTarget !== undefined && declared !== actualTarget) {
          out.push({
            ...at,
            kind: 'lookup-target',
            declared,
            actual: actualTarget,
            message: `${where}: the lookup points at ${declared}, but ${module}.${field.apiName} looks up ${actualTarget}`,
          });
        }
      }
    }
  }
  return out;
}
