import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { requestItems, segment } from './item-results';
import type { WriteResultsJson } from './record-operations';

/** Mass update (https://www.zoho.com/crm/developer/docs/api/v2/mass-update-records.html): `POST /{module}/actions/mass_update` and its job status. */

/** The body: one object of field values, and `ids` | `cvid` | `territory` | `criteria`, plus `over_write`. */
export interface MassUpdateBody {
  data: [Record<string, unknown>];
  ids?: string[];
  cvid?: string;
  territory?: { id: string; include_child?: boolean };
  criteria?: unknown[];
  over_write?: boolean;
}

/** `{data: [{Status, Failed_Count, Updated_Count, Not_Updated_Count, Total_Count}]}`. */
export interface MassUpdateStatusJson {
  data?: Record<string, unknown>[];
}

/**
 * POST `/{module}/actions/mass_update`. With `ids` the update runs at once and answers per record; otherwise it
 * schedules a job and answers one result whose `details.job_id` names it.
 */
export function massUpdate(
  client: ZCRMRestClient,
  module: string,
  body: MassUpdateBody,
): Promise<HttpResponse<WriteResultsJson>> {
  return requestItems(
    client,
    { method: 'POST', path: `${segment(module)}/actions/mass_update`, body, heavy: true },
    'data',
  );
}

/** GET `/{module}/actions/mass_update?job_id=`. */
export function getMassUpdateStatus(
  client: ZCRMRestClient,
  module: string,
  jobId: string,
): Promise<HttpResponse<MassUpdateStatusJson>> {
  return client.request<MassUpdateStatusJson>({
    path: `${segment(module)}/actions/mass_update`,
    params: { job_id: jobId },
  });
}
