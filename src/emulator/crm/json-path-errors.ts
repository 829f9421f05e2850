import { ApiErrors } from './zoho-error';

/**
 * Errors about a key of a nested JSON body (bulk jobs, JSON criteria). As Zoho does for such bodies, the
 * details name the offending key with `api_name` and its location with `json_path` (`$.query.fields[1]`).
 */
export const JsonPathErrors = {
  invalid: (jsonPath: string, apiName: string, extra: Record<string, unknown> = {}) =>
    ApiErrors.invalidData({ api_name: apiName, json_path: jsonPath, ...extra }),
  missing: (jsonPath: string, apiName: string) =>
    ApiErrors.mandatoryNotFound({ api_name: apiName, json_path: jsonPath }),
  limit: (jsonPath: string, apiName: string, limit: number) =>
    ApiErrors.limitExceeded({ api_name: apiName, json_path: jsonPath, limit }),
};
