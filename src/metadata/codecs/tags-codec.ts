import { idString, isJsonObject } from '../../api/mappers/json-utils';
import type { CodecFactory } from './field-codec';

/** Tags come as `[{name, id}]`; read-only on the record. */
export const tagsCodec: CodecFactory = (field) => ({
  field,
  read: (v) =>
    Array.isArray(v)
      ? v
          .filter(isJsonObject)
          .filter((t) => typeof t.name === 'string')
          .map((t) => {
            const id = idString(t.id);
            return id !== undefined ? { name: t.name as string, id } : { name: t.name as string };
          })
      : [],
  write: () => undefined,
});
