import { NotFoundException } from '../../errors/not-found-exception';

/**
 * A `*OrFail` query found no record, or a record to reload, update or delete no longer exists
 * (`findOneByOrFail`, `findByIdOrFail`, `reload()`, `save()`, `remove()`, and per record in `saveMany` and
 * `deleteMany`). Zoho answers a missing id with an empty 204 or with `INVALID_DATA` about the id depending
 * on the endpoint; both become this error.
 */
export class CrmRecordNotFoundError extends NotFoundException {
  /** No record of `model` matches `criteria`. */
  static of(model: string, module: string, criteria: unknown, url?: string): CrmRecordNotFoundError {
    return new CrmRecordNotFoundError({
      statusCode: 0,
      errorCode: 'RECORD_NOT_FOUND',
      errorMessage: `No ${model} record (module ${module}) matches ${describe(criteria)}`,
      errorDetails: { model, module, criteria },
      url,
    });
  }
}

function describe(criteria: unknown): string {
  try {
    return JSON.stringify(criteria, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && value.constructor?.name === 'FindOperator'
        ? `${(value as { type: string }).type}(${JSON.stringify((value as { value: unknown }).value)})`
        : value,
    );
  } catch {
    return String(criteria);
  }
}
