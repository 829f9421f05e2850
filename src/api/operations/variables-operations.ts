import type { HttpResponse } from '../../http/http-types';
import type { ZCRMRestClient } from '../rest-client';
import { ItemResultJson, JsonObject, params, requestItems, segment } from './item-results';

/**
 * Org variables and variable groups: `settings/variables[/{id or api_name}]`, `settings/variable_groups[/{id or
 * api_name}]` (https://www.zoho.com/crm/developer/docs/api/v2/get-variables.html). Bodies and results are Zoho's JSON; write results come back under `variables`.
 */

export type VariablesBody = { variables?: JsonObject[] };
export type VariableGroupsBody = { variable_groups?: JsonObject[] };
export type VariableResults = Record<string, ItemResultJson[]>;

/** `GET settings/variables[?group=]`; 204 when there are none. */
export function getVariables(
  client: ZCRMRestClient,
  options: { group?: string } = {},
): Promise<HttpResponse<VariablesBody>> {
  return client.request<VariablesBody>({
    path: 'settings/variables',
    params: params({ group: options.group }),
  });
}

/** `GET settings/variables/{id or api_name}[?group=]`. */
export function getVariable(
  client: ZCRMRestClient,
  key: string,
  options: { group?: string } = {},
): Promise<HttpResponse<VariablesBody>> {
  return client.request<VariablesBody>({
    path: `settings/variables/${segment(key)}`,
    params: params({ group: options.group }),
  });
}

/** `POST settings/variables` with `{"variables":[…]}` (≤ 100); one result per item. */
export function createVariables(
  client: ZCRMRestClient,
  items: JsonObject[],
): Promise<HttpResponse<VariableResults>> {
  return requestItems(
    client,
    { method: 'POST', path: 'settings/variables', body: { variables: items } },
    'variables',
  );
}

/** `PUT settings/variables` with `{"variables":[{id,…}]}` (≤ 100); one result per item. */
export function updateVariables(
  client: ZCRMRestClient,
  items: JsonObject[],
): Promise<HttpResponse<VariableResults>> {
  return requestItems(
    client,
    { method: 'PUT', path: 'settings/variables', body: { variables: items } },
    'variables',
  );
}

/** `PUT settings/variables/{id or api_name}` with `{"variables":[item]}`. */
export function updateVariable(
  client: ZCRMRestClient,
  key: string,
  item: JsonObject,
): Promise<HttpResponse<VariableResults>> {
  return requestItems(
    client,
    { method: 'PUT', path: `settings/variables/${segment(key)}`, body: { variables: [item] } },
    'variables',
  );
}

/** `DELETE settings/variables/{id or api_name}`. */
export function deleteVariable(client: ZCRMRestClient, key: string): Promise<HttpResponse<VariableResults>> {
  return requestItems(client, { method: 'DELETE', path: `settings/variables/${segment(key)}` }, 'variables');
}

/** `DELETE settings/variables?ids=a,b` (≤ 100); one result per id. */
export function deleteVariables(
  client: ZCRMRestClient,
  ids: string[],
): Promise<HttpResponse<VariableResults>> {
  return requestItems(client, { method: 'DELETE', path: 'settings/variables', params: { ids } }, 'variables');
}

/** `GET settings/variable_groups`; 204 when there are none. */
export function getVariableGroups(client: ZCRMRestClient): Promise<HttpResponse<VariableGroupsBody>> {
  return client.request<VariableGroupsBody>({ path: 'settings/variable_groups' });
}

/** `GET settings/variable_groups/{id or api_name}`. */
export function getVariableGroup(
  client: ZCRMRestClient,
  key: string,
): Promise<HttpResponse<VariableGroupsBody>> {
  return client.request<VariableGroupsBody>({ path: `settings/variable_groups/${segment(key)}` });
}
