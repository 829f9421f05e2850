import { FieldDecorator, registerProperty } from '../src/metadata/register-property';
import type { FieldOptions } from './field-options';

/**
 * The price ranges of a price book (Price_Books' `Pricing_Details`: `[{id, from_range, to_range,
 * discount}]`), used with `Pricing_Model` `Differential`:
 * ```ts
 * @PricingDetails() pricing: PricingRange[] = [];
 * ```
 */
export function PricingDetails(options: FieldOptions = {}): FieldDecorator {
  return (target, propertyKey, descriptor) =>
    void registerProperty('PricingDetails', target, propertyKey, descriptor, {
      apiName: 'Pricing_Details',
      role: 'pricingDetails',
      readonly: options.readonly,
    });
}
