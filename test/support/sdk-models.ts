import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Checks JSON answers against the models of Zoho's official Node SDK (`@zohocrm/nodejs-sdk-2.0`): its
 * `config/json_details.json` names, per class, each member's JSON key and declared type; record fields are typed
 * from the module's field metadata with the SDK's own data-type table (`utils/util/utility.js` `fillDataType`).
 */
const SDK_DIR = path.dirname(require.resolve('@zohocrm/nodejs-sdk-2.0/package.json'));
const API = 'core/com/zoho/crm/api/';
export const RECORD_CLASS = `${API}record/record`;
const CHOICE = 'utils/util/choice';
const STREAM = 'utils/util/stream_wrapper';

interface MemberDetail {
  name: string;
  type: string;
  structure_name?: string;
  module?: string;
}
type ClassDetail = Record<string, MemberDetail | string[]>;

const jsonDetails: Record<string, ClassDetail> = JSON.parse(
  readFileSync(path.join(SDK_DIR, 'config/json_details.json'), 'utf8'),
);

/** A key whose JSON value is not of the type the SDK model declares for it. */
export interface TypeDifference {
  /** Where in the answer, e.g. `GET /settings/fields?module=Leads .fields[3].length`. */
  path: string;
  sdkClass: string;
  key: string;
  sdkType: string;
  json: string;
}

/** A module's fields as the SDK types them: API name → member detail (the SDK's `getFieldsInfo`). */
export type ModuleFieldTypes = Map<string, MemberDetail>;

/** The `/settings/fields` answer of a module, which record checks need. */
export type FieldsOf = (module: string) => Promise<ModuleFieldTypes | undefined>;

export async function sdkFieldTypes(
  module: string,
  fields: {
    api_name: string;
    data_type: string;
    lookup?: { module?: unknown };
    formula?: { return_type?: string };
  }[],
): Promise<ModuleFieldTypes> {
  const { Utility } = (await import(path.join(SDK_DIR, 'utils/util/utility'))) as {
    Utility: {
      fillDataType(): Promise<void>;
      apiTypeVsdataType: Map<string, string>;
      apiTypeVsStructureName: Map<string, string>;
    };
  };
  await Utility.fillDataType();
  // The SDK leaves these to the record class (`utils/util/constants.js` KEYS_TO_SKIP), whatever the metadata says.
  const { Constants } = (await import(path.join(SDK_DIR, 'utils/util/constants'))) as {
    Constants: { KEYS_TO_SKIP: string[] };
  };
  const inventory = ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'];
  const types: ModuleFieldTypes = new Map();
  for (const field of fields) {
    const name = field.api_name;
    if (Constants.KEYS_TO_SKIP.includes(name)) continue;
    const special: Record<string, MemberDetail | undefined> = {
      Product_Details: inventory.includes(module)
        ? { name, type: 'List', structure_name: `${API}record/inventory_line_items` }
        : undefined,
      Pricing_Details:
        module === 'Price_Books'
          ? { name, type: 'List', structure_name: `${API}record/pricing_details` }
          : undefined,
      Participants: ['Events', 'Activities'].includes(module)
        ? { name, type: 'List', structure_name: `${API}record/participants` }
        : undefined,
      Layout: { name, type: `${API}layouts/layout`, structure_name: `${API}layouts/layout` },
    };
    if (special[name]) {
      types.set(name, special[name]);
      continue;
    }
    const apiType = field.data_type === 'formula' ? field.formula?.return_type : field.data_type;
    const type = apiType === undefined ? undefined : Utility.apiTypeVsdataType.get(apiType);
    if (type === undefined) continue;
    const lookupModule = typeof field.lookup?.module === 'string' ? field.lookup.module : undefined;
    types.set(name, {
      name,
      type,
      structure_name: Utility.apiTypeVsStructureName.get(apiType!),
      module: field.data_type === 'lookup' ? lookupModule : undefined,
    });
  }
  return types;
}

/** Walks one answer as an instance of `sdkClass`, collecting every key whose JSON type the SDK does not declare. */
export class SdkModelWalker {
  readonly differences: TypeDifference[] = [];
  /** Classes and record modules the walk reached (so a test can tell it checked something). */
  readonly visited = new Set<string>();

  constructor(private readonly fieldsOf: FieldsOf) {}

  async walk(value: unknown, sdkClass: string, where: string, module?: string): Promise<void> {
    if (!isObject(value)) return;
    this.visited.add(module ? `${sdkClass}(${module})` : sdkClass);
    const members = await this.membersOf(sdkClass, module);
    for (const [key, v] of Object.entries(value)) {
      const detail = members.get(key);
      if (detail) await this.check(v, detail, sdkClass, key, `${where}.${key}`);
    }
  }

  private async membersOf(sdkClass: string, module: string | undefined): Promise<Map<string, MemberDetail>> {
    const members = new Map<string, MemberDetail>();
    for (const detail of Object.values(jsonDetails[sdkClass] ?? {})) {
      if (!Array.isArray(detail)) members.set(detail.name, detail);
    }
    if (sdkClass === RECORD_CLASS && module) {
      // As in the SDK's record conversion, the module's field metadata takes precedence over the record class.
      for (const [key, detail] of (await this.fieldsOf(module)) ?? []) members.set(key, detail);
    }
    return members;
  }

  private async check(value: unknown, detail: MemberDetail, sdkClass: string, key: string, where: string) {
    if (value === null || value === undefined) return;
    const type = detail.type;
    const differ = (): void => {
      this.differences.push({
        path: where,
        sdkClass: short(sdkClass),
        key,
        sdkType: type,
        json: describe(value),
      });
    };
    if (type.toLowerCase() === 'list') {
      if (!Array.isArray(value)) return differ();
      const item = detail.structure_name;
      for (const [i, element] of value.entries()) {
        if (item === CHOICE) {
          if (!isPrimitive(element)) differ();
        } else if (item && element !== null) {
          if (!isObject(element)) differ();
          else await this.walk(element, item, `${where}[${i}]`, detail.module);
        }
      }
      return;
    }
    if (type === 'Map') return isObject(value) ? undefined : differ();
    if (type === CHOICE || detail.structure_name === CHOICE) return isPrimitive(value) ? undefined : differ();
    if (type === STREAM || type === 'Object') return;
    if (type.includes('/')) {
      if (!isObject(value)) return differ();
      return this.walk(value, detail.structure_name ?? type, where, detail.module);
    }
    if (!SCALAR_CHECKS[type])
      throw new Error(`no check for the SDK type ${type} (${short(sdkClass)}.${key})`);
    if (!SCALAR_CHECKS[type](value)) differ();
  }
}

/** What JSON the SDK's converters (`utils/util/datatype_converter.js`) read as each scalar type without loss. */
const SCALAR_CHECKS: Record<string, (v: unknown) => boolean> = {
  String: (v) => typeof v === 'string',
  Integer: (v) => Number.isInteger(v),
  // Ids are strings of digits on the wire; the SDK's converter takes BigInt of either form.
  Long: (v) => Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)),
  Double: (v) => typeof v === 'number',
  Boolean: (v) => typeof v === 'boolean',
  DateTime: (v) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/.test(v),
  Date: (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v),
  LocalDate: (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

function describe(value: unknown): string {
  const kind = Array.isArray(value) ? 'array' : typeof value;
  const text = JSON.stringify(value);
  return `${kind} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

function short(sdkClass: string): string {
  return sdkClass.startsWith(API) ? sdkClass.slice(API.length) : sdkClass;
}
