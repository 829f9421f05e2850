import { AuthenticationException } from './authentication-exception';
import { NotFoundException } from './not-found-exception';
import { QueryCompileException } from './query-compile-exception';
import { RateLimitException } from './rate-limit-exception';
import { ValidationException } from './validation-exception';
import { ZCRMException, ZCRMExceptionInit } from './zcrm-exception';

type ExceptionClass = new (init: ZCRMExceptionInit & { retryAfterMs?: number }) => ZCRMException;

/**
 * The one table from Zoho error codes (https://www.zoho.com/crm/developer/docs/api/v2/status-codes.html) to exception classes. Codes not listed fall back on the
 * HTTP status below, and then on `ZCRMException` itself, keeping their code.
 */
const BY_CODE: Record<string, ExceptionClass> = {
  INVALID_TOKEN: AuthenticationException,
  AUTHENTICATION_FAILURE: AuthenticationException,
  OAUTH_SCOPE_MISMATCH: AuthenticationException,
  TOO_MANY_REQUESTS: RateLimitException,
  INVALID_DATA: ValidationException,
  MANDATORY_NOT_FOUND: ValidationException,
  REQUIRED_PARAM_MISSING: ValidationException,
  DUPLICATE_DATA: ValidationException,
  PATTERN_NOT_MATCHED: ValidationException,
  LIMIT_EXCEEDED: ValidationException,
  INVALID_URL_PATTERN: NotFoundException,
  INVALID_MODULE: NotFoundException,
  // The bulk APIs' names for an unknown module and an unknown job.
  MODULE_NOT_AVAILABLE: NotFoundException,
  RESOURCE_NOT_FOUND: NotFoundException,
  NO_RECORDS_FOUND: NotFoundException,
  INVALID_QUERY: QueryCompileException,
  SYNTAX_ERROR: QueryCompileException,
};

const BY_STATUS: Record<number, ExceptionClass> = {
  401: AuthenticationException,
  404: NotFoundException,
  429: RateLimitException,
};

/** The exception class for a Zoho error code, or for the HTTP status when the code is unknown. */
export function exceptionClassFor(code: string | undefined, status: number): ExceptionClass {
  return (code !== undefined ? BY_CODE[code] : undefined) ?? BY_STATUS[status] ?? ZCRMException;
}

/** What {@link exceptionFromResponse} needs to know about a failed response. */
export interface FailedResponse {
  status: number;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  url: string;
  /** Wait before retrying, read from the response headers by the caller. */
  retryAfterMs?: number;
}

/** Builds the exception for an error response with Zoho's envelope `{code, message, details, status}`. */
export function exceptionFromResponse(response: FailedResponse): ZCRMException {
  const envelope = isRecord(response.body) ? response.body : {};
  const code = typeof envelope.code === 'string' ? envelope.code : undefined;
  const message =
    typeof envelope.message === 'string'
      ? envelope.message
      : typeof response.body === 'string' && response.body.length > 0
        ? response.body.slice(0, 200)
        : `HTTP ${response.status}`;
  const Class = exceptionClassFor(code, response.status);
  return new Class({
    statusCode: response.status,
    errorCode: code ?? `HTTP_${response.status}`,
    errorMessage: message,
    errorDetails: envelope.details ?? {},
    errorContent: response.body,
    url: response.url,
    retryAfterMs: response.retryAfterMs,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
