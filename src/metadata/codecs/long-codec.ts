import { str } from '../../api/mappers/json-utils';
import { describeValue } from '../wire-values';
import { CodecFactory, issue } from './field-codec';

/** Long integers (ids, `bigint` fields): kept as Zoho sends them; a `bigint` is sent as its digits. */
export const longCodec: CodecFactory = (field) => ({
  field,
  read: (v) =>
    v === null || v === undefined ? undefined : typeof v === 'number' || typeof v === 'string' ? v : str(v),
  write(v, ctx, path) {
    if (v === undefined || v === null) return v;
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return v;
    return issue(ctx, field, path, `expects an integer (or its digit string), got ${describeValue(v)}`);
  },
});
