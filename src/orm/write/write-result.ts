import type { EntityResponse } from '../../api/responses/entity-response';
import type { ZCRMException } from '../../errors/zcrm-exception';

/** A record Zoho stored. */
export interface WriteSuccess<T> {
  readonly ok: true;
  /** The input's position. */
  readonly index: number;
  /** The input record, now with its id and system fields. */
  readonly record: T;
  readonly id: string;
  /** What happened: an insert, an update, or nothing (an existing record without changes is not sent). */
  readonly action: 'insert' | 'update' | 'none';
  /** Zoho's result for this record (absent when nothing was sent). */
  readonly response?: EntityResponse<T>;
  /** The record was stored, but re-reading it afterwards (for line-item ids and totals) failed. */
  readonly reloadError?: ZCRMException;
}

/** A record that was not stored: Zoho's error for it, or the check that kept it from being sent. */
export interface WriteFailure<T> {
  readonly ok: false;
  readonly index: number;
  readonly record: T;
  /** Zoho's error (`DUPLICATE_DATA` …), a `CrmValidationError` (nothing sent), or the request's error. */
  readonly error: ZCRMException;
  readonly code: string;
  readonly message: string;
  readonly response?: EntityResponse<T>;
}

/** One result per input of `saveMany` / `upsert`, in input order. */
export type WriteResult<T> = WriteSuccess<T> | WriteFailure<T>;

/** A record Zoho deleted. */
export interface DeleteSuccess<T> {
  readonly ok: true;
  readonly index: number;
  readonly id: string;
  /** The input, when it was a record (its `id` is now unset). */
  readonly record?: T;
  readonly response: EntityResponse<unknown>;
}

/** A record that was not deleted. */
export interface DeleteFailure<T> {
  readonly ok: false;
  readonly index: number;
  readonly id?: string;
  readonly record?: T;
  readonly error: ZCRMException;
  readonly code: string;
  readonly message: string;
  readonly response?: EntityResponse<unknown>;
}

/** One result per input of `deleteMany`, in input order. */
export type DeleteResult<T> = DeleteSuccess<T> | DeleteFailure<T>;
