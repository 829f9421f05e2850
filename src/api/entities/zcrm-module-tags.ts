import type { ZCRMRestClient } from '../rest-client';
import * as ops from '../operations/tags-operations';
import { infoOf, listOf, singleResultOf } from '../operations/item-results';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { num } from '../mappers/json-utils';
import { applyWriteDetails } from '../mappers/record-mapper';
import { ValidationException } from '../../errors/validation-exception';
import { requireCount, requireId, requireList } from '../support/checks';
import { multiWrite } from '../support/single-write';
import { bulkWriteResponse, matchEntityResponses } from '../support/write-results';
import { ZCRMRecord } from './zcrm-record';
import { ZCRMTag } from './zcrm-tag';

/**
 * The tag calls of `ZCRMModule` (seed `get_tags`, `get_tag_count`, `create_tags`, `update_tags`,
 * `add_tags_to_multiple_records`, `remove_tags_from_multiple_records`). Each takes the module first;
 * `ZCRMModule`'s methods of the same names delegate here.
 */

/** What the tag calls need of a module: its API name and client (a `ZCRMModule`). */
export interface TagsModule {
  readonly apiName: string;
  readonly client: ZCRMRestClient;
  readonly explicitClient?: ZCRMRestClient;
}

/** Tags per create/update call (the seed zcrmsdk's client-side checks). */
export const MAX_TAGS_PER_CALL = 50;
/** Records per multi-record tagging call (the seed zcrmsdk's client-side checks). */
export const MAX_RECORDS_PER_TAG_CALL = 100;

/** The module's tags (`GET settings/tags?module=`); `info` carries Zoho's `count` and `allowed_count` (in `info.json`). */
export async function getTags(module: TagsModule): Promise<BulkAPIResponse<ZCRMTag>> {
  const response = await ops.listTags(module.client, module.apiName);
  const data = listOf(response, 'tags').map((json) =>
    ZCRMTag.fromJson(json, module.apiName, module.explicitClient),
  );
  return new BulkAPIResponse(response, { data, info: infoOf(response) });
}

/** How many records carry the tag (`GET settings/tags/{id}/actions/records_count?module=`); `data.count` holds it. */
export async function getTagCount(module: TagsModule, tagId: string): Promise<APIResponse<ZCRMTag>> {
  requireId(tagId, 'tagId', 'getTagCount');
  const response = await ops.getTagRecordCount(module.client, module.apiName, tagId);
  const tag = ZCRMTag.getInstance(tagId, undefined, module.explicitClient);
  tag.moduleApiName = module.apiName;
  const count = num(response.data?.count);
  if (typeof count === 'number') tag.count = count;
  return new APIResponse(response, tag);
}

/**
 * Creates tags (`POST settings/tags?module=`), 1 to 50 new tags (names set, no ids). Each input gets its
 * `EntityResponse`; `data` holds the created tags with their ids, in input order.
 */
export async function createTags(module: TagsModule, tags: ZCRMTag[]): Promise<BulkAPIResponse<ZCRMTag>> {
  checkTags(tags, 'createTags', false);
  const response = await multiWrite(
    () =>
      ops.createTags(
        module.client,
        module.apiName,
        tags.map((t) => ({ name: t.name as string })),
      ),
    'tags',
  );
  return tagResults(response, module, tags, () => undefined);
}

/** Renames tags (`PUT settings/tags?module=`), 1 to 50 tags with ids and new names; results matched by id. */
export async function updateTags(module: TagsModule, tags: ZCRMTag[]): Promise<BulkAPIResponse<ZCRMTag>> {
  checkTags(tags, 'updateTags', true);
  const response = await multiWrite(
    () =>
      ops.updateTags(
        module.client,
        module.apiName,
        tags.map((t) => ({ id: t.id as string, name: t.name as string })),
      ),
    'tags',
  );
  return tagResults(response, module, tags, (t) => t.id);
}

