import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { params, segment } from './item-results';
import type { RecordsJson } from './record-operations';

/** Record search (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html): `GET /{module}/search` by `word`, `phone`, `email` or `criteria`. */

export type SearchBy = 'word' | 'phone' | 'email' | 'criteria';

/**
 * GET `/{module}/search?{by}={value}&page&per_page[&fields]` → `{data, info}`; 204 when nothing matches.
 * `fields` (API names) narrows the records as in the list API: the official Node SDK 2.0 declares it
 * among the search parameters (`@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/record_operations.js`,
 * `SearchRecordsParam.FIELDS`).
 */
export function searchRecords(
  client: ZCRMRestClient,
  module: string,
  by: SearchBy,
  value: string,
  page: number,
  perPage: number,
  fields?: readonly string[],
): Promise<HttpResponse<RecordsJson>> {
  return client.request<RecordsJson>({
    path: `${segment(module)}/search`,
    params: params({
      [by]: value,
      page,
      per_page: perPage,
      ...(fields && fields.length > 0 ? { fields: fields.join(',') } : {}),
    }),
  });
}
