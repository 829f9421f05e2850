import type { ZCRMRestClient } from '../../api/rest-client';
import { listRecords } from '../../api/operations/record-operations';
import { listOf } from '../../api/operations/item-results';
import type { Json } from '../../api/mappers/json-utils';
import type { CompiledQuery } from '../../query/compilers/compiled-query';
import { valueKindOf } from '../../metadata/data-types';
import type { ModelMapping } from '../mapping/model-mapping';
import { chunk } from '../support/pool';

/** Ids Zoho's list API takes in one `ids=` call. */
const IDS_PER_CALL = 100;

/**
 * The API names of a model's list-of-rows fields (line items, line taxes, subforms, participants …), which
 * COQL cannot select: a COQL read leaves them out, and the reader loads them by id instead. (Other fields
 * COQL cannot select, such as `tags`, stay undefined on such records: not an empty list.)
 */
export function unselectableRows(mapping: ModelMapping): string[] {
  return mapping.fields
    .filter((f) => mapping.isRows(f) && valueKindOf(f) === 'unsupported')
    .map((f) => f.apiName);
}

/**
 * Fills in, on records a COQL call read without `select`, the fields COQL cannot select, with one list call
 * per 100 records (`GET /{module}?ids=…&fields=…`), so a line-items property never reads as an empty list
 * that was only never loaded. A record the follow-up read no longer finds (deleted in between) keeps
 * them unset (the property keeps the model's default, and an update refuses to send it: not loaded).
 */
export async function completeRows(
  client: ZCRMRestClient,
  mapping: ModelMapping,
  query: CompiledQuery,
  records: Json[],
  onCall?: (query: { backend: 'list'; text: string }) => void,
): Promise<void> {
  if (query.backend !== 'coql' || query.select || records.length === 0) return;
  const fields = unselectableRows(mapping);
  if (fields.length === 0) return;
  const byId = new Map(records.map((r) => [String(r.id), r]));
  for (const ids of chunk([...byId.keys()], IDS_PER_CALL)) {
    const params = { ids: ids.join(','), fields: fields.join(','), per_page: IDS_PER_CALL };
    onCall?.({
      backend: 'list',
      text: `GET ${mapping.module}?${new URLSearchParams(params as never).toString()}`,
    });
    const response = await listRecords(client, mapping.module, { params });
    for (const full of listOf(response, 'data')) {
      const record = byId.get(String(full.id));
      if (!record) continue;
      for (const apiName of fields) if (full[apiName] !== undefined) record[apiName] = full[apiName];
    }
  }
}
