import type { FieldDefinition, FieldMetadata, ModelClass } from './field-metadata';
import { ZOHO_DATA_TYPES } from './field-metadata';
import { inferDataType } from './infer-data-type';
import { ModelMetadataException } from './metadata-exception';
import { FieldSetMetadata, ModelMetadata } from './model-metadata';
import { SYSTEM_FIELDS } from './system-fields';

/** Module API names: Zoho's, custom ones included (`Invoices`, `Projects__c`). */
const MODULE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Field API names; `$`-prefixed meta keys (`$line_tax`) are fields too. */
const FIELD_NAME = /^\$?[A-Za-z][A-Za-z0-9_]*$/;

/** Roles that only some modules have (https://www.zoho.com/crm/developer/docs/api/v2/insert-records.html). */
const ROLE_MODULES: Partial<
  Record<FieldMetadata['role'], { decorator: string; modules: readonly string[] }>
> = {
  lineItems: { decorator: 'LineItems', modules: ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'] },
  lineTaxes: { decorator: 'LineTaxes', modules: ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'] },
  participants: { decorator: 'Participants', modules: ['Events'] },
  pricingDetails: { decorator: 'PricingDetails', modules: ['Price_Books'] },
};

/** What one class declares itself (its base classes declare the rest). */
interface ClassEntry {
  module?: string;
  fields: Map<string, FieldMetadata>;
}

/**
 * The registry of model metadata, keyed by class. Decorators and {@link defineModel} write declarations
 * here; readers get a resolved {@link ModelMetadata} (own declarations, those of base classes, and the
 * system fields), cached until the next declaration.
 */
export class MetadataStorage {
  private readonly entries = new WeakMap<ModelClass, ClassEntry>();
  private models = new WeakMap<ModelClass, ModelMetadata>();
  private fieldSets = new WeakMap<ModelClass, FieldSetMetadata>();

  /** Declares a field of `target` held by `propertyName`. `designType` is the property's reflected type. */
  addField(
    target: ModelClass,
    propertyName: string,
    definition: FieldDefinition,
    designType?: unknown,
  ): FieldMetadata {
    if (typeof definition.apiName !== 'string' || !FIELD_NAME.test(definition.apiName)) {
      throw ModelMetadataException.badApiName(target, `the API name of ${propertyName}`, definition.apiName);
    }
    if (definition.type !== undefined && !ZOHO_DATA_TYPES.has(definition.type)) {
      throw ModelMetadataException.badDataType(target, propertyName, definition.type);
    }
    const entry = this.entry(target);
    if (entry.fields.has(propertyName)) throw ModelMetadataException.duplicateProperty(target, propertyName);
    const role = definition.role ?? 'field';
    const field: FieldMetadata = Object.freeze({
      propertyName,
      apiName: definition.apiName,
      role,
      dataType: definition.type ?? inferDataType(role, designType),
      inferred: definition.type === undefined,
      readonly: definition.readonly ?? false,
      system: false,
      unique: definition.unique ?? false,
      target: definition.target,
      declaredBy: target,
    });
    entry.fields.set(propertyName, field);
    this.forget();
    return field;
  }

  /** Binds `target` to a module, and checks the whole model at once (so mistakes surface where the class is defined). */
  setModule(target: ModelClass, moduleApiName: string): ModelMetadata {
    if (typeof moduleApiName !== 'string' || !MODULE_NAME.test(moduleApiName)) {
      throw ModelMetadataException.badApiName(target, 'the module API name', moduleApiName);
    }
    const entry = this.entry(target);
    if (entry.module !== undefined && entry.module !== moduleApiName) {
      throw ModelMetadataException.duplicateModule(target, entry.module, moduleApiName);
    }
    entry.module = moduleApiName;
    this.forget();
    return this.getModel(target);
  }

  /** True when `target` (or a base class) is bound to a module. */
  isModel(target: unknown): target is ModelClass {
    return typeof target === 'function' && this.moduleOf(target) !== undefined;
  }

  /** The model of `target`, or undefined when it is not a model. */
  findModel(target: unknown): ModelMetadata | undefined {
    return this.isModel(target) ? this.getModel(target) : undefined;
  }

  /** The model of `target`; a {@link ModelMetadataException} when it is not one. */
  getModel(target: unknown): ModelMetadata {
    if (typeof target !== 'function') throw ModelMetadataException.notAModel(target);
    const cached = this.models.get(target);
    if (cached) return cached;
    const module = this.moduleOf(target);
    if (module === undefined) throw ModelMetadataException.notAModel(target);
    const declared = this.declaredFields(target);
    for (const field of declared) checkRole(target, module, field);
    // A declaration of a system field's property or API name replaces it.
    const system = SYSTEM_FIELDS.filter(
      (s) => !declared.some((d) => d.propertyName === s.propertyName || d.apiName === s.apiName),
    );
    const model = new ModelMetadata(target, module, [...declared, ...system]);
    this.models.set(target, model);
    return model;
  }

  /** The declared fields of any class (subform and line-item rows), without system fields. */
  getFieldSet(target: ModelClass): FieldSetMetadata {
    const cached = this.fieldSets.get(target);
    if (cached) return cached;
    const set = new FieldSetMetadata(target, this.declaredFields(target));
    this.fieldSets.set(target, set);
    return set;
  }

  /** The class a lookup, subform or line-item field points at, checked. */
  resolveTarget(field: FieldMetadata): ModelClass | undefined {
    if (!field.target) return undefined;
    const got = field.target();
    if (typeof got !== 'function')
      throw ModelMetadataException.badTarget(field.declaredBy, field.propertyName, got);
    return got;
  }

  /** Drops resolved metadata: a declaration may change any subclass's model. */
  private forget(): void {
    this.models = new WeakMap();
    this.fieldSets = new WeakMap();
  }

  private entry(target: ModelClass): ClassEntry {
    let entry = this.entries.get(target);
    if (!entry) {
      entry = { fields: new Map() };
      this.entries.set(target, entry);
    }
    return entry;
  }

  /** The nearest module binding along the prototype chain. */
  private moduleOf(target: ModelClass): string | undefined {
    for (const cls of chain(target)) {
      const module = this.entries.get(cls)?.module;
      if (module !== undefined) return module;
    }
    return undefined;
  }

  /** Declared fields, base classes first; a subclass redeclaring a property replaces it in place. */
  private declaredFields(target: ModelClass): FieldMetadata[] {
    const byProperty = new Map<string, FieldMetadata>();
    for (const cls of chain(target).reverse()) {
      for (const field of this.entries.get(cls)?.fields.values() ?? [])
        byProperty.set(field.propertyName, field);
    }
    return [...byProperty.values()];
  }
}

/** `target` and its base classes, nearest first. */
function chain(target: ModelClass): ModelClass[] {
  const classes: ModelClass[] = [];
  for (
    let cls: unknown = target;
    typeof cls === 'function' && cls !== Function.prototype;
    cls = Object.getPrototypeOf(cls)
  ) {
    classes.push(cls as ModelClass);
  }
  return classes;
}

function checkRole(target: ModelClass, module: string, field: FieldMetadata): void {
  const rule = ROLE_MODULES[field.role];
  if (rule && !rule.modules.includes(module)) {
    throw ModelMetadataException.roleNotInModule(
      target,
      field.propertyName,
      rule.decorator,
      module,
      rule.modules,
    );
  }
}

/** The registry every decorator writes to. */
const storage = new MetadataStorage();

/** The process-wide metadata registry. */
export function getMetadataStorage(): MetadataStorage {
  return storage;
}
