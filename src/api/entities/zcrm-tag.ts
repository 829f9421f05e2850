import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import { APIResponse } from '../responses/api-response';
import { idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { parseUser } from '../mappers/user-mapper';
import * as ops from '../operations/tags-operations';
import { ValidationException } from '../../errors/validation-exception';
import { singleWrite } from '../support/single-write';
import type { ZCRMUser } from './zcrm-user';

/**
 * A tag of one module (the seed's `ZCRMTag`): as records carry it (`Tag: [{name, id}]`) and as `settings/tags`
 * lists it (with its creator and times). {@link update}, {@link delete} and {@link merge} administer it; the
 * module-level calls (`getTags`, `createTags` …) are in `zcrm-module-tags`.
 */
export class ZCRMTag {
  id?: string;
  name?: string;
  /** The module the tag belongs to (needed by {@link update}). */
  moduleApiName?: string;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  createdTime?: string;
  modifiedTime?: string;
  /** Records carrying the tag (from `getTagCount`). */
  count?: number;
  readonly #client?: ZCRMRestClient;

  protected constructor(id?: string, name?: string, client?: ZCRMRestClient) {
    if (id !== undefined) this.id = id;
    if (name !== undefined) this.name = name;
    this.#client = client;
  }

  /** Builds a tag object without a request; `client` defaults to `ZCRMRestClient.getInstance()` when a call is made. */
  static getInstance(id?: string, name?: string, client?: ZCRMRestClient): ZCRMTag {
    return new ZCRMTag(id, name, client);
  }

  /** Parses a tag as `settings/tags` renders it (`{id, name, created_by, modified_by, created_time, modified_time}`). */
  static fromJson(json: Json, moduleApiName?: string, client?: ZCRMRestClient): ZCRMTag {
    const tag = new ZCRMTag(undefined, undefined, client);
    tag.applyJson(json);
    if (moduleApiName !== undefined) tag.moduleApiName = moduleApiName;
    return tag;
  }

  /** The client this tag's calls go through. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }

  /** @internal Copies the keys present in `json` onto the tag. */
  applyJson(json: unknown): this {
    if (!isJsonObject(json)) return this;
    const id = idString(json.id);
    if (id !== undefined) this.id = id;
    const name = str(json.name);
    if (typeof name === 'string') this.name = name;
    const createdBy = parseUser(json.created_by);
    if (createdBy) this.createdBy = createdBy;
    const modifiedBy = parseUser(json.modified_by);
    if (modifiedBy) this.modifiedBy = modifiedBy;
    const createdTime = str(json.created_time);
    if (typeof createdTime === 'string') this.createdTime = createdTime;
    const modifiedTime = str(json.modified_time);
    if (typeof modifiedTime === 'string') this.modifiedTime = modifiedTime;
    const count = num(json.count);
    if (typeof count === 'number') this.count = count;
    return this;
  }

  /** Deletes the tag (`DELETE settings/tags/{id}`); it comes off every record carrying it. */
  async delete(): Promise<APIResponse<ZCRMTag>> {
    const id = this.requireId('delete');
    const { response, item } = await singleWrite(() => ops.deleteTag(this.client, id), 'tags');
    return new APIResponse(response, this, item);
  }

  /**
   * Merges this tag into `target`, as the seed does (`POST settings/tags/{target.id}/actions/merge` with
   * `conflict_id` = this tag): this tag's records get `target`, and this tag is deleted. `data` is `target`,
   * updated from Zoho's answer.
   */
  async merge(target: ZCRMTag): Promise<APIResponse<ZCRMTag>> {
    const id = this.requireId('merge');
    if (!(target instanceof ZCRMTag) || !target.id)
      throw ValidationException.invalidInput('target.id', 'merge() needs the tag to merge into, with its id');
    if (target.id === id)
      throw ValidationException.invalidInput('target', 'a tag cannot be merged into itself');
    const { response, item } = await singleWrite(
      () => ops.mergeTags(this.client, target.id as string, id),
      'tags',
    );
    target.applyJson(item.details);
    target.moduleApiName ??= this.moduleApiName;
    return new APIResponse(response, target, item);
  }

  /** Renames the tag (`PUT settings/tags/{id}?module=`); needs `id`, `name` and `moduleApiName`. */
  async update(): Promise<APIResponse<ZCRMTag>> {
    const id = this.requireId('update');
    if (typeof this.name !== 'string' || this.name.trim() === '')
      throw ValidationException.invalidInput('tag.name', 'update() needs the new name');
    if (!this.moduleApiName)
      throw ValidationException.invalidInput(
        'tag.moduleApiName',
        'update() needs the module the tag belongs to',
      );
    const { response, item } = await singleWrite(
      () => ops.updateTag(this.client, this.moduleApiName as string, id, this.name as string),
      'tags',
    );
    this.applyJson(item.details);
    return new APIResponse(response, this, item);
  }

  private requireId(operation: string): string {
    if (!this.id)
      throw ValidationException.invalidInput(
        'tag.id',
        `${operation}() needs the tag id; build it with ZCRMTag.getInstance(id)`,
      );
    return this.id;
  }
}
