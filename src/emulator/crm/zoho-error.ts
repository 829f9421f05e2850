/**
 * A request-level CRM error. Route handlers throw it; the server's error handler renders Zoho's envelope
 * `{"code","details","message","status":"error"}` with the HTTP status.
 */
export class ZohoApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, details: this.details, message: this.message, status: 'error' };
  }
}

/** Factories own the exact strings Zoho sends (docs/zoho-v2-notes.md §3.3). */
export const ApiErrors = {
  authenticationFailure: () => new ZohoApiError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed'),
  invalidToken: () => new ZohoApiError(401, 'INVALID_TOKEN', 'invalid oauth token'),
  scopeMismatch: () =>
    new ZohoApiError(401, 'OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'),
  invalidUrl: () =>
    new ZohoApiError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
  invalidMethod: () =>
    new ZohoApiError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one'),
  invalidModule: () => new ZohoApiError(400, 'INVALID_MODULE', 'the module name given seems to be invalid'),
  unsupportedModule: () =>
    new ZohoApiError(400, 'INVALID_MODULE', 'The given module is not supported in API'),
  invalidId: (id?: string) =>
    new ZohoApiError(400, 'INVALID_DATA', 'the id given seems to be invalid', id === undefined ? {} : { id }),
  invalidData: (details: Record<string, unknown> = {}, message = 'invalid data') =>
    new ZohoApiError(400, 'INVALID_DATA', message, details),
  mandatoryNotFound: (details: Record<string, unknown> = {}) =>
    new ZohoApiError(400, 'MANDATORY_NOT_FOUND', 'required field not found', details),
  requiredParamMissing: (param: string) =>
    new ZohoApiError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param }),
  limitExceeded: (details: Record<string, unknown> = {}, message = 'limit exceeded') =>
    new ZohoApiError(400, 'LIMIT_EXCEEDED', message, details),
  invalidQuery: (details: Record<string, unknown> = {}, message = 'invalid query formed') =>
    new ZohoApiError(400, 'INVALID_QUERY', message, details),
  syntaxError: (details: Record<string, unknown> = {}) =>
    new ZohoApiError(400, 'SYNTAX_ERROR', 'error occured while parsing the query', details),
  noPermission: (details: Record<string, unknown> = {}) =>
    new ZohoApiError(403, 'NO_PERMISSION', 'permission denied', details),
  tooManyRequests: (message: string) => new ZohoApiError(429, 'TOO_MANY_REQUESTS', message),
  internal: () => new ZohoApiError(500, 'INTERNAL_ERROR', 'Internal server error occurred.'),
  payloadTooLarge: () =>
    new ZohoApiError(413, 'FILE_SIZE_MORE_THAN_ALLOWED_SIZE', 'The request body is larger than allowed'),
};

/** A per-record result inside a write response's `data` array. */
export interface ItemResult {
  code: string;
  details: Record<string, unknown>;
  message: string;
  status: 'success' | 'error';
  [extra: string]: unknown;
}

export function itemError(code: string, message: string, details: Record<string, unknown> = {}): ItemResult {
  return { code, details, message, status: 'error' };
}

export function itemSuccess(message: string, details: Record<string, unknown>): ItemResult {
  return { code: 'SUCCESS', details, message, status: 'success' };
}

/** An item's error answered as the whole request's 400 (single-item calls: blueprint transitions, lead conversion). */
export function asRequestError(result: ItemResult): ZohoApiError {
  return new ZohoApiError(400, result.code, result.message, result.details);
}
