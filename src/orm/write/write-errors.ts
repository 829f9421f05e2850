import type { HttpResponse } from '../../http/http-types';
import type { EntityResponse } from '../../api/responses/entity-response';
import { exceptionClassFor } from '../../errors/error-table';
import { ZCRMException } from '../../errors/zcrm-exception';

/** The exception of an error item of a write response. */
export function entityError(entity: EntityResponse<unknown>, response: HttpResponse<unknown>): ZCRMException {
  const code = entity.code || `HTTP_${response.status}`;
  const Class = exceptionClassFor(code, response.status);
  return new Class({
    statusCode: response.status,
    errorCode: code,
    errorMessage: entity.message || 'the record was not written',
    errorDetails: entity.details,
    errorContent: entity.responseJson,
    url: response.url,
  });
}

/** A success item without the record id: the write cannot be tied to a record. */
export function noIdError(entity: EntityResponse<unknown>, response: HttpResponse<unknown>): ZCRMException {
  return new ZCRMException({
    statusCode: response.status,
    errorCode: 'INVALID_RESPONSE',
    errorMessage: 'Zoho reported success without the record id',
    errorContent: entity.responseJson,
    url: response.url,
  });
}

/** Any error thrown while writing, as a `ZCRMException` (what write results carry). */
export function asException(error: unknown): ZCRMException {
  return error instanceof ZCRMException ? error : ZCRMException.unexpected('ORM write', error);
}
