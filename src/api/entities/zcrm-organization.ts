import { ValidationException } from '../../errors/validation-exception';
import { bool, idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { createdId, MAX_ITEMS_PER_WRITE } from '../mappers/settings-results';
import { requireCount, requireId } from '../support/checks';
import { bulkWriteResponse, matchItemResults } from '../support/write-results';
import { parseUser, userToJson } from '../mappers/user-mapper';
import * as org from '../operations/org-operations';
import * as users from '../operations/users-operations';
import * as variables from '../operations/variables-operations';
import {
  ConditionalGet,
  entitiesOf,
  firstEntityOf,
  firstOf,
  infoOf,
  listOf,
  singleResultOf,
} from '../operations/item-results';
import type { UserType } from '../operations/users-operations';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import { ZCRMOrgTax } from './zcrm-org-tax';
import { ZCRMProfile } from './zcrm-profile';
import { ZCRMRole } from './zcrm-role';
import { ZCRMUser } from './zcrm-user';
import { ZCRMVariable } from './zcrm-variable';
import { ZCRMVariableGroup } from './zcrm-variable-group';

/**
 * The org (the seed's `ZCRMOrganization`): its details (from `ZCRMRestClient.getOrganizationDetails()`), and the
 * calls on its users, roles, profiles, taxes and variables. `ZCRMOrganization.getInstance()` builds one without a
 * request; its calls go through the client given there, or `ZCRMRestClient.getInstance()`.
 */
export class ZCRMOrganization {
  companyName?: string | null;
  orgId?: string;
  alias?: string | null;
  primaryZuid?: string | null;
  /** The org's group id: the value of the bulk-write `X-CRM-ORG` header. */
  zgid?: string | null;
  primaryEmail?: string | null;
  domainName?: string | null;
  website?: string | null;
  mobile?: string | null;
  phone?: string | null;
  fax?: string | null;
  employeeCount?: string | null;
  description?: string | null;
  timeZone?: string | null;
  isoCode?: string | null;
  currency?: string | null;
  currencyLocale?: string | null;
  currencySymbol?: string | null;
  street?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  countryCode?: string | null;
  zipCode?: string | null;
  /** Multi-currency enabled. */
  mcStatus?: boolean | null;
  isGappsEnabled?: boolean | null;
  isTranslationEnabled?: boolean | null;
  photoId?: string | null;
  /** From `license_details`. */
  isPaidAccount?: boolean | null;
  paidType?: string | null;
  paidExpiry?: string | null;
  trialType?: string | null;
  trialExpiry?: string | null;
  usersLicensePurchased?: number | null;
  readonly #client?: ZCRMRestClient;

  constructor(companyName?: string | null, orgId?: string, client?: ZCRMRestClient) {
    if (companyName !== undefined) this.companyName = companyName;
    if (orgId !== undefined) this.orgId = orgId;
    this.#client = client;
  }

  /** Builds an org object without a request. */
  static getInstance(companyName?: string | null, orgId?: string, client?: ZCRMRestClient): ZCRMOrganization {
    return new ZCRMOrganization(companyName, orgId, client);
  }

  /** Parses the element of `GET org`'s `org` array (https://www.zoho.com/crm/developer/docs/api/v2/get-org-data.html). */
  static fromJson(json: Json, client?: ZCRMRestClient): ZCRMOrganization {
    const o = new ZCRMOrganization(str(json.company_name), idString(json.id), client);
    o.alias = str(json.alias);
    o.primaryZuid = idString(json.primary_zuid) ?? str(json.primary_zuid);
    o.zgid = idString(json.zgid) ?? str(json.zgid);
    o.primaryEmail = str(json.primary_email);
    o.domainName = str(json.domain_name);
    o.website = str(json.website);
    o.mobile = str(json.mobile);
    o.phone = str(json.phone);
    o.fax = str(json.fax);
    o.employeeCount = str(json.employee_count);
    o.description = str(json.description);
    o.timeZone = str(json.time_zone);
    o.isoCode = str(json.iso_code);
    o.currency = str(json.currency);
    o.currencyLocale = str(json.currency_locale);
    o.currencySymbol = str(json.currency_symbol);
    o.street = str(json.street);
    o.city = str(json.city);
    o.state = str(json.state);
    o.country = str(json.country);
    o.countryCode = str(json.country_code);
    o.zipCode = str(json.zip);
    o.mcStatus = bool(json.mc_status);
    o.isGappsEnabled = bool(json.gapps_enabled);
    o.isTranslationEnabled = bool(json.translation_enabled);
    o.photoId = str(json.photo_id);
    if (isJsonObject(json.license_details)) {
      const licence = json.license_details;
      o.isPaidAccount = bool(licence.paid);
      o.paidType = str(licence.paid_type);
      o.paidExpiry = str(licence.paid_expiry);
      o.trialType = str(licence.trial_type);
      o.trialExpiry = str(licence.trial_expiry);
      o.usersLicensePurchased = num(licence.users_license_purchased);
    }
    return o;
  }

  /** The client this org's calls go through. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }

  // ---- users -------------------------------------------------------------------------------------------------

  /** `GET users/{id}`. */
  async getUser(userId: string): Promise<APIResponse<ZCRMUser>> {
    const id = requireId(userId, 'user id');
    const response = await users.getUser(this.client, id);
    const json = firstEntityOf(response, 'users');
    return new APIResponse(response, json ? parseUser(json) : undefined);
  }

  /** `GET users?type=CurrentUser`: the user the calls act as, as a one-element list (as in the seed). */
  getCurrentUser(): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'CurrentUser', 1, 200);
  }

  /**
   * `GET users?page&per_page` (every user but deleted ones). Pages count from 1. `ifModifiedSince` lists only
   * users changed since then; none → a 304 `noData` response with no users.
   */
  getAllUsers(page = 1, perPage = 200, options?: ConditionalGet): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(options, undefined, page, perPage);
  }

  /** `GET users?type=ActiveUsers`. */
  getAllActiveUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'ActiveUsers', page, perPage);
  }

  /** `GET users?type=DeactiveUsers`. */
  getAllDeactiveUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'DeactiveUsers', page, perPage);
  }

  /** `GET users?type=ConfirmedUsers`. */
  getAllConfirmedUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'ConfirmedUsers', page, perPage);
  }

  /** `GET users?type=NotConfirmedUsers`. */
  getAllNotConfirmedUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'NotConfirmedUsers', page, perPage);
  }

  /** `GET users?type=DeletedUsers`. */
  getAllDeletedUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'DeletedUsers', page, perPage);
  }

  /** `GET users?type=ActiveConfirmedUsers`. */
  getAllActiveConfirmedUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'ActiveConfirmedUsers', page, perPage);
  }

  /** `GET users?type=AdminUsers`. */
  getAllAdminUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'AdminUsers', page, perPage);
  }

  /** `GET users?type=ActiveConfirmedAdmins`. */
  getAllActiveConfirmedAdminUsers(page = 1, perPage = 200): Promise<BulkAPIResponse<ZCRMUser>> {
    return this.getUsers(undefined, 'ActiveConfirmedAdmins', page, perPage);
  }

  /**
   * `POST users` with the user's attributes that are set (`lastName`, `email`, `role` and `profile` are required by
   * Zoho). On success `data` is the same user with its new `id`. A rejected user throws the exception of its code.
   */
  async createUser(user: ZCRMUser): Promise<APIResponse<ZCRMUser>> {
    if (!(user instanceof ZCRMUser)) throw ValidationException.invalidInput('user', 'a ZCRMUser is required');
    if (user.id !== undefined)
      throw ValidationException.invalidInput('user id', 'must not be set when creating a user');
    const response = await users.createUsers(this.client, [userToJson(user)]);
    const result = singleResultOf(response, 'users');
    const id = createdId(result);
    if (id) user.id = id;
    return new APIResponse(response, user, result);
  }

  /** `PUT users/{id}` with the attributes that are set. Needs `user.id`. A rejection throws the exception of its code. */
  async updateUser(user: ZCRMUser): Promise<APIResponse<ZCRMUser>> {
    if (!(user instanceof ZCRMUser)) throw ValidationException.invalidInput('user', 'a ZCRMUser is required');
    const id = requireId(user.id, 'user id');
    // The id goes in the path, not the body.
    const body = userToJson(user);
    delete body.id;
    const response = await users.updateUser(this.client, id, body);
    return new APIResponse(response, user, singleResultOf(response, 'users'));
  }

  /**
   * `PUT users` for up to 100 users at once (each needs an `id`): one {@link EntityResponse} per user, in input
   * order; failures do not throw.
   */
  async updateUsers(userList: ZCRMUser[]): Promise<BulkAPIResponse<ZCRMUser>> {
    requireCount(userList, 'users', MAX_ITEMS_PER_WRITE);
    userList.forEach((u, i) => requireId(u?.id, `users[${i}].id`));
    const response = await users.updateUsers(
      this.client,
      userList.map((u) => userToJson(u)),
    );
    return bulkWriteResponse(
      response,
      matchItemResults(response, 'users', userList, (u) => u.id),
    );
  }

  /** `DELETE users/{id}` (the user is kept with status `deleted`). A rejection throws the exception of its code. */
  async deleteUser(userId: string): Promise<APIResponse<ZCRMUser>> {
    const id = requireId(userId, 'user id');
    const response = await users.deleteUser(this.client, id);
    return new APIResponse(response, ZCRMUser.getInstance(id), singleResultOf(response, 'users'));
  }

  // ---- profiles and roles ------------------------------------------------------------------------------------

  /**
   * `GET settings/profiles`. (The seed returned an APIResponse holding a list; this is a BulkAPIResponse, whose
   * `data` is the same list.) `ifModifiedSince` → 304 `noData` when no profile changed.
   */
  async getAllProfiles(options?: ConditionalGet): Promise<BulkAPIResponse<ZCRMProfile>> {
    const response = await org.getProfiles(this.client, options);
    return new BulkAPIResponse(response, {
      data: listOf(response, 'profiles').map((p) => ZCRMProfile.fromJson(p)),
    });
  }

  /** `GET settings/profiles/{id}`: the profile with its permissions and permission sections. */
  async getProfile(profileId: string): Promise<APIResponse<ZCRMProfile>> {
    const id = requireId(profileId, 'profile id');
    const response = await org.getProfile(this.client, id);
    const json = firstOf(response, 'profiles');
    return new APIResponse(response, json ? ZCRMProfile.fromJson(json) : undefined);
  }

  /** `GET settings/roles`. */
  async getAllRoles(): Promise<BulkAPIResponse<ZCRMRole>> {
    const response = await org.getRoles(this.client);
    return new BulkAPIResponse(response, {
      data: listOf(response, 'roles').map((r) => ZCRMRole.fromJson(r)),
    });
  }

  /** `GET settings/roles/{id}`. */
  async getRole(roleId: string): Promise<APIResponse<ZCRMRole>> {
    const id = requireId(roleId, 'role id');
    const response = await org.getRole(this.client, id);
    const json = firstOf(response, 'roles');
    return new APIResponse(response, json ? ZCRMRole.fromJson(json) : undefined);
  }

  // ---- taxes ---------------------------------------------------------------------------------------------------

  /** `GET org/taxes`, in sequence order; an org without taxes gives a 204 `noData` response with none. */
  async getOrganizationTaxes(): Promise<BulkAPIResponse<ZCRMOrgTax>> {
    const response = await org.getOrgTaxes(this.client);
    return new BulkAPIResponse(response, {
      data: listOf(response, 'taxes').map((t) => ZCRMOrgTax.fromJson(t)),
    });
  }

  /** `GET org/taxes/{id}`. */
  async getOrganizationTax(taxId: string): Promise<APIResponse<ZCRMOrgTax>> {
    const id = requireId(taxId, 'tax id');
    const response = await org.getOrgTax(this.client, id);
    const json = firstOf(response, 'taxes');
    return new APIResponse(response, json ? ZCRMOrgTax.fromJson(json) : undefined);
  }

  /**
   * `POST org/taxes` for 1..100 new taxes (none may have an id). One {@link EntityResponse} per tax in input order;
   * a created tax gets its `id`, and `data` lists the taxes created. Per-tax failures do not throw.
   */
  async createOrganizationTaxes(taxes: ZCRMOrgTax[]): Promise<BulkAPIResponse<ZCRMOrgTax>> {
    requireCount(taxes, 'taxes', MAX_ITEMS_PER_WRITE);
    taxes.forEach((tax, i) => {
      if (!(tax instanceof ZCRMOrgTax))
        throw ValidationException.invalidInput(`taxes[${i}]`, 'a ZCRMOrgTax is required');
      if (tax.id !== undefined)
        throw ValidationException.invalidInput(`taxes[${i}].id`, 'must not be set when creating a tax');
    });
    const response = await org.createOrgTaxes(
      this.client,
      taxes.map((t) => t.toJson(false)),
    );
    const results = matchItemResults(
      response,
      'taxes',
      taxes,
      () => undefined,
      (tax, item) => {
        tax.id = createdId(item) ?? tax.id;
      },
    );
    return bulkWriteResponse(response, results);
  }

  /** `PUT org/taxes` for 1..100 taxes, each with its `id`. One {@link EntityResponse} per tax in input order. */
  async updateOrganizationTaxes(taxes: ZCRMOrgTax[]): Promise<BulkAPIResponse<ZCRMOrgTax>> {
    requireCount(taxes, 'taxes', MAX_ITEMS_PER_WRITE);
    taxes.forEach((tax, i) => {
      if (!(tax instanceof ZCRMOrgTax))
        throw ValidationException.invalidInput(`taxes[${i}]`, 'a ZCRMOrgTax is required');
      requireId(tax.id, `taxes[${i}].id`);
    });
    const response = await org.updateOrgTaxes(
      this.client,
      taxes.map((t) => t.toJson(true)),
    );
    return bulkWriteResponse(
      response,
      matchItemResults(response, 'taxes', taxes, (t) => t.id),
    );
  }

  /** `DELETE org/taxes?ids=…` for 1..100 ids. One {@link EntityResponse} per id (its `data` a tax with that id). */
  async deleteOrganizationTaxes(taxIds: string[]): Promise<BulkAPIResponse<ZCRMOrgTax>> {
    requireCount(taxIds, 'tax ids', MAX_ITEMS_PER_WRITE);
    taxIds.forEach((id, i) => requireId(id, `tax ids[${i}]`));
    const response = await org.deleteOrgTaxes(this.client, taxIds);
    const taxes = taxIds.map((id) => ZCRMOrgTax.getInstance(id));
    return bulkWriteResponse(
      response,
      matchItemResults(response, 'taxes', taxes, (t) => t.id),
    );
  }

  /** `DELETE org/taxes/{id}`. A failure throws the exception of its code. */
  async deleteOrganizationTax(taxId: string): Promise<APIResponse<ZCRMOrgTax>> {
    const id = requireId(taxId, 'tax id');
    const response = await org.deleteOrgTax(this.client, id);
    return new APIResponse(response, ZCRMOrgTax.getInstance(id), singleResultOf(response, 'taxes'));
  }

  // ---- variables -----------------------------------------------------------------------------------------------

  /** `GET settings/variables` (of one group when `group`, an id or API name, is given); none → 204 `noData`. */
  async getVariables(group?: ZCRMVariableGroup | string): Promise<BulkAPIResponse<ZCRMVariable>> {
    const key = typeof group === 'string' ? group : (group?.id ?? group?.apiName ?? undefined);
    const response = await variables.getVariables(this.client, { group: key });
    const data = listOf(response, 'variables').map((v) => ZCRMVariable.fromJson(v, this.#client));
    return new BulkAPIResponse(response, { data, info: infoOf(response) });
  }

  /**
   * `POST settings/variables` for 1..100 new variables (none may have an id; Zoho needs `name`, `type` and
   * `variableGroup`). A created variable gets its `id`; per-variable failures do not throw.
   */
  async createVariables(variableList: ZCRMVariable[]): Promise<BulkAPIResponse<ZCRMVariable>> {
    requireCount(variableList, 'variables', MAX_ITEMS_PER_WRITE);
    variableList.forEach((v, i) => {
      if (!(v instanceof ZCRMVariable))
        throw ValidationException.invalidInput(`variables[${i}]`, 'a ZCRMVariable is required');
      if (v.id !== undefined)
        throw ValidationException.invalidInput(
          `variables[${i}].id`,
          'must not be set when creating a variable',
        );
    });
    const response = await variables.createVariables(
      this.client,
      variableList.map((v) => v.toJson(false)),
    );
    const results = matchItemResults(
      response,
      'variables',
      variableList,
      () => undefined,
      (v, item) => {
        v.id = createdId(item) ?? v.id;
      },
    );
    return bulkWriteResponse(response, results);
  }

  /** `PUT settings/variables` for 1..100 variables, each with its `id`. One {@link EntityResponse} per variable. */
  async updateVariables(variableList: ZCRMVariable[]): Promise<BulkAPIResponse<ZCRMVariable>> {
    requireCount(variableList, 'variables', MAX_ITEMS_PER_WRITE);
    variableList.forEach((v, i) => {
      if (!(v instanceof ZCRMVariable))
        throw ValidationException.invalidInput(`variables[${i}]`, 'a ZCRMVariable is required');
      requireId(v.id, `variables[${i}].id`);
    });
    const response = await variables.updateVariables(
      this.client,
      variableList.map((v) => v.toJson(true)),
    );
    return bulkWriteResponse(
      response,
      matchItemResults(response, 'variables', variableList, (v) => v.id),
    );
  }

  /** `DELETE settings/variables?ids=…` for 1..100 ids. One {@link EntityResponse} per id. */
  async deleteVariables(variableIds: string[]): Promise<BulkAPIResponse<ZCRMVariable>> {
    requireCount(variableIds, 'variable ids', MAX_ITEMS_PER_WRITE);
    variableIds.forEach((id, i) => requireId(id, `variable ids[${i}]`));
    const response = await variables.deleteVariables(this.client, variableIds);
    const list = variableIds.map((id) => ZCRMVariable.getInstance(id, undefined, this.#client));
    return bulkWriteResponse(
      response,
      matchItemResults(response, 'variables', list, (v) => v.id),
    );
  }

  /** `GET settings/variable_groups`; none → 204 `noData`. */
  async getVariableGroups(): Promise<BulkAPIResponse<ZCRMVariableGroup>> {
    const response = await variables.getVariableGroups(this.client);
    const data = listOf(response, 'variable_groups').map((g) => ZCRMVariableGroup.fromJson(g, this.#client));
    return new BulkAPIResponse(response, { data });
  }

  private async getUsers(
    options: ConditionalGet | undefined,
    type: UserType | undefined,
    page: number,
    perPage: number,
  ): Promise<BulkAPIResponse<ZCRMUser>> {
    checkPaging(page, perPage);
    const response = await users.getUsers(this.client, { ...options, type, page, perPage });
    const data = entitiesOf(response, 'users')
      .map((u) => parseUser(u))
      .filter((u): u is ZCRMUser => u !== undefined);
    return new BulkAPIResponse(response, { data, info: infoOf(response) });
  }
}

function checkPaging(page: number, perPage: number): void {
  if (!Number.isInteger(page) || page < 1)
    throw ValidationException.invalidInput('page', `pages count from 1, got ${page}`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
    throw ValidationException.invalidInput('perPage', `must be 1..200, got ${perPage}`);
  }
}
