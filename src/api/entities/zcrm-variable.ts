import { ValidationException } from '../../errors/validation-exception';
import { idString, isJsonObject, Json, putDefined, str } from '../mappers/json-utils';
import { APIResponse } from '../responses/api-response';
import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import * as variables from '../operations/variables-operations';
import { firstOf, singleResultOf } from '../operations/item-results';
import { ZCRMVariableGroup } from './zcrm-variable-group';

/** A variable's value as Zoho stores it: text, a number, a checkbox, or empty. */
export type VariableValue = string | number | boolean | null;

/**
 * An org variable (`settings/variables`). Get them with `ZCRMOrganization.getVariables()`, or build one with
 * `ZCRMVariable.getInstance(id)` and call {@link getVariable}, {@link updateVariable} or {@link deleteVariable}.
 */
export class ZCRMVariable {
  id?: string;
  apiName?: string | null;
  name?: string | null;
  /** `text`, `integer`, `long`, `decimal`, `currency`, `percent`, `checkbox`, `date`, `datetime`, `email`, `url` … */
  type?: string | null;
  value?: VariableValue;
  variableGroup?: ZCRMVariableGroup | null;
  description?: string | null;
  readonly #client?: ZCRMRestClient;

  constructor(id?: string, apiName?: string | null, client?: ZCRMRestClient) {
    if (id !== undefined) this.id = id;
    if (apiName !== undefined) this.apiName = apiName;
    this.#client = client;
  }

  /** Builds a variable object without a request; name it by id or API name. */
  static getInstance(id?: string, apiName?: string | null, client?: ZCRMRestClient): ZCRMVariable {
    return new ZCRMVariable(id, apiName, client);
  }

  /** Parses one element of `variables`. */
  static fromJson(json: Json, client?: ZCRMRestClient): ZCRMVariable {
    const variable = new ZCRMVariable(idString(json.id), str(json.api_name), client);
    variable.name = str(json.name);
    variable.type = str(json.type);
    variable.description = str(json.description);
    const value = json.value;
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    )
      variable.value = value;
    if ('variable_group' in json) {
      variable.variableGroup = isJsonObject(json.variable_group)
        ? ZCRMVariableGroup.fromJson(json.variable_group, client)
        : null;
    }
    return variable;
  }

  /**
   * The write JSON: only attributes that are set; `variable_group` as `{id, api_name}`; `id` when `withId`.
   * (The seed dropped every falsy value, so a variable could not be set to 0, false or empty; this does not.)
   */
  toJson(withId: boolean): Json {
    const out: Json = {};
    if (withId) putDefined(out, 'id', this.id);
    putDefined(out, 'name', this.name);
    putDefined(out, 'api_name', this.apiName);
    putDefined(out, 'type', this.type);
    putDefined(out, 'value', this.value);
    putDefined(out, 'description', this.description);
    if (this.variableGroup) out.variable_group = this.variableGroup.toReferenceJson();
    else if (this.variableGroup === null) out.variable_group = null;
    return out;
  }

  /**
   * `GET settings/variables/{id or api_name}[?group=]`: fills this variable from the server and returns it as
   * `data`. `group` (a group, its id or its API name) restricts the lookup to that group.
   */
  async getVariable(group?: ZCRMVariableGroup | string): Promise<APIResponse<ZCRMVariable>> {
    const key = this.pathKey('get');
    const groupKey = typeof group === 'string' ? group : (group?.id ?? group?.apiName ?? undefined);
    const response = await variables.getVariable(this.client, key, { group: groupKey });
    const json = firstOf(response, 'variables');
    if (json) Object.assign(this, ZCRMVariable.fromJson(json, this.#client));
    return new APIResponse(response, json ? this : undefined);
  }

  /** `PUT settings/variables/{id}` with the attributes that are set. A failure throws the exception of its code. */
  async updateVariable(): Promise<APIResponse<ZCRMVariable>> {
    const key = this.pathKey('update');
    const response = await variables.updateVariable(this.client, key, this.toJson(false));
    const result = singleResultOf(response, 'variables');
    return new APIResponse(response, this, result);
  }

  /** `DELETE settings/variables/{id}`. A failure throws the exception of its code. */
  async deleteVariable(): Promise<APIResponse<ZCRMVariable>> {
    const key = this.pathKey('delete');
    const response = await variables.deleteVariable(this.client, key);
    const result = singleResultOf(response, 'variables');
    return new APIResponse(response, this, result);
  }

  private pathKey(action: string): string {
    const key = this.id ?? this.apiName;
    if (!key)
      throw ValidationException.invalidInput(
        'variable id',
        `an id or an API name is required to ${action} a variable`,
      );
    return key;
  }

  /** The client this object's calls go through: the one given to `getInstance`, else `ZCRMRestClient.getInstance()`. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }
}
