import { ZCRMPriceBookPricing } from '../../api/entities/zcrm-price-book-pricing';

/** What a {@link PricingRange} is made from. */
export interface PricingRangeInit {
  id?: string;
  fromRange: number;
  toRange: number;
  /** The discount (percent) for quantities in the range. */
  discount: number;
}

/**
 * One price range of a differential price book (Price_Books' `Pricing_Details`): the seed's
 * `ZCRMPriceBookPricing`, constructible from an object.
 */
export class PricingRange extends ZCRMPriceBookPricing {
  constructor(init?: PricingRangeInit) {
    super(init?.id);
    if (init) {
      this.fromRange = init.fromRange;
      this.toRange = init.toRange;
      this.discount = init.discount;
    }
  }
}
