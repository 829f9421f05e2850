/** The scalar field codecs (text, numbers, dates, options, JSON), by the names the data-type table uses. */
export type {
  CodecFactory,
  FieldCodec,
  ReadContext,
  RecordLoader,
  WriteContext,
  WriteIssue,
} from './field-codec';
export { copyJson, issue, mapperIssue } from './field-codec';
export { textCodec } from './text-codec';
export { decimalCodec, integerCodec } from './number-codec';
export { longCodec } from './long-codec';
export { booleanCodec } from './boolean-codec';
export { dateCodec } from './date-codec';
export { dateTimeCodec } from './datetime-codec';
export { optionsCodec } from './options-codec';
export { jsonCodec } from './json-codec';
export { tagsCodec } from './tags-codec';
