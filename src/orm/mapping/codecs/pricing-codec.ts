import { parsePricing, pricingToJson } from '../../../api/mappers/pricing-mapper';
import type { CodecFactory } from '../../../metadata/codecs/field-codec';
import { PricingRange } from '../../values/pricing-range';
import { rowListCodec } from './row-list-codec';

/** Price_Books' `Pricing_Details`, as {@link PricingRange} rows. */
export const pricingCodec: CodecFactory = (field) =>
  rowListCodec(
    field,
    PricingRange,
    { list: 'price ranges', row: 'price range' },
    parsePricing,
    pricingToJson,
  );
