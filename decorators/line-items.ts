import type { ModelThunk } from '../src/metadata/field-metadata';
import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/** Options of `@LineItems`. */
export interface LineItemsOptions extends FieldOptions {
  /** The API name: `Product_Details` in API v2 (v4+ orgs use `Invoiced_Items` …). */
  apiName?: string;
  /** A row class of your own (defaults to the ORM's `LineItem`). */
  row?: ModelThunk;
}

/**
 * The inventory line items (`Product_Details`) of Quotes, Sales_Orders, Purchase_Orders and Invoices,
 * each with product, quantity, list price, discount, description and its own taxes:
 * ```ts
 * @LineItems() lines: LineItem[] = [];
 * ```
 */
export function LineItems(options: LineItemsOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('LineItems', target, propertyKey, descriptor, {
      apiName: options.apiName ?? 'Product_Details',
      role: 'lineItems',
      target: options.row,
      readonly: options.readonly,
    });
}
