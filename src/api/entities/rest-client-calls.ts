import { requireId } from '../support/checks';
import { parseModule } from '../mappers/module-mapper';
import { ConditionalGet, firstEntityOf, firstOf, listOf } from '../operations/item-results';
import * as metadata from '../operations/metadata-operations';
import * as org from '../operations/org-operations';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import type { ZCRMRestClient } from '../rest-client';
import { ZCRMModule } from './zcrm-module';
import { ZCRMOrganization } from './zcrm-organization';
import { ZCRMRecord } from './zcrm-record';
import type { ZCRMUser } from './zcrm-user';

/**
 * The calls the seed's `ZCRMRestClient` offers, as functions of a client; `ZCRMRestClient`'s methods of
 * the same names delegate here.
 */

/** A module object filled from one element of `modules`; its calls go through `client`. */
function moduleFromJson(client: ZCRMRestClient, json: Record<string, unknown>): ZCRMModule {
  const properties = parseModule(json);
  const module = ZCRMModule.getInstance(properties.apiName ?? '', client);
  return Object.assign(module, properties);
}

/**
 * `GET settings/modules`: every module with its summary properties. `ifModifiedSince` lists only modules whose
 * settings changed since then; none → a 304 `noData` response with no modules.
 */
export async function getAllModules(
  client: ZCRMRestClient,
  options?: ConditionalGet,
): Promise<BulkAPIResponse<ZCRMModule>> {
  const response = await metadata.getModules(client, options);
  const data = listOf(response, 'modules')
    .filter((json) => typeof json.api_name === 'string' && json.api_name !== '')
    .map((json) => moduleFromJson(client, json));
  return new BulkAPIResponse(response, { data });
}

/** `GET settings/modules/{api_name}`: the module with its settings (`perPage`, default view, related-list properties …). */
export async function getModule(client: ZCRMRestClient, apiName: string): Promise<APIResponse<ZCRMModule>> {
  const name = requireId(apiName, 'module api name');
  const response = await metadata.getModule(client, name);
  const json = firstOf(response, 'modules');
  return new APIResponse(response, json ? moduleFromJson(client, json) : undefined);
}

/** `GET users?type=CurrentUser`: the user the calls act as, as a one-element list (as in the seed). */
export function getCurrentUser(client: ZCRMRestClient): Promise<BulkAPIResponse<ZCRMUser>> {
  return ZCRMOrganization.getInstance(undefined, undefined, client).getCurrentUser();
}

/** `GET org`: the org's details as a {@link ZCRMOrganization} whose calls go through `client`. */
export async function getOrganizationDetails(client: ZCRMRestClient): Promise<APIResponse<ZCRMOrganization>> {
  const response = await org.getOrganization(client);
  const json = firstEntityOf(response, 'org');
  return new APIResponse(response, json ? ZCRMOrganization.fromJson(json, client) : undefined);
}

/** An org object for `client`, without a request. */
export function getOrganizationInstance(client: ZCRMRestClient): ZCRMOrganization {
  return ZCRMOrganization.getInstance(undefined, undefined, client);
}

/** A module object for `client`, without a request. */
export function getModuleInstance(client: ZCRMRestClient, moduleApiName: string): ZCRMModule {
  return ZCRMModule.getInstance(moduleApiName, client);
}

/** A record object for `client`, without a request (a new record when `entityId` is omitted). */
export function getRecordInstance(
  client: ZCRMRestClient,
  moduleApiName: string,
  entityId?: string,
): ZCRMRecord {
  return ZCRMRecord.getInstance(moduleApiName, entityId, client);
}
