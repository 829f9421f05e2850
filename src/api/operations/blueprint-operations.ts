import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';

/** Blueprint endpoints (https://www.zoho.com/crm/developer/docs/api/v2/get-blueprint-details.html): `/{module}/{id}/actions/blueprint`. */

/** `{"blueprint": {"process_info": {…}, "transitions": [...]}}`. */
export interface BlueprintJson {
  blueprint?: { process_info?: Record<string, unknown>; transitions?: Array<Record<string, unknown>> };
}

const blueprintPath = (module: string, recordId: string) =>
  `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/actions/blueprint`;

/** GET `/{module}/{id}/actions/blueprint`. */
export function getBlueprint(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
): Promise<HttpResponse<BlueprintJson>> {
  return client.request<BlueprintJson>({ path: blueprintPath(module, recordId) });
}

/** PUT `/{module}/{id}/actions/blueprint` with `{"blueprint": [{"transition_id", "data": {…}}]}`. */
export function updateBlueprint(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  transitionId: string,
  data: Record<string, unknown>,
): Promise<HttpResponse<Record<string, unknown>>> {
  return client.request<Record<string, unknown>>({
    method: 'PUT',
    path: blueprintPath(module, recordId),
    body: { blueprint: [{ transition_id: transitionId, data }] },
  });
}
