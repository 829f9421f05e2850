import type { EmulatorContext } from '../../context';
import type { OrgTax } from '../../state/types';
import { isPlainObject } from '../body';
import { itemError, itemSuccess, ItemResult } from '../zoho-error';
import { numberFrom } from './values';
import { ItemErrors } from '../item-errors';

/** Messages of Zoho's tax API (`@zohocrm/nodejs-sdk-2.0` config/json_details.json, `taxes/success_response`, `taxes/api_exception`). */
export const TAX_MESSAGES = {
  added: 'tax added',
  // Zoho answers a tax update with the record message (`@zohocrm/nodejs-sdk-2.0` `taxes/success_response`).
  updated: 'record updated',
  deleted: 'tax deleted',
  notDeleted: 'tax not deleted',
  unknownId: 'Given ID does not exist',
  outOfRange: 'Sequence number out of range',
  repeated: 'Sequence number cannot be repeated in same request',
};

/** [I] Longest tax name Zoho accepts. */
const NAME_MAX = 50;

/** One write request's bookkeeping: sequence numbers already claimed by earlier items. */
export class TaxBatch {
  private readonly sequences = new Set<number>();

  constructor(private readonly ctx: EmulatorContext) {}

  /** `POST /org/taxes` item: name and value are required; values may arrive as strings (the Python SDK sends them so). */
  create(input: unknown): ItemResult {
    if (!isPlainObject(input)) return ItemErrors.notAnObject();
    for (const key of ['name', 'value']) {
      if (input[key] === undefined || input[key] === null) return ItemErrors.mandatory(key);
    }
    const checked = this.check(input, undefined);
    if ('error' in checked) return checked.error;
    const { name = '', value = 0, display_label, sequence_number } = checked;
    const tax: OrgTax = {
      id: this.ctx.newId(),
      name,
      display_label: display_label ?? name,
      value,
      sequence_number: 0,
    };
    placeTax(this.ctx, tax, sequence_number);
    return itemSuccess(TAX_MESSAGES.added, { id: tax.id });
  }

  /** `PUT /org/taxes` item: the `id` names the tax; other keys change it. */
  update(input: unknown): ItemResult {
    if (!isPlainObject(input)) return ItemErrors.notAnObject();
    if (input.id === undefined || input.id === null) return ItemErrors.mandatory('id');
    const tax = this.ctx.state.taxes.find((t) => t.id === String(input.id));
    if (!tax) return itemError('INVALID_DATA', TAX_MESSAGES.unknownId, { id: String(input.id) });
    const checked = this.check(input, tax);
    if ('error' in checked) return checked.error;
    const { sequence_number, ...changes } = checked;
    Object.assign(tax, changes);
    if (sequence_number !== undefined) placeTax(this.ctx, tax, sequence_number);
    return itemSuccess(TAX_MESSAGES.updated, { id: tax.id });
  }

  /** Validates the keys present; `tax` is the one being updated (none on create). */
  private check(
    input: Record<string, unknown>,
    tax: OrgTax | undefined,
  ): Partial<Omit<OrgTax, 'id'>> | { error: ItemResult } {
    const invalid = (apiName: string, message?: string) => ({
      error: ItemErrors.invalid(apiName, {}, message),
    });
    const out: Partial<Omit<OrgTax, 'id'>> = {};
    if (input.name !== undefined) {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (name.length === 0 || name.length > NAME_MAX) return invalid('name');
      const taken = this.ctx.state.taxes.some(
        (t) => t !== tax && t.name.toLowerCase() === name.toLowerCase(),
      );
      if (taken) return { error: ItemErrors.duplicate('name') };
      out.name = name;
    }
    if (input.display_label !== undefined) {
      if (typeof input.display_label !== 'string' || input.display_label.trim().length === 0)
        return invalid('display_label');
      out.display_label = input.display_label.trim();
    }
    if (input.value !== undefined) {
      const value = numberFrom(input.value);
      // [I] A tax rate is a percentage.
      if (value === undefined || value < 0 || value > 100) return invalid('value');
      out.value = value;
    }
    if (input.sequence_number !== undefined) {
      const seq = numberFrom(input.sequence_number);
      const max = this.ctx.state.taxes.length + (tax ? 0 : 1);
      if (seq === undefined || !Number.isInteger(seq) || seq < 1 || seq > max)
        return invalid('sequence_number', TAX_MESSAGES.outOfRange);
      if (this.sequences.has(seq)) return invalid('sequence_number', TAX_MESSAGES.repeated);
      this.sequences.add(seq);
      out.sequence_number = seq;
    }
    return out;
  }
}

/** Removes a tax; the others close up their sequence numbers. */
export function deleteTax(ctx: EmulatorContext, id: string): ItemResult {
  const index = ctx.state.taxes.findIndex((t) => t.id === id);
  if (index < 0) return itemError('INVALID_DATA', TAX_MESSAGES.notDeleted, { id });
  ctx.state.taxes.splice(index, 1);
  ctx.state.taxes = numbered(sortedTaxes(ctx));
  return itemSuccess(TAX_MESSAGES.deleted, { id });
}

/** The org's taxes in display order. */
export function sortedTaxes(ctx: EmulatorContext): OrgTax[] {
  return ctx.state.taxes.slice().sort((a, b) => a.sequence_number - b.sequence_number);
}

/** Puts `tax` at position `sequence` (at the end when none) and renumbers the list 1..n. */
function placeTax(ctx: EmulatorContext, tax: OrgTax, sequence: number | undefined): void {
  const others = sortedTaxes(ctx).filter((t) => t !== tax);
  others.splice(sequence === undefined ? others.length : sequence - 1, 0, tax);
  ctx.state.taxes = numbered(others);
}

/** Gives the taxes sequence numbers 1..n in list order. */
function numbered(taxes: OrgTax[]): OrgTax[] {
  taxes.forEach((t, i) => (t.sequence_number = i + 1));
  return taxes;
}
