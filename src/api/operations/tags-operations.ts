import type { ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import type { WriteResultsJson } from './notes-operations';

/** Tag endpoints (https://www.zoho.com/crm/developer/docs/api/v2/get-tags.html): `settings/tags` administration and tagging records through query parameters. */

/** `{"tags": [...], "info": {count, allowed_count}}` (lists), or `{"tags": [result…]}` (writes). */
export interface TagsJson {
  tags?: Array<Record<string, unknown>>;
  info?: Record<string, unknown>;
}

/** Multi-record tagging: per-record results plus `wf_scheduler`, `success_count`, `locked_count`. */
export interface RecordTagsJson extends WriteResultsJson {
  wf_scheduler?: boolean;
  success_count?: string | number;
  locked_count?: string | number;
}

const tagPath = (tagId: string) => `settings/tags/${encodeURIComponent(tagId)}`;

/** GET `settings/tags?module={m}`. */
export function listTags(client: ZCRMRestClient, module: string): Promise<HttpResponse<TagsJson>> {
  return client.request<TagsJson>({ path: 'settings/tags', params: { module } });
}

/** GET `settings/tags/{id}/actions/records_count?module={m}` → `{"count": "5"}`. */
export function getTagRecordCount(
  client: ZCRMRestClient,
  module: string,
  tagId: string,
): Promise<HttpResponse<{ count?: string | number }>> {
  return client.request<{ count?: string | number }>({
    path: `${tagPath(tagId)}/actions/records_count`,
    params: { module },
  });
}

/** POST `settings/tags?module={m}` with `{"tags": [{name}…]}` (≤ 50). */
export function createTags(
  client: ZCRMRestClient,
  module: string,
  tags: Array<{ name: string }>,
): Promise<HttpResponse<TagsJson>> {
  return client.request<TagsJson>({
    method: 'POST',
    path: 'settings/tags',
    params: { module },
    body: { tags },
  });
}

/** PUT `settings/tags?module={m}` with `{"tags": [{id, name}…]}` (≤ 50). */
export function updateTags(
  client: ZCRMRestClient,
  module: string,
  tags: Array<{ id: string; name: string }>,
): Promise<HttpResponse<TagsJson>> {
  return client.request<TagsJson>({
    method: 'PUT',
    path: 'settings/tags',
    params: { module },
    body: { tags },
  });
}

/** PUT `settings/tags/{id}?module={m}` with `{"tags": [{name}]}`. */
export function updateTag(
  client: ZCRMRestClient,
  module: string,
  tagId: string,
  name: string,
): Promise<HttpResponse<TagsJson>> {
  return client.request<TagsJson>({
    method: 'PUT',
    path: tagPath(tagId),
    params: { module },
    body: { tags: [{ name }] },
  });
}

/** DELETE `settings/tags/{id}`. */
export function deleteTag(client: ZCRMRestClient, tagId: string): Promise<HttpResponse<TagsJson>> {
  return client.request<TagsJson>({ method: 'DELETE', path: tagPath(tagId) });
}

/** POST `settings/tags/{targetId}/actions/merge` with `{"tags": [{"conflict_id": mergedId}]}`: `mergedId`'s records move to the target, and `mergedId` goes. */
export function mergeTags(
  client: ZCRMRestClient,
  targetTagId: string,
  mergedTagId: string,
): Promise<HttpResponse<TagsJson>> {
  return client.request<TagsJson>({
    method: 'POST',
    path: `${tagPath(targetTagId)}/actions/merge`,
    body: { tags: [{ conflict_id: mergedTagId }] },
  });
}

/** POST `/{module}/{id}/actions/add_tags|remove_tags?tag_names=a,b[&over_write=true]`. */
export function tagRecord(
  client: ZCRMRestClient,
  action: 'add_tags' | 'remove_tags',
  module: string,
  recordId: string,
  tagNames: readonly string[],
  overWrite?: boolean,
): Promise<HttpResponse<WriteResultsJson>> {
  return client.request<WriteResultsJson>({
    method: 'POST',
    path: `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/actions/${action}`,
    params: { tag_names: tagNames, over_write: overWrite },
  });
}

/** POST `/{module}/actions/add_tags|remove_tags?ids=…&tag_names=…[&over_write=true]`. */
export function tagRecords(
  client: ZCRMRestClient,
  action: 'add_tags' | 'remove_tags',
  module: string,
  recordIds: readonly string[],
  tagNames: readonly string[],
  overWrite?: boolean,
): Promise<HttpResponse<RecordTagsJson>> {
  return client.request<RecordTagsJson>({
    method: 'POST',
    path: `${encodeURIComponent(module)}/actions/${action}`,
    params: { ids: recordIds, tag_names: tagNames, over_write: overWrite },
  });
}
