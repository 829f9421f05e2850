import type { FieldMetadata, ModelClass } from './field-metadata';
import { className, ModelMetadataException } from './metadata-exception';

/**
 * The fields of a class, by property and by API name. Subform rows have only this; CRM models are
 * {@link ModelMetadata}.
 */
export class FieldSetMetadata {
  /** Every field, declared ones first (base classes before subclasses), then the system fields not redeclared. */
  readonly fields: readonly FieldMetadata[];
  private readonly byProperty: ReadonlyMap<string, FieldMetadata>;
  private readonly byApiName: ReadonlyMap<string, FieldMetadata>;

  constructor(
    readonly target: ModelClass,
    fields: readonly FieldMetadata[],
  ) {
    this.fields = Object.freeze([...fields]);
    this.byProperty = new Map(fields.map((f) => [f.propertyName, f]));
    const byApiName = new Map<string, FieldMetadata>();
    for (const field of fields) {
      const other = byApiName.get(field.apiName);
      if (other)
        throw ModelMetadataException.duplicateApiName(target, field.apiName, [
          other.propertyName,
          field.propertyName,
        ]);
      byApiName.set(field.apiName, field);
    }
    this.byApiName = byApiName;
  }

  /** The class name, for messages. */
  get name(): string {
    return className(this.target);
  }

  /** The field held by a property, or undefined. */
  field(propertyName: string): FieldMetadata | undefined {
    return this.byProperty.get(propertyName);
  }

  /** The field held by a property; a {@link ModelMetadataException} naming the model when there is none. */
  requireField(propertyName: string): FieldMetadata {
    const field = this.byProperty.get(propertyName);
    if (!field) throw ModelMetadataException.unknownProperty(this.target, propertyName);
    return field;
  }

  /** The field with an API name (exact spelling), or undefined. */
  fieldByApiName(apiName: string): FieldMetadata | undefined {
    return this.byApiName.get(apiName);
  }
}

/** A CRM model: a class bound to a Zoho module by `@CrmModule` (or {@link defineModel}), and its fields. */
export class ModelMetadata extends FieldSetMetadata {
  constructor(
    target: ModelClass,
    /** The module API name (`Invoices`). */
    readonly moduleApiName: string,
    fields: readonly FieldMetadata[],
  ) {
    super(target, fields);
  }
}
