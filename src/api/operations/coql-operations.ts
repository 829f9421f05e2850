import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import type { RecordsJson } from './record-operations';

/** COQL (https://www.zoho.com/crm/developer/docs/api/v2/COQL-Overview.html): `POST /coql` with `{"select_query": "select … from … where … limit …"}`. */

/** Runs a COQL query → `{data, info: {count, more_records}}`; 204 when nothing matches. */
export function executeCoql(client: ZCRMRestClient, selectQuery: string): Promise<HttpResponse<RecordsJson>> {
  // A read despite the POST: safe to retry.
  return client.request<RecordsJson>({
    method: 'POST',
    path: 'coql',
    body: { select_query: selectQuery },
    retryable: true,
    heavy: true,
  });
}
