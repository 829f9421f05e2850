import { bool, Json, num, str } from '../mappers/json-utils';
import { objects } from '../mappers/settings-json';
import { ZCRMField } from './zcrm-field';

/** A section of a layout and its fields. Data only. */
export class ZCRMSection {
  name?: string | null;
  displayLabel?: string | null;
  apiName?: string | null;
  columnCount?: number | null;
  sequenceNumber?: number | null;
  tabTraversal?: number | null;
  isSubformSection?: boolean | null;
  generatedType?: string | null;
  fields: ZCRMField[] = [];

  constructor(name?: string | null) {
    if (name !== undefined) this.name = name;
  }

  /** Builds a section object without a request. */
  static getInstance(name?: string | null): ZCRMSection {
    return new ZCRMSection(name);
  }

  /** The seed declared `display_name` but filled `display_label`; both names read the same value here. */
  get displayName(): string | null | undefined {
    return this.displayLabel;
  }

  /** Parses one `sections[]` element of a layout. */
  static fromJson(json: Json): ZCRMSection {
    const section = new ZCRMSection(str(json.name));
    section.displayLabel = str(json.display_label);
    section.apiName = str(json.api_name);
    section.columnCount = num(json.column_count);
    section.sequenceNumber = num(json.sequence_number);
    section.tabTraversal = num(json.tab_traversal);
    section.isSubformSection = bool(json.isSubformSection);
    section.generatedType = str(json.generated_type);
    section.fields = objects(json.fields).map((f) => ZCRMField.fromJson(f));
    return section;
  }
}
