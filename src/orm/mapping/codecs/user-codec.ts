import { idString, isJsonObject, str } from '../../../api/mappers/json-utils';
import { CodecFactory, issue } from '../../../metadata/codecs/field-codec';
import { describeValue } from '../../../metadata/wire-values';
import type { UserRef } from '../../values/user-ref';
import { refId } from './ref-id';

/** Owners and user lookups: `{name, id, email}` on the wire, a {@link UserRef}; sent as `{ id }`. */
export const userCodec: CodecFactory = (field) => ({
  field,
  read(v) {
    const id = idString(isJsonObject(v) ? v.id : v);
    if (id === undefined) return undefined;
    const user: UserRef = { id };
    if (isJsonObject(v)) {
      const name = str(v.name);
      if (name) user.name = name;
      const email = str(v.email);
      if (email) user.email = email;
    }
    return user;
  },
  write(v, ctx, path) {
    if (v === undefined || v === null) return v;
    const id = refId(v);
    if (id === undefined)
      return issue(ctx, field, path, `expects a user ({ id }) or a user id, got ${describeValue(v)}`);
    return { id };
  },
});
