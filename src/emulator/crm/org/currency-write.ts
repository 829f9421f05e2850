import type { EmulatorContext } from '../../context';
import { familyState } from '../family-state';
import { isPlainObject } from '../body';
import { ItemErrors } from '../item-errors';
import { ItemResult, itemSuccess } from '../zoho-error';
import { numberFrom } from './values';

/** One org currency as Zoho stores it; `exchange_rate` is a decimal string (`"3.000000000"`). */
export interface OrgCurrency {
  id: string;
  name: string;
  iso_code: string;
  symbol: string;
  exchange_rate: string;
  is_active: boolean;
  is_base: boolean;
  prefix_symbol: boolean;
  format: { decimal_separator: string; thousand_separator: string; decimal_places: string };
  created_by: string;
  created_time: string;
  modified_by: string;
  modified_time: string;
}

/**
 * Messages of Zoho's currencies API, as the official Node SDK 2.0 lists them
 * (`core/com/zoho/crm/api/currencies/success_response.js`, `api_exception.js`).
 */
export const CURRENCY_MESSAGES = {
  enabled: 'The multi-currency feature is enabled and given currency is created as the base currency.',
  created: 'The currency created successfully.',
  updated: 'The currency updated successfully',
  alreadyEnabled: 'The multi-currency is already enabled',
  notEnabled: 'Multi currency is not enabled',
  invalidIso: 'ISO code is invalid.',
};

/** The choices of `format` (Node SDK 2.0 `core/com/zoho/crm/api/currencies/format.js`). */
const FORMAT_CHOICES = {
  decimal_separator: ['Period', 'Comma'],
  thousand_separator: ['Period', 'Comma', 'Space'],
  decimal_places: ['0', '2', '3'],
} as const;

/** [I] The format of a currency added without one. */
const DEFAULT_FORMAT = { decimal_separator: 'Period', thousand_separator: 'Comma', decimal_places: '2' };

/** Keys a new currency must carry (required in the Node SDK 2.0 `currencies/currency.js` model). */
const REQUIRED = ['name', 'iso_code', 'symbol', 'exchange_rate', 'format'] as const;

/** The org's currencies; none until multi-currency is enabled (`POST /org/currencies/actions/enable`). */
export function currencies(ctx: EmulatorContext): OrgCurrency[] {
  return familyState(ctx, 'currencies', () => ({ list: [] as OrgCurrency[] })).list;
}

/** Applies `POST /org/currencies` items (`base` for the enabling call) and `PUT` items to the org's currencies. */
export class CurrencyWriter {
  constructor(private readonly ctx: EmulatorContext) {}

  create(input: unknown, base = false): ItemResult {
    if (!isPlainObject(input)) return ItemErrors.notAnObject();
    for (const key of REQUIRED) {
      if (input[key] === undefined || input[key] === null) {
        // The base currency's rate is always 1, so the enabling call needs none.
        if (!(base && key === 'exchange_rate')) return ItemErrors.mandatory(key);
      }
    }
    const checked = this.check(input, undefined);
    if ('error' in checked) return checked.error;
    const user = this.ctx.adminUser().id;
    const now = this.ctx.timestamp();
    const currency: OrgCurrency = {
      id: this.ctx.newId(),
      name: '',
      iso_code: '',
      symbol: '',
      exchange_rate: formatRate(1),
      is_active: true,
      prefix_symbol: true,
      format: { ...DEFAULT_FORMAT },
      ...checked,
      is_base: base,
      created_by: user,
      created_time: now,
      modified_by: user,
      modified_time: now,
    };
    if (base) currency.exchange_rate = formatRate(1);
    currencies(this.ctx).push(currency);
    return itemSuccess(base ? CURRENCY_MESSAGES.enabled : CURRENCY_MESSAGES.created, { id: currency.id });
  }

  /** A `PUT` item naming its currency by `id` (or the currency of the `PUT /org/currencies/{id}` path). */
  update(input: unknown, id?: string): ItemResult {
    if (!isPlainObject(input)) return ItemErrors.notAnObject();
    const key = id ?? (input.id === undefined || input.id === null ? undefined : String(input.id));
    if (key === undefined) return ItemErrors.mandatory('id');
    const currency = currencies(this.ctx).find((c) => c.id === key);
    if (!currency) return ItemErrors.invalidId(key);
    const checked = this.check(input, currency);
    if ('error' in checked) return checked.error;
    // The base currency's rate stays 1 and it stays active: Zoho lets its properties change, not its role.
    if (currency.is_base && (checked.exchange_rate !== undefined || checked.is_active === false)) {
      return ItemErrors.invalid(checked.exchange_rate !== undefined ? 'exchange_rate' : 'is_active');
    }
    Object.assign(currency, checked, {
      modified_by: this.ctx.adminUser().id,
      modified_time: this.ctx.timestamp(),
    });
    return itemSuccess(CURRENCY_MESSAGES.updated, { id: currency.id });
  }

  private check(
    input: Record<string, unknown>,
    current: OrgCurrency | undefined,
  ): Partial<OrgCurrency> | { error: ItemResult } {
    const out: Partial<OrgCurrency> = {};
    for (const key of ['name', 'symbol'] as const) {
      if (input[key] === undefined) continue;
      const value = input[key];
      if (typeof value !== 'string' || value.trim().length === 0) return { error: ItemErrors.invalid(key) };
      out[key] = value.trim();
    }
    if (input.iso_code !== undefined) {
      const iso = input.iso_code;
      if (typeof iso !== 'string' || !/^[A-Z]{3}$/.test(iso)) {
        return { error: ItemErrors.invalid('iso_code', {}, CURRENCY_MESSAGES.invalidIso) };
      }
      // [I] A currency's ISO code is its identity: it cannot change once added.
      if (current && iso !== current.iso_code) return { error: ItemErrors.invalid('iso_code') };
      if (!current && currencies(this.ctx).some((c) => c.iso_code === iso)) {
        return { error: ItemErrors.duplicate('iso_code') };
      }
      out.iso_code = iso;
    }
    if (input.exchange_rate !== undefined) {
      const rate = numberFrom(input.exchange_rate);
      if (rate === undefined || rate <= 0) return { error: ItemErrors.invalid('exchange_rate') };
      out.exchange_rate = formatRate(rate);
    }
    for (const key of ['is_active', 'prefix_symbol'] as const) {
      if (input[key] === undefined) continue;
      if (typeof input[key] !== 'boolean') return { error: ItemErrors.invalidType(key, 'boolean') };
      out[key] = input[key];
    }
    if (input.format !== undefined) {
      if (!isPlainObject(input.format)) return { error: ItemErrors.invalidType('format', 'jsonobject') };
      const format = { ...(current?.format ?? DEFAULT_FORMAT) };
      for (const [key, allowed] of Object.entries(FORMAT_CHOICES) as Array<
        [keyof typeof format, readonly string[]]
      >) {
        const value = input.format[key];
        if (value === undefined) continue;
        if (!allowed.includes(String(value))) return { error: ItemErrors.invalid(key) };
        format[key] = String(value);
      }
      out.format = format;
    }
    return out;
  }
}

/** Exchange rates print with nine decimals, as Zoho's sample responses show them. */
function formatRate(rate: number): string {
  return rate.toFixed(9);
}
