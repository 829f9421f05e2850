import { ApiErrors, ZohoApiError } from '../zoho-error';

/**
 * Request-level errors of the bulk APIs. Bulk requests are nested JSON, so (as Zoho does for them) the
 * details name the offending key with `api_name` and its location with `json_path` (`$.query.fields[1]`).
 */
export const BulkErrors = {
  invalid: (jsonPath: string, apiName: string, extra: Record<string, unknown> = {}) =>
    ApiErrors.invalidData({ api_name: apiName, json_path: jsonPath, ...extra }),
  missing: (jsonPath: string, apiName: string) =>
    ApiErrors.mandatoryNotFound({ api_name: apiName, json_path: jsonPath }),
  invalidModule: (jsonPath: string, apiName: string) =>
    withDetails(ApiErrors.invalidModule(), { api_name: apiName, json_path: jsonPath }),
  unsupportedModule: (jsonPath: string, apiName: string) =>
    withDetails(ApiErrors.unsupportedModule(), { api_name: apiName, json_path: jsonPath }),
  limit: (jsonPath: string, apiName: string, limit: number) =>
    ApiErrors.limitExceeded({ api_name: apiName, json_path: jsonPath, limit }),
  // [I] Zoho's answer to a download before the job finished is undocumented; CANNOT_PROCESS names the cause.
  notCompleted: (id: string, state: string) =>
    new ZohoApiError(400, 'CANNOT_PROCESS', 'the bulk job has not completed yet', { id, state }),
};

function withDetails(error: ZohoApiError, details: Record<string, unknown>): ZohoApiError {
  return new ZohoApiError(error.httpStatus, error.code, error.message, details);
}
