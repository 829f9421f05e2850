import type { EmulatorContext } from '../../context';
import type { UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { itemError, itemSuccess, ItemResult, ZohoApiError } from '../zoho-error';
import { EMAIL } from './values';
import { ItemErrors } from '../item-errors';

/** Keys Zoho computes or owns; input carrying them is ignored for those keys. */
const SYSTEM_KEYS = new Set([
  'id',
  'zuid',
  'confirm',
  'full_name',
  'name',
  'created_by',
  'created_time',
  'Modified_By',
  'Modified_Time',
  'Isonline',
  'offset',
  'territories',
  'customize_info',
  'theme',
  'microsoft',
  'Reporting_To',
]);
const BOOLEAN_KEYS = new Set(['personal_account']);
const CUSTOM_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Messages from Zoho's user API (`@zohocrm/nodejs-sdk-2.0` config/json_details.json, `users/api_exception`). */
const NO_PRIVILEGE =
  'Either trial has expired or user does not have sufficient privilege to perform this action';
const MESSAGES = {
  duplicateEmail: 'Failed to add user since same email id is already present',
  invalidEmail: 'Invalid Email Id. Please choose a different email id',
  license: 'Request exceeds your license limit. Need to upgrade in order to add',
  deletedUser: 'Deleted user cannot be updated',
  confirmedEmail: 'Cannot update email of a confirmed CRM User',
  roleByUser: 'Profile and Role cannot be Updated by the user.',
  primaryDeactivate: 'Primary Contact cannot be deactivated',
  primaryDelete: 'Primary contact cannot be deleted',
  alreadyDeleted: 'User is already deleted',
  deletePrivilege: 'User does not have sufficient privilege to delete users',
};

type Outcome = { error: ItemResult } | { changes: Partial<UserDef> };
const fail = (
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): { error: ItemResult } => ({
  error: itemError(code, message, details),
});
const invalid = (apiName: string): { error: ItemResult } => ({ error: ItemErrors.invalid(apiName) });

/** Users who may add, change and delete other users: the Administrator profile. */
export function isAdmin(ctx: EmulatorContext, user: UserDef): boolean {
  return ctx.state.profiles.find((p) => p.id === user.profile)?.name === 'Administrator';
}

/** The request-level 400 a non-administrator gets for adding or deleting users. */
export function privilegeError(action: 'add' | 'delete'): ZohoApiError {
  return new ZohoApiError(
    400,
    'AUTHORIZATION_FAILED',
    action === 'delete' ? MESSAGES.deletePrivilege : NO_PRIVILEGE,
  );
}

/** `POST /users`: one input item → a new, active, not yet confirmed user (an invitation in Zoho). */
export function createUser(ctx: EmulatorContext, input: unknown, caller: UserDef): ItemResult {
  if (!isPlainObject(input)) return ItemErrors.notAnObject();
  for (const key of ['last_name', 'email', 'role', 'profile']) {
    if (input[key] === undefined || input[key] === null || input[key] === '') {
      return ItemErrors.mandatory(key);
    }
  }
  const outcome = readChanges(ctx, input, undefined);
  if ('error' in outcome) return outcome.error;
  // [I] Zoho counts active users against the licence when inviting one.
  if (activeUsers(ctx) >= licenceLimit(ctx)) return itemError('LICENSE_LIMIT_EXCEEDED', MESSAGES.license);
  const id = ctx.newId();
  const now = ctx.timestamp();
  const user: UserDef = {
    ...defaultsFrom(ctx.adminUser()),
    first_name: '',
    // The mandatory check above guarantees last_name, email, role and profile.
    ...(outcome.changes as Pick<UserDef, 'last_name' | 'email' | 'role' | 'profile'>),
    id,
    // [I] Zoho ids people by a numeric ZUID; the emulator derives one from the user id.
    zuid: `9${id.slice(-8)}`,
    status: 'active',
    confirm: false,
    Isonline: false,
    created_time: now,
    Modified_Time: now,
    created_by: caller.id,
    Modified_By: caller.id,
  };
  ctx.state.users.push(user);
  return itemSuccess('User added', { id });
}

/** `PUT /users[/{id}]`: applies one item to an existing user, all or nothing. */
export function updateUser(
  ctx: EmulatorContext,
  target: UserDef,
  input: unknown,
  caller: UserDef,
): ItemResult {
  if (!isPlainObject(input)) return ItemErrors.notAnObject();
  if (target.status === 'deleted')
    return itemError('CANNOT_UPDATE_DELETED_USER', MESSAGES.deletedUser, { id: target.id });
  if (!isAdmin(ctx, caller) && caller.id !== target.id)
    return itemError('AUTHORIZATION_FAILED', NO_PRIVILEGE, { id: target.id });
  const outcome = readChanges(ctx, input, target);
  if ('error' in outcome) return outcome.error;
  const changes = outcome.changes;
  const changesAccess =
    (changes.role !== undefined && changes.role !== target.role) ||
    (changes.profile !== undefined && changes.profile !== target.profile);
  if (!isAdmin(ctx, caller) && changesAccess)
    return itemError('AUTHORIZATION_FAILED', MESSAGES.roleByUser, { id: target.id });
  if (changes.status === 'disabled' && target.id === ctx.adminUser().id)
    return itemError('INVALID_DATA', MESSAGES.primaryDeactivate, { id: target.id });
  if (changes.status === 'active' && target.status !== 'active' && activeUsers(ctx) >= licenceLimit(ctx)) {
    return itemError('LICENSE_LIMIT_EXCEEDED', MESSAGES.license);
  }
  Object.assign(target, changes, { Modified_Time: ctx.timestamp(), Modified_By: caller.id });
  return itemSuccess('User updated', { id: target.id });
}

/** `DELETE /users/{id}`: the user keeps its record with status `deleted` (listed by `type=DeletedUsers`). */
export function deleteUser(ctx: EmulatorContext, target: UserDef, caller: UserDef): ItemResult {
  // [I] The primary contact (the org's first administrator) cannot be deleted.
  if (target.id === ctx.adminUser().id)
    return itemError('INVALID_REQUEST', MESSAGES.primaryDelete, { id: target.id });
  if (target.status === 'deleted')
    return itemError('ID_ALREADY_DELETED', MESSAGES.alreadyDeleted, { id: target.id });
  Object.assign(target, { status: 'deleted', Modified_Time: ctx.timestamp(), Modified_By: caller.id });
  return itemSuccess('User deleted', { id: target.id });
}

/** Validates and normalises the writable keys of an input; `target` is the user being updated (none on create). */
function readChanges(
  ctx: EmulatorContext,
  input: Record<string, unknown>,
  target: UserDef | undefined,
): Outcome {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (SYSTEM_KEYS.has(key) || !CUSTOM_KEY.test(key)) continue;
    switch (key) {
      case 'role':
      case 'profile': {
        const id = isPlainObject(value) ? value.id : value;
        const known = key === 'role' ? ctx.state.roles : ctx.state.profiles;
        if (!known.some((item) => item.id === String(id))) return invalid(key);
        changes[key] = String(id);
        break;
      }
      case 'email': {
        const checked = checkEmail(ctx, value, target);
        if ('error' in checked) return checked;
        changes.email = checked.email;
        break;
      }
      case 'status':
        // Only updates change the status: users are activated or deactivated, and deleted through DELETE.
        if (target === undefined) break;
        if (value !== 'active' && value !== 'disabled') return invalid(key);
        changes.status = value;
        break;
      default:
        if (BOOLEAN_KEYS.has(key) ? typeof value !== 'boolean' : value !== null && typeof value !== 'string')
          return invalid(key);
        changes[key] = value;
    }
  }
  return { changes: changes };
}

