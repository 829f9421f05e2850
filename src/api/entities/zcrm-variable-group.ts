import { ValidationException } from '../../errors/validation-exception';
import { idString, Json, str } from '../mappers/json-utils';
import { APIResponse } from '../responses/api-response';
import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import * as variables from '../operations/variables-operations';
import { firstOf } from '../operations/item-results';

/** A group of org variables (`settings/variable_groups`). */
export class ZCRMVariableGroup {
  id?: string;
  apiName?: string | null;
  name?: string | null;
  displayLabel?: string | null;
  description?: string | null;
  readonly #client?: ZCRMRestClient;

  constructor(id?: string, apiName?: string | null, client?: ZCRMRestClient) {
    if (id !== undefined) this.id = id;
    if (apiName !== undefined) this.apiName = apiName;
    this.#client = client;
  }

  /** Builds a group object without a request; name it by id or API name. */
  static getInstance(id?: string, apiName?: string | null, client?: ZCRMRestClient): ZCRMVariableGroup {
    return new ZCRMVariableGroup(id, apiName, client);
  }

  /** Parses one element of `variable_groups`, or a variable's `variable_group` reference `{api_name, id}`. */
  static fromJson(json: Json, client?: ZCRMRestClient): ZCRMVariableGroup {
    const group = new ZCRMVariableGroup(idString(json.id), str(json.api_name), client);
    if ('name' in json) group.name = str(json.name);
    if ('display_label' in json) group.displayLabel = str(json.display_label);
    if ('description' in json) group.description = str(json.description);
    return group;
  }

  /**
   * `GET settings/variable_groups/{id or api_name}`: fills this group from the server and returns it as `data`.
   * Needs an id or an API name.
   */
  async getVariableGroup(): Promise<APIResponse<ZCRMVariableGroup>> {
    const key = this.id ?? this.apiName;
    if (!key)
      throw ValidationException.invalidInput(
        'variable group id',
        'an id or an API name is required to get a variable group',
      );
    const response = await variables.getVariableGroup(this.client, key);
    const json = firstOf(response, 'variable_groups');
    if (json) Object.assign(this, ZCRMVariableGroup.fromJson(json, this.#client));
    return new APIResponse(response, json ? this : undefined);
  }

  /** The reference a variable write sends: `{id}` and/or `{api_name}`. */
  toReferenceJson(): Json {
    const out: Json = {};
    if (this.id) out.id = this.id;
    if (this.apiName) out.api_name = this.apiName;
    return out;
  }

  /** The client this object's calls go through: the one given to `getInstance`, else `ZCRMRestClient.getInstance()`. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }
}
