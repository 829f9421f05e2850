import { describeValue, isDate } from '../wire-values';
import { CodecFactory, issue } from './field-codec';

/** Dates stay 'YYYY-MM-DD' strings both ways: no Date object, so no time-zone shift. */
export const dateCodec: CodecFactory = (field) => ({
  field,
  read: (v) => (typeof v === 'string' ? v : undefined),
  write(v, ctx, path) {
    if (v === undefined || v === null) return v;
    if (typeof v === 'string' && isDate(v)) return v;
    if (v instanceof Date) {
      return issue(
        ctx,
        field,
        path,
        "a date field takes a 'YYYY-MM-DD' string, not a Date (format it in the time zone you mean)",
      );
    }
    return issue(ctx, field, path, `expects a 'YYYY-MM-DD' date, got ${describeValue(v)}`);
  },
});