function checkEmail(
  ctx: EmulatorContext,
  value: unknown,
  target: UserDef | undefined,
): { email: string } | { error: ItemResult } {
  if (typeof value !== 'string' || !EMAIL.test(value))
    return fail('INVALID_DATA', MESSAGES.invalidEmail, { api_name: 'email' });
  if (target && target.email.toLowerCase() === value.toLowerCase()) return { email: target.email };
  if (target?.confirm)
    return fail('EMAIL_UPDATE_NOT_ALLOWED', MESSAGES.confirmedEmail, { api_name: 'email' });
  const taken = ctx.state.users.some(
    (u) => u.status !== 'deleted' && u.email.toLowerCase() === value.toLowerCase(),
  );
  if (taken) return fail('DUPLICATE_DATA', MESSAGES.duplicateEmail, { api_name: 'email' });
  return { email: value };
}

/** Locale settings a new user inherits from the org's administrator. */
function defaultsFrom(admin: UserDef): Partial<UserDef> {
  const keys = [
    'country',
    'locale',
    'language',
    'country_locale',
    'time_zone',
    'date_format',
    'time_format',
    'decimal_separator',
    'name_format',
    'default_tab_group',
  ];
  const out: Record<string, unknown> = {};
  for (const key of [
    'alias',
    'phone',
    'mobile',
    'website',
    'fax',
    'city',
    'state',
    'street',
    'zip',
    'dob',
    'signature',
  ])
    out[key] = null;
  for (const key of keys) out[key] = admin[key] ?? null;
  out.personal_account = false;
  return out;
}

function activeUsers(ctx: EmulatorContext): number {
  return ctx.state.users.filter((u) => u.status === 'active').length;
}

function licenceLimit(ctx: EmulatorContext): number {
  const licence = ctx.state.org.license_details as { users_license_purchased?: number } | undefined;
  return licence?.users_license_purchased ?? Number.POSITIVE_INFINITY;
}
