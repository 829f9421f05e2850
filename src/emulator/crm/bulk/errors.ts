import { JsonPathErrors } from '../json-path-errors';
import { ApiErrors, ZohoApiError } from '../zoho-error';

/**
 * Request-level errors of the bulk APIs. Bulk requests are nested JSON, so their details carry the
 * offending key's `api_name` and `json_path` (see `JsonPathErrors`).
 */
export const BulkErrors = {
  ...JsonPathErrors,
  /**
   * A module the bulk APIs do not know: Zoho answers MODULE_NOT_AVAILABLE, not the REST API's INVALID_MODULE
   * (code and message from Zoho's API reference, zoho/crm-oas `bulk_read.json` / `bulk_write.json`).
   */
  moduleNotAvailable: (jsonPath: string, apiName: string, module: unknown) =>
    new ZohoApiError(400, 'MODULE_NOT_AVAILABLE', `Requested module '${String(module)}' is not available.`, {
      api_name: apiName,
      json_path: jsonPath,
    }),
  /**
   * An unknown job id (zoho/crm-oas `bulk_read.json`, `bulk_write.json`: RESOURCE_NOT_FOUND with a `resource`
   * detail; 404 for a bulk read job's status, 400 elsewhere). [I] `resource` names the id asked for.
   */
  resourceNotFound: (httpStatus: number, id: string) =>
    new ZohoApiError(httpStatus, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.", {
      resource: id,
    }),
  unsupportedModule: (jsonPath: string, apiName: string) =>
    withDetails(ApiErrors.unsupportedModule(), { api_name: apiName, json_path: jsonPath }),
  // [I] Zoho's answer to a download before the job finished is undocumented; CANNOT_PROCESS names the cause.
  notCompleted: (id: string, state: string) =>
    new ZohoApiError(400, 'CANNOT_PROCESS', 'the bulk job has not completed yet', { id, state }),
};

function withDetails(error: ZohoApiError, details: Record<string, unknown>): ZohoApiError {
  return new ZohoApiError(error.httpStatus, error.code, error.message, details);
}
