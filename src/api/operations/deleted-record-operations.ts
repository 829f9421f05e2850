import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { params, segment } from './item-results';

/** Deleted records (https://www.zoho.com/crm/developer/docs/api/v2/get-deleted-records.html): `GET /{module}/deleted?type=all|recycle|permanent`. */

export type DeletedRecordsType = 'all' | 'recycle' | 'permanent';

/** `{data: [{id, display_name, type, created_by, deleted_by, deleted_time}], info}`, or nothing (204/304). */
export interface DeletedRecordsJson {
  data?: Record<string, unknown>[];
  info?: Record<string, unknown>;
}

export function listDeletedRecords(
  client: ZCRMRestClient,
  module: string,
  type: DeletedRecordsType,
  page: number,
  perPage: number,
  headers?: Record<string, string>,
): Promise<HttpResponse<DeletedRecordsJson>> {
  return client.request<DeletedRecordsJson>({
    path: `${segment(module)}/deleted`,
    params: params({ type, page, per_page: perPage }),
    headers,
  });
}
