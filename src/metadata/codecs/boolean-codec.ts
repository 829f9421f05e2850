import { describeValue } from '../wire-values';
import { CodecFactory, issue } from './field-codec';

/** Check boxes: JSON booleans (`'true'`/`'false'` strings read too). */
export const booleanCodec: CodecFactory = (field) => ({
  field,
  read: (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  write(v, ctx, path) {
    if (v === undefined || v === null || typeof v === 'boolean') return v;
    return issue(ctx, field, path, `expects true or false, got ${describeValue(v)}`);
  },
});
