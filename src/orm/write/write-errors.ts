import type { HttpResponse } from '../../http/http-types';
import type { EntityResponse } from '../../api/responses/entity-response';
import { exceptionClassFor } from '../../errors/error-table';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { ModelMapping } from '../mapping/model-mapping';
import { CrmRecordNotFoundError } from '../errors/crm-record-not-found-error';

/** What a write error is about: the model and, for an update or delete, the record id sent. */
export interface WriteErrorContext {
  mapping: ModelMapping;
  id?: string;
}

/**
 * The exception of an error item of a write response. Its message names the field Zoho's `details` point
 * at, as the model property and the API name (`Lead.lastName (Last_Name): required field not found`); an
 * update or delete of an id Zoho does not have (`INVALID_DATA` about the `id`: deleted elsewhere) is a
 * {@link CrmRecordNotFoundError}.
 */
export function entityError(
  entity: EntityResponse<unknown>,
  response: HttpResponse<unknown>,
  context?: WriteErrorContext,
): ZCRMException {
  const code = entity.code || `HTTP_${response.status}`;
  const details = entity.details ?? {};
  const message = entity.message || 'the record was not written';
  if (context && context.id !== undefined && code === 'INVALID_DATA' && aboutId(details, context.id)) {
    return new CrmRecordNotFoundError({
      statusCode: response.status,
      errorCode: 'RECORD_NOT_FOUND',
      errorMessage: `No ${context.mapping.name} record (module ${context.mapping.module}) has id ${context.id}: it was deleted or never existed (Zoho: ${code} ${message})`,
      errorDetails: {
        model: context.mapping.name,
        module: context.mapping.module,
        id: context.id,
        zohoCode: code,
        ...details,
      },
      errorContent: entity.responseJson,
      url: response.url,
    });
  }
  const Class = exceptionClassFor(code, response.status);
  return new Class({
    statusCode: response.status,
    errorCode: code,
    errorMessage: context ? withField(context.mapping, code, message, details) : message,
    errorDetails: details,
    errorContent: entity.responseJson,
    url: response.url,
  });
}

/** True when an error's details point at the record id itself (`{id}` or `{api_name: 'id'}`). */
function aboutId(details: Record<string, unknown>, id: string): boolean {
  if (details.api_name !== undefined) return details.api_name === 'id';
  return details.id === id;
}

/** Zoho's message prefixed with the field it is about, and what the details add (type, length, holder). */
function withField(
  mapping: ModelMapping,
  code: string,
  message: string,
  details: Record<string, unknown>,
): string {
  const apiName = fieldApiName(details);
  if (apiName === undefined) return `${mapping.name}: ${message} (${code})`;
  const field = mapping.meta.fieldByApiName(apiName);
  const name = field
    ? `${mapping.name}.${field.propertyName} (${apiName})`
    : `${mapping.name} field ${apiName}`;
  const extra: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Zoho sends a type name or a number here
  if (details.expected_data_type !== undefined) extra.push(`expects ${String(details.expected_data_type)}`);
  if (details.maximum_length !== undefined)
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Zoho sends a number here
    extra.push(`at most ${String(details.maximum_length)} characters`);
  if (code === 'DUPLICATE_DATA' && typeof details.id === 'string')
    extra.push(`record ${details.id} already has this value`);
  return `${name}: ${message} (${code}${extra.length > 0 ? `; ${extra.join('; ')}` : ''})`;
}

/** The API name an error's details name: `api_name`, else the last step of `json_path` (`$.data[0].Email`). */
function fieldApiName(details: Record<string, unknown>): string | undefined {
  if (typeof details.api_name === 'string') return details.api_name;
  if (typeof details.json_path === 'string') {
    const match = /\.([A-Za-z0-9_$]+)(?:\[\d+\])?$/.exec(details.json_path);
    if (match && match[1] !== 'data') return match[1];
  }
  return undefined;
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
