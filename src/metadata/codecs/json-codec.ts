import { CodecFactory, copyJson } from './field-codec';

/** Formula, JSON, file and image fields: copied through as they are. */
export const jsonCodec: CodecFactory = (field) => ({
  field,
  read: (v) => (v === null ? undefined : copyJson(v)),
  write: (v) => (v === null || v === undefined ? v : copyJson(v)),
});
