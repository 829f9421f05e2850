import { idString, Json, num, putDefined, str } from '../mappers/json-utils';

/**
 * An org tax (`org/taxes`): the named rates line items and records can carry. Build one with
 * `ZCRMOrgTax.getInstance()`, set `name` and `value`, and pass it to `ZCRMOrganization.createOrganizationTaxes`.
 */
export class ZCRMOrgTax {
  id?: string;
  name?: string | null;
  displayLabel?: string | null;
  /** The rate, a percentage. */
  value?: number | null;
  /** Position in the org's tax list, from 1. */
  sequenceNumber?: number | null;

  constructor(id?: string, name?: string | null) {
    if (id !== undefined) this.id = id;
    if (name !== undefined) this.name = name;
  }

  /** Builds a tax object without a request. */
  static getInstance(id?: string, name?: string | null): ZCRMOrgTax {
    return new ZCRMOrgTax(id, name);
  }

  /** Parses one element of `taxes`. The display label falls back on the name when absent. */
  static fromJson(json: Json): ZCRMOrgTax {
    const tax = new ZCRMOrgTax(idString(json.id), str(json.name));
    tax.displayLabel = str(json.display_label) ?? tax.name;
    tax.value = num(json.value);
    tax.sequenceNumber = num(json.sequence_number);
    return tax;
  }

  /** The write JSON: only the attributes that are set (`id` only when `withId`). */
  toJson(withId: boolean): Json {
    const out: Json = {};
    if (withId) putDefined(out, 'id', this.id);
    putDefined(out, 'name', this.name);
    putDefined(out, 'display_label', this.displayLabel);
    putDefined(out, 'value', this.value);
    putDefined(out, 'sequence_number', this.sequenceNumber);
    return out;
  }
}
