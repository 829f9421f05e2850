import { JsonPathErrors } from '../json-path-errors';
import { ApiErrors, ZohoApiError } from '../zoho-error';

/**
 * Request-level errors of the bulk APIs. Bulk requests are nested JSON, so their details carry the
 * offending key's `api_name` and `json_path` (see `JsonPathErrors`).
 */
export const BulkErrors = {
  ...JsonPathErrors,
  invalidModule: (jsonPath: string, apiName: string) =>
    withDetails(ApiErrors.invalidModule(), { api_name: apiName, json_path: jsonPath }),
  unsupportedModule: (jsonPath: string, apiName: string) =>
    withDetails(ApiErrors.unsupportedModule(), { api_name: apiName, json_path: jsonPath }),
  // [I] Zoho's answer to a download before the job finished is undocumented; CANNOT_PROCESS names the cause.
  notCompleted: (id: string, state: string) =>
    new ZohoApiError(400, 'CANNOT_PROCESS', 'the bulk job has not completed yet', { id, state }),
};

function withDetails(error: ZohoApiError, details: Record<string, unknown>): ZohoApiError {
  return new ZohoApiError(error.httpStatus, error.code, error.message, details);
}
