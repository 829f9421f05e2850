import * as ops from '../operations/tags-operations';
import { APIResponse } from '../responses/api-response';
import { applyWriteDetails } from '../mappers/record-mapper';
import { requireList, requireRecordId } from '../support/checks';
import { singleWrite } from '../support/single-write';
import type { ZCRMRecord } from '../entities/zcrm-record';

/**
 * Tagging one record (seed `ZCRMRecord.add_tags` / `remove_tags`), as functions of the record: the one
 * implementation behind `ZCRMRecord`'s tag methods and the ORM's (`invoice.addTags()`).
 */

/** Zoho's limit of tags per record, checked before the request (the seed zcrmsdk's client-side checks). */
export const MAX_TAGS_PER_RECORD = 10;

/** Options of {@link ZCRMRecord.addTags}. */
export interface AddTagsOptions {
  /** Replace the record's tags instead of adding to them (`over_write=true`). */
  overWrite?: boolean;
}

/**
 * Tags the record by name (`POST /{module}/{id}/actions/add_tags?tag_names=`), 1 to 10 names; tags the module
 * lacks are created. `data` is the record with its `tagList` as Zoho reports it afterwards.
 */
export async function addTags(
  record: ZCRMRecord,
  tagNames: string[],
  options: AddTagsOptions = {},
): Promise<APIResponse<ZCRMRecord>> {
  return tagRecord(record, 'add_tags', tagNames, options.overWrite, 'addTags');
}

/** Takes tags off the record by name (`POST /{module}/{id}/actions/remove_tags?tag_names=`), 1 to 10 names. */
export async function removeTags(record: ZCRMRecord, tagNames: string[]): Promise<APIResponse<ZCRMRecord>> {
  return tagRecord(record, 'remove_tags', tagNames, undefined, 'removeTags');
}

async function tagRecord(
  record: ZCRMRecord,
  action: 'add_tags' | 'remove_tags',
  tagNames: string[],
  overWrite: boolean | undefined,
  operation: string,
): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, operation);
  const names = requireList(tagNames, 'tagNames', 1, MAX_TAGS_PER_RECORD);
  const { response, item } = await singleWrite(() =>
    ops.tagRecord(record.client, action, record.moduleApiName, id, names, overWrite),
  );
  applyWriteDetails(record, item.details);
  return new APIResponse(response, record, item);
}
