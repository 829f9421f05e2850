import type { HttpResponse } from '../../http/http-types';
import type { ZCRMRestClient } from '../rest-client';
import {
  ConditionalGet,
  ifModifiedSinceHeader,
  ItemResultJson,
  JsonObject,
  requestItems,
  segment,
} from './item-results';

/**
 * The org and its settings: `org`, `org/taxes[/{id}]`, `settings/roles[/{id}]`, `settings/profiles[/{id}]`
 * (https://www.zoho.com/crm/developer/docs/api/v2/get-blueprint-details.html). Users are in `users-operations`, variables in `variables-operations`.
 */

export type OrgBody = { org?: JsonObject[] };
export type TaxesBody = { taxes?: JsonObject[]; preference?: JsonObject };
export type RolesBody = { roles?: JsonObject[] };
export type ProfilesBody = { profiles?: JsonObject[] };
export type TaxResults = Record<string, ItemResultJson[]>;

/** `GET org`: `{"org":[{…}]}`. */
export function getOrganization(client: ZCRMRestClient): Promise<HttpResponse<OrgBody>> {
  return client.request<OrgBody>({ path: 'org' });
}

/** `GET org/taxes`; 204 when the org has none. */
export function getOrgTaxes(client: ZCRMRestClient): Promise<HttpResponse<TaxesBody>> {
  return client.request<TaxesBody>({ path: 'org/taxes' });
}

/** `GET org/taxes/{id}`. */
export function getOrgTax(client: ZCRMRestClient, id: string): Promise<HttpResponse<TaxesBody>> {
  return client.request<TaxesBody>({ path: `org/taxes/${segment(id)}` });
}

/** `POST org/taxes` with `{"taxes":[…]}` (≤ 100); one result per item. */
export function createOrgTaxes(
  client: ZCRMRestClient,
  items: JsonObject[],
): Promise<HttpResponse<TaxResults>> {
  return requestItems(client, { method: 'POST', path: 'org/taxes', body: { taxes: items } }, 'taxes');
}

/** `PUT org/taxes` with `{"taxes":[{id,…}]}` (≤ 100); one result per item. */
export function updateOrgTaxes(
  client: ZCRMRestClient,
  items: JsonObject[],
): Promise<HttpResponse<TaxResults>> {
  return requestItems(client, { method: 'PUT', path: 'org/taxes', body: { taxes: items } }, 'taxes');
}

/** `DELETE org/taxes?ids=a,b` (≤ 100); one result per id. */
export function deleteOrgTaxes(client: ZCRMRestClient, ids: string[]): Promise<HttpResponse<TaxResults>> {
  return requestItems(client, { method: 'DELETE', path: 'org/taxes', params: { ids } }, 'taxes');
}

/** `DELETE org/taxes/{id}`. */
export function deleteOrgTax(client: ZCRMRestClient, id: string): Promise<HttpResponse<TaxResults>> {
  return requestItems(client, { method: 'DELETE', path: `org/taxes/${segment(id)}` }, 'taxes');
}

/** `GET settings/roles`. */
export function getRoles(client: ZCRMRestClient): Promise<HttpResponse<RolesBody>> {
  return client.request<RolesBody>({ path: 'settings/roles' });
}

/** `GET settings/roles/{id}`. */
export function getRole(client: ZCRMRestClient, id: string): Promise<HttpResponse<RolesBody>> {
  return client.request<RolesBody>({ path: `settings/roles/${segment(id)}` });
}

/** `GET settings/profiles` (optionally `If-Modified-Since` → 304). */
export function getProfiles(
  client: ZCRMRestClient,
  options?: ConditionalGet,
): Promise<HttpResponse<ProfilesBody>> {
  return client.request<ProfilesBody>({ path: 'settings/profiles', headers: ifModifiedSinceHeader(options) });
}

/** `GET settings/profiles/{id}`: the profile with its permissions and sections. */
export function getProfile(
  client: ZCRMRestClient,
  id: string,
  options?: ConditionalGet,
): Promise<HttpResponse<ProfilesBody>> {
  return client.request<ProfilesBody>({
    path: `settings/profiles/${segment(id)}`,
    headers: ifModifiedSinceHeader(options),
  });
}
