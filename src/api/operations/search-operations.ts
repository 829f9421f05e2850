import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { params, segment } from './item-results';
import type { RecordsJson } from './record-operations';

/** Record search (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html): `GET /{module}/search` by `word`, `phone`, `email` or `criteria`. */

export type SearchBy = 'word' | 'phone' | 'email' | 'criteria';

/** GET `/{module}/search?{by}={value}&page&per_page` → `{data, info}`; 204 when nothing matches. */
export function searchRecords(
  client: ZCRMRestClient,
  module: string,
  by: SearchBy,
  value: string,
  page: number,
  perPage: number,
): Promise<HttpResponse<RecordsJson>> {
  return client.request<RecordsJson>({
    path: `${segment(module)}/search`,
    params: params({ [by]: value, page, per_page: perPage }),
  });
}
