import {
  booleanCodec,
  CodecFactory,
  dateCodec,
  dateTimeCodec,
  decimalCodec,
  FieldCodec,
  integerCodec,
  jsonCodec,
  longCodec,
  optionsCodec,
  tagsCodec,
  textCodec,
} from '../../../metadata/codecs';
import { CodecName, dataTypeInfo } from '../../../metadata/data-types';
import type { FieldMetadata, ModelClass } from '../../../metadata/field-metadata';
import { FIELD_ROLES } from '../../../metadata/field-roles';
import { getMetadataStorage } from '../../../metadata/metadata-storage';
import { LineItem } from '../../values/line-item';
import { lineItemsCodec } from './line-items-codec';
import { lineTaxesCodec } from './line-taxes-codec';
import { lookupCodec } from './lookup-codec';
import { participantsCodec } from './participants-codec';
import { pricingCodec } from './pricing-codec';
import { subformCodec } from './subform-codec';
import { userCodec } from './user-codec';

/** Every codec the data-type table and the role table name. */
const CODECS: Record<CodecName, CodecFactory> = {
  text: textCodec,
  number: decimalCodec,
  integer: integerCodec,
  long: longCodec,
  boolean: booleanCodec,
  date: dateCodec,
  datetime: dateTimeCodec,
  options: optionsCodec,
  json: jsonCodec,
  tags: tagsCodec,
  lookup: lookupCodec,
  user: userCodec,
  lineItems: (field) => lineItemsCodec(field, rowFieldCodecs),
  lineTaxes: lineTaxesCodec,
  subform: (field) => subformCodec(field, rowFieldCodecs),
  participants: participantsCodec,
  pricing: pricingCodec,
};

/** The codec name of a field: its role's, else its data type's (the system `Tag` field has its own). */
export function codecNameOf(field: FieldMetadata): CodecName {
  if (field.system && field.apiName === 'Tag') return 'tags';
  return FIELD_ROLES[field.role].codec ?? dataTypeInfo(field.dataType).codec;
}

const cache = new WeakMap<FieldMetadata, FieldCodec>();

/** The codec of a field (cached per field). */
export function codecFor(field: FieldMetadata): FieldCodec {
  let codec = cache.get(field);
  if (!codec) {
    codec = CODECS[codecNameOf(field)](field);
    cache.set(field, codec);
  }
  return codec;
}

/** Codecs of the fields a row class (subform row, line-item subclass) declares with `@Field` …. */
export function rowFieldCodecs(row: ModelClass): FieldCodec[] {
  if (row === LineItem || row === Object) return [];
  return getMetadataStorage().getFieldSet(row).fields.map(codecFor);
}
