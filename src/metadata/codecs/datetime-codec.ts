import { describeValue, formatDateTime } from '../wire-values';
import { CodecFactory, issue } from './field-codec';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Zoho sends the org's offset (`2024-05-02T11:17:33+05:30`); the Date is that instant. Sent in UTC. */
export const dateTimeCodec: CodecFactory = (field) => ({
  field,
  read(v) {
    if (typeof v !== 'string') return undefined;
    const date = new Date(v);
    return Number.isNaN(date.getTime()) ? undefined : date;
  },
  write(v, ctx, path) {
    if (v === undefined || v === null) return v;
    if (v instanceof Date) {
      return Number.isNaN(v.getTime())
        ? issue(ctx, field, path, 'is an invalid Date')
        : formatDateTime(v.getTime());
    }
    if (typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v))) {
      return /\.\d+|Z$/.test(v) ? formatDateTime(Date.parse(v)) : v;
    }
    return issue(
      ctx,
      field,
      path,
      `expects a Date or an ISO-8601 date-time with an offset, got ${describeValue(v)}`,
    );
  },
});
