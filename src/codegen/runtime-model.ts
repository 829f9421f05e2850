import type { ZCRMRestClient } from '../api/rest-client';
import * as metadata from '../api/operations/metadata-operations';
import { ValidationException } from '../errors/validation-exception';
import { CrmRecord } from '../orm/crm-record';
import type { FieldDefinition, FieldMetadata, ZohoDataType } from '../metadata/field-metadata';
import { defineModel } from '../metadata/define-model';
import { getMetadataStorage } from '../metadata/metadata-storage';
import { SYSTEM_FIELDS } from '../metadata/system-fields';
import type { ModelConstructor } from '../orm/repository';
import { planField } from './field-mapping';
import type { FieldJson, ModuleJson } from './metadata-json';
import { pascalCase } from './naming';
import { DEFAULT_RUNTIME_NAMES } from './render-models';

/** One field of a {@link RuntimeModel}, in the order the org lists them. */
export interface RuntimeField {
  apiName: string;
  /** The model's property (the API name itself, but for the system fields every record has: `owner` …). */
  property: string;
  role: FieldMetadata['role'];
  dataType: ZohoDataType;
  readonly: boolean;
  /** A query can read it (scalars, picklists, lookups, users); structured fields travel as Zoho's JSON. */
  queryable: boolean;
}

/** A model class built at run time from a module's field metadata, for tools that get a module by name. */
export interface RuntimeModel {
  module: string;
  model: ModelConstructor<CrmRecord>;
  /** `id` first, then the fields in the org's order. */
  fields: RuntimeField[];
  byApiName: Map<string, RuntimeField>;
}

/** Types whose values are structures: kept as Zoho's JSON both ways, and not readable by list or COQL queries. */
const STRUCTURED: ReadonlySet<string> = new Set(['jsonarray', 'jsonobject']);
const SYSTEM_API_NAMES = new Set(SYSTEM_FIELDS.map((f) => f.apiName));

/**
 * A `CrmRecord` model of `module` whose properties are the fields' API names (`Last_Name`), so a tool can
 * take field names from its user as they are in Zoho and still go through the ORM (its queries, paging,
 * validation and batched writes). Line items, subforms and other structured fields are declared as JSON
 * fields: they travel as Zoho's JSON, unchanged.
 */
export function runtimeModel(module: ModuleJson & { api_name: string }, fields: FieldJson[]): RuntimeModel {
  const Model = class extends CrmRecord {};
  Object.defineProperty(Model, 'name', { value: pascalCase(module.singular_label || module.api_name) });
  const declarations: Record<string, FieldDefinition> = {};
  for (const field of fields) {
    const apiName = field.api_name;
    if (typeof apiName !== 'string' || apiName === '' || SYSTEM_API_NAMES.has(apiName)) continue;
    declarations[apiName] = declaration(field, module.api_name);
  }
  defineModel(Model as unknown as ModelConstructor<CrmRecord>, {
    module: module.api_name,
    fields: declarations as never,
  });

  const meta = getMetadataStorage().getModel(Model);
  const byApiName = new Map<string, RuntimeField>();
  for (const field of meta.fields) {
    byApiName.set(field.apiName, {
      apiName: field.apiName,
      property: field.propertyName,
      role: field.role,
      dataType: field.dataType,
      readonly: field.readonly,
      queryable: field.apiName !== 'Tag' && !STRUCTURED.has(field.dataType) && field.role !== 'subform',
    });
  }
  const ordered: RuntimeField[] = [];
  const push = (apiName: string) => {
    const field = byApiName.get(apiName);
    if (field && !ordered.includes(field)) ordered.push(field);
  };
  push('id');
  for (const field of fields) if (typeof field.api_name === 'string') push(field.api_name);
  for (const apiName of byApiName.keys()) push(apiName);
  return {
    module: module.api_name,
    model: Model as unknown as ModelConstructor<CrmRecord>,
    fields: ordered,
    byApiName,
  };
}

function declaration(field: FieldJson, module: string): FieldDefinition {
  const plan = planField(field, DEFAULT_RUNTIME_NAMES, module, field.api_name!);
  const readonly = plan.readonly;
  switch (plan.decorator) {
    case 'Lookup':
      return { apiName: plan.apiName, role: 'lookup', readonly };
    case 'UserLookup':
      return { apiName: plan.apiName, role: 'userLookup', readonly };
    case 'Field':
      return { apiName: plan.apiName, role: 'field', type: plan.dataType, readonly, unique: isUnique(field) };
    default:
      // Line items, record taxes, subforms, participants, price ranges: Zoho's JSON as it is.
      return { apiName: plan.apiName, role: 'field', type: 'jsonarray', readonly };
  }
}

/** Zoho's field metadata marks a unique field with a non-empty `unique` object (`{casesensitive: "false"}`). */
function isUnique(field: FieldJson): boolean {
  const unique = field.unique;
  return typeof unique === 'object' && unique !== null && Object.keys(unique).length > 0;
}

/**
 * The runtime model of a module, read from the org (`settings/modules` to check the name, then
 * `settings/fields?module=`). An unknown module fails with the closest name.
 */
export async function loadRuntimeModel(client: ZCRMRestClient, moduleName: string): Promise<RuntimeModel> {
  const listed = await metadata.getModules(client);
  const modules = (listed.data?.modules ?? []) as ModuleJson[];
  const module = modules.find((m) => m.api_name === moduleName && m.api_supported !== false);
  if (!module) {
    const near = modules.find((m) => m.api_name?.toLowerCase() === moduleName.toLowerCase());
    const hint = near ? ` (did you mean "${near.api_name}"?)` : '';
    throw ValidationException.invalidInput('module', `no API-supported module "${moduleName}"${hint}`);
  }
  const response = await metadata.getFields(client, moduleName);
  return runtimeModel(
    module as ModuleJson & { api_name: string },
    (response.data?.fields ?? []) as FieldJson[],
  );
}