/** Options of {@link ZCRMModule.addTagsToMultipleRecords}. */
export interface MultiRecordTagOptions {
  /** Replace the records' tags instead of adding (`over_write=true`). */
  overWrite?: boolean;
}

/**
 * Tags records by name (`POST /{module}/actions/add_tags?ids=&tag_names=`): 1 to 50 names, 1 to 100 record
 * ids. Each id gets its `EntityResponse` (matched by id); `data` holds the records tagged, with their `tagList`.
 */
export async function addTagsToMultipleRecords(
  module: TagsModule,
  tagNames: string[],
  recordIds: string[],
  options: MultiRecordTagOptions = {},
): Promise<BulkAPIResponse<ZCRMRecord>> {
  return tagRecords(module, 'add_tags', tagNames, recordIds, options.overWrite);
}

/** Takes tags off records by name (`POST /{module}/actions/remove_tags?ids=&tag_names=`); limits as for adding. */
export async function removeTagsFromMultipleRecords(
  module: TagsModule,
  tagNames: string[],
  recordIds: string[],
): Promise<BulkAPIResponse<ZCRMRecord>> {
  return tagRecords(module, 'remove_tags', tagNames, recordIds, undefined);
}

async function tagRecords(
  module: TagsModule,
  action: 'add_tags' | 'remove_tags',
  tagNames: string[],
  recordIds: string[],
  overWrite: boolean | undefined,
): Promise<BulkAPIResponse<ZCRMRecord>> {
  const names = requireList(tagNames, 'tagNames', 1, MAX_TAGS_PER_CALL);
  const ids = requireList(recordIds, 'recordIds', 1, MAX_RECORDS_PER_TAG_CALL);
  const response = await multiWrite(() =>
    ops.tagRecords(module.client, action, module.apiName, ids, names, overWrite),
  );
  const results = matchEntityResponses(
    ids,
    resultsOf(response, 'data'),
    (id) => id,
    (item, id) => {
      const record = ZCRMRecord.getInstance(module.apiName, id, module.explicitClient);
      applyWriteDetails(record, item.details);
      return record;
    },
  );
  return bulkWriteResponse(response, results);
}

function tagResults(
  response: Awaited<ReturnType<typeof multiWrite>>,
  module: TagsModule,
  tags: ZCRMTag[],
  idOf: (tag: ZCRMTag) => string | undefined,
): BulkAPIResponse<ZCRMTag> {
  const results = matchEntityResponses(tags, resultsOf(response, 'tags'), idOf, (item, tag) => {
    tag.applyJson(item.details);
    tag.moduleApiName = module.apiName;
    return tag;
  });
  return bulkWriteResponse(response, results);
}

function resultsOf(response: Awaited<ReturnType<typeof multiWrite>>, key: string): unknown {
  const body = response.data as Record<string, unknown> | undefined;
  // A body without per-item results is not a write answer: report it as Zoho's error would be.
  if (!body || !Array.isArray(body[key])) singleResultOf(response, key);
  return body?.[key];
}

function checkTags(tags: ZCRMTag[], operation: string, needsId: boolean): void {
  requireCount(tags, 'tags', MAX_TAGS_PER_CALL);
  tags.forEach((tag, i) => {
    if (!(tag instanceof ZCRMTag)) throw ValidationException.invalidInput(`tags[${i}]`, 'must be a ZCRMTag');
    if (typeof tag.name !== 'string' || tag.name.trim() === '')
      throw ValidationException.invalidInput(`tags[${i}].name`, 'a tag needs a name');
    if (needsId && !tag.id)
      throw ValidationException.invalidInput(`tags[${i}].id`, `${operation}() needs each tag's id`);
    if (!needsId && tag.id)
      throw ValidationException.invalidInput(
        `tags[${i}].id`,
        `${operation}() takes new tags without ids; use updateTags() for tag ${tag.id}`,
      );
  });
}
