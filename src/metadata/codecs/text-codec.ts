import { str } from '../../api/mappers/json-utils';
import { describeValue, formatNumber } from '../wire-values';
import { CodecFactory, issue } from './field-codec';

/** Text, picklists, e-mail, phone …: strings both ways (a finite number is sent as its decimal text). */
export const textCodec: CodecFactory = (field) => ({
  field,
  read: (v) => (v === null || v === undefined ? undefined : typeof v === 'string' ? v : str(v)),
  write(v, ctx, path) {
    if (v === undefined || v === null || typeof v === 'string') return v;
    // A finite number is sent as its decimal text, as queries compare it (`formatNumber`).
    if (typeof v === 'number' && Number.isFinite(v)) return formatNumber(v);
    return issue(ctx, field, path, `expects a string, got ${describeValue(v)}`);
  },
});
