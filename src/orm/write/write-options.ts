import type { ZCRMWriteOptions } from '../../api/entities/zcrm-record';
import type { PropertyKeys } from '../../query/find-options';
import { OrmErrors } from '../errors/orm-errors';

/** Options of `save`. */
export interface SaveOptions extends ZCRMWriteOptions {
  /**
   * Re-read the record after writing it. Default: when line items, line taxes or subform rows were sent (so
   * their ids and the amounts Zoho computes, `total` …, are on the record), or an inventory record's
   * `Discount` or `Adjustment` (so its `Grand_Total` … follow).
   */
  reload?: boolean;
}

/** Options of `saveMany`, `upsert` and `deleteMany`. */
export interface BatchOptions {
  /** Calls in flight at once (default 10). The client's throttle still applies. */
  concurrency?: number;
  /** Records per call, at most 100 (Zoho's limit; the default). */
  chunkSize?: number;
}

/** Options of `saveMany`. */
export interface SaveManyOptions extends SaveOptions, BatchOptions {
  /**
   * Fields whose value names at most one record (properties or API names). When the answer to an insert call
   * is lost (connection reset, timeout, 5xx), its records that have a value here are sent again as an upsert
   * matched on these fields, so none is stored twice; the model's `unique` fields when omitted. A record without
   * such a value gets an `OutcomeUnknownException` result instead.
   */
  duplicateCheckFields?: ReadonlyArray<string>;
}

/** Options of `upsert`. */
export interface UpsertOptions<T> extends SaveManyOptions {
  /**
   * The fields Zoho matches existing records by (`['subject']` or `['Subject']`: properties or API names);
   * Zoho's defaults for the module when omitted.
   */
  duplicateCheckFields?: ReadonlyArray<PropertyKeys<T> | (string & {})>;
}

const DEFAULT_CONCURRENCY = 10;

/** The batch options with their defaults, checked. */
export function batchOptions(options: BatchOptions): { concurrency: number; chunkSize: number } {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const chunkSize = options.chunkSize ?? 100;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw OrmErrors.badOption(
      'concurrency',
      `must be a positive integer, got ${JSON.stringify(options.concurrency)}`,
    );
  }
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 100) {
    throw OrmErrors.badOption(
      'chunkSize',
      `must be an integer from 1 to 100 (Zoho takes at most 100 records per call), got ${JSON.stringify(options.chunkSize)}`,
    );
  }
  return { concurrency, chunkSize };
}
