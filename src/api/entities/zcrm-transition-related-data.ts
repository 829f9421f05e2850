import { isJsonObject } from '../mappers/json-utils';

/**
 * The `data` of a blueprint transition other than checklists and attachments (the seed's
 * `ZCRMTransitionRelatedData`): the current values of the transition's fields, and related-list data, by key.
 */
export class ZCRMTransitionRelatedData {
  values: Record<string, unknown> = {};

  static getInstance(): ZCRMTransitionRelatedData {
    return new ZCRMTransitionRelatedData();
  }

  /** Stores one `data` entry (objects are copied). */
  populateDataValues(name: string, value: unknown): void {
    this.values[name] = isJsonObject(value) ? { ...value } : value;
  }

  /** `data[relatedList][key]`, undefined when either is missing. */
  getValue(relatedList: string, key: string): unknown {
    const entry = this.values[relatedList];
    return isJsonObject(entry) ? entry[key] : undefined;
  }

  /** `data[key]`. */
  getDataValue(key: string): unknown {
    return this.values[key];
  }

  getDataValues(): Record<string, unknown> {
    return this.values;
  }

  /** The keys of `data`. */
  getDataNames(): string[] {
    return Object.keys(this.values);
  }

  /** The keys of `data[key]` when it is an object, else the value itself (as the seed). */
  getDataKeys(key: string): unknown {
    const entry = this.values[key];
    return isJsonObject(entry) ? Object.keys(entry) : entry;
  }
}
