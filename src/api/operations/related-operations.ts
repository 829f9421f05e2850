import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import type { WriteResultsJson } from './notes-operations';
import { SortedPageParams, sortedPageRequest } from './item-results';

/** Related-list endpoints (https://www.zoho.com/crm/developer/docs/api/v2/get-related-records.html): `/{module}/{id}/{related_list}[/{related_id}]`. */

export interface RelatedRecordsJson {
  data?: Record<string, unknown>[];
  info?: Record<string, unknown>;
}

/** Paging and sorting of a related list (pages start at 1). */
export type RelatedListParams = SortedPageParams;

const relatedPath = (module: string, recordId: string, relatedList: string) =>
  `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/${encodeURIComponent(relatedList)}`;

/** GET `/{module}/{id}/{related_list}?page&per_page&sort_by&sort_order`. */
export function listRelatedRecords(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  relatedList: string,
  params: RelatedListParams = {},
): Promise<HttpResponse<RelatedRecordsJson>> {
  return client.request<RelatedRecordsJson>({
    path: relatedPath(module, recordId, relatedList),
    ...sortedPageRequest(params),
  });
}

/** PUT `/{module}/{id}/{related_list}/{related_id}` with `{"data": [relation fields]}`: links one record. */
export function linkRelatedRecord(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  relatedList: string,
  relatedId: string,
  relationData: Record<string, unknown> = {},
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'PUT',
    path: `${relatedPath(module, recordId, relatedList)}/${encodeURIComponent(relatedId)}`,
    body: { data: [relationData] },
  });
}

/** PUT `/{module}/{id}/{related_list}` with `{"data": [{id, …relation fields}…]}` (≤ 100): links several records. */
export function linkRelatedRecords(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  relatedList: string,
  links: Array<Record<string, unknown> & { id: string }>,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'PUT',
    path: relatedPath(module, recordId, relatedList),
    body: { data: links },
  });
}

/** DELETE `/{module}/{id}/{related_list}/{related_id}`: delinks one record. */
export function delinkRelatedRecord(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  relatedList: string,
  relatedId: string,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'DELETE',
    path: `${relatedPath(module, recordId, relatedList)}/${encodeURIComponent(relatedId)}`,
  });
}

/** DELETE `/{module}/{id}/{related_list}?ids=a,b` (≤ 100): delinks several records. */
export function delinkRelatedRecords(
  client: ZCRMRestClient,
  module: string,
  recordId: string,
  relatedList: string,
  relatedIds: readonly string[],
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'DELETE',
    path: relatedPath(module, recordId, relatedList),
    params: { ids: relatedIds },
  });
}
