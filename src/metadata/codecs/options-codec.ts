import { describeValue } from '../wire-values';
import { CodecFactory, issue } from './field-codec';

/** Multi-select picklists: lists of options (a `;`-separated string is read too). */
export const optionsCodec: CodecFactory = (field) => ({
  field,
  read: (v) =>
    Array.isArray(v) ? v.map((x) => String(x)) : typeof v === 'string' && v !== '' ? v.split(';') : undefined,
  write(v, ctx, path) {
    if (v === undefined || v === null) return v;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return [...v];
    return issue(ctx, field, path, `expects a list of options (strings), got ${describeValue(v)}`);
  },
});
