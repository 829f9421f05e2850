import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { segment } from './item-results';

/** Lead conversion (https://www.zoho.com/crm/developer/docs/api/v2/convert-lead.html): `POST /Leads/{id}/actions/convert`. */

/** `{data: [{Contacts, Accounts, Deals}]}` (ids; `Deals` null when no deal was created). */
export interface ConvertResultJson {
  data?: Record<string, unknown>[];
}

/** The body: exactly one item `{overwrite?, notify_lead_owner?, Accounts?, Contacts?, assign_to?, Deals?, carry_over_tags?}`. */
export function convertLead(
  client: ZCRMRestClient,
  module: string,
  id: string,
  body: { data: [Record<string, unknown>] },
): Promise<HttpResponse<ConvertResultJson>> {
  return client.request<ConvertResultJson>({
    method: 'POST',
    path: `${segment(module)}/${segment(id)}/actions/convert`,
    body,
    heavy: true,
  });
}
