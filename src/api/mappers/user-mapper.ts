import { ZCRMUser, ZCRMEntityRef } from '../entities/zcrm-user';
import { ZCRMUserCustomizeInfo } from '../entities/zcrm-user-customize-info';
import { ZCRMUserTheme } from '../entities/zcrm-user-theme';
import { bool, idString, isJsonObject, Json, num, putDefined, str } from './json-utils';

/**
 * User JSON ↔ {@link ZCRMUser}: the one place that knows the shape of users, whether a `{name, id, email}`
 * reference inside a record (`Owner`, `Created_By`, user lookups) or a full object of the users API.
 */

/** Keys of the users API that map onto named attributes; everything else goes to `fieldApinameVsValue`. */
const STANDARD_KEYS: Readonly<Record<string, keyof ZCRMUser>> = {
  id: 'id',
  name: 'name',
  email: 'email',
  first_name: 'firstName',
  last_name: 'lastName',
  full_name: 'fullName',
  status: 'status',
  zuid: 'zuid',
  language: 'language',
  locale: 'locale',
  country_locale: 'countryLocale',
  time_zone: 'timeZone',
  time_format: 'timeFormat',
  date_format: 'dateFormat',
  decimal_separator: 'decimalSeparator',
  name_format: 'nameFormat',
  default_tab_group: 'defaultTabGroup',
  signature: 'signature',
  alias: 'alias',
  street: 'street',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
  fax: 'fax',
  phone: 'phone',
  mobile: 'mobile',
  website: 'website',
  dob: 'dob',
  Currency: 'currency',
  created_time: 'createdTime',
  Modified_Time: 'modifiedTime',
};

/** Keys handled specially (objects and booleans). */
const SPECIAL_KEYS = new Set([
  'role',
  'profile',
  'customize_info',
  'theme',
  'confirm',
  'Isonline',
  'personal_account',
  'territories',
  'reporting_to',
  'Reporting_To',
  'offset',
  'created_by',
  'Created_By',
  'Modified_By',
  'modified_by',
]);

/** Writable keys of the users API, in the seed's order (`construct_json_from_user_instance`). */
const WRITABLE: ReadonlyArray<[string, keyof ZCRMUser]> = [
  ['country', 'country'],
  ['name', 'name'],
  ['city', 'city'],
  ['signature', 'signature'],
  ['name_format', 'nameFormat'],
  ['language', 'language'],
  ['locale', 'locale'],
  ['default_tab_group', 'defaultTabGroup'],
  ['street', 'street'],
  ['alias', 'alias'],
  ['state', 'state'],
  ['country_locale', 'countryLocale'],
  ['fax', 'fax'],
  ['first_name', 'firstName'],
  ['email', 'email'],
  ['zip', 'zip'],
  ['decimal_separator', 'decimalSeparator'],
  ['website', 'website'],
  ['time_format', 'timeFormat'],
  ['mobile', 'mobile'],
  ['last_name', 'lastName'],
  ['time_zone', 'timeZone'],
  ['phone', 'phone'],
  ['dob', 'dob'],
  ['date_format', 'dateFormat'],
  ['status', 'status'],
];

/**
 * Parses user JSON into a {@link ZCRMUser}. Accepts a reference (`{name, id, email}`), a full users-API object,
 * or a bare id string (some responses reference users by id only). Returns `undefined` for null/absent values.
 */
export function parseUser(json: unknown): ZCRMUser | undefined {
  if (json === null || json === undefined) return undefined;
  const bareId = idString(json);
  if (bareId !== undefined) return new ZCRMUser(bareId);
  if (!isJsonObject(json)) return undefined;
  const user = new ZCRMUser();
  const target = user as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(json)) {
    const attribute = STANDARD_KEYS[key];
    if (attribute) {
      const text = key === 'id' || key === 'zuid' ? (idString(value) ?? str(value)) : str(value);
      if (text !== undefined) target[attribute] = text;
      continue;
    }
    if (SPECIAL_KEYS.has(key)) continue;
    user.fieldApinameVsValue[key] = value;
  }
  if ('role' in json) user.role = parseRef(json.role);
  if ('profile' in json) user.profile = parseRef(json.profile);
  const reporting = 'reporting_to' in json ? json.reporting_to : json.Reporting_To;
  if (reporting !== undefined) user.reportingTo = parseRef(reporting);
  if (isJsonObject(json.customize_info)) user.customizeInfo = parseCustomizeInfo(json.customize_info);
  if (isJsonObject(json.theme)) user.theme = parseTheme(json.theme);
  if (json.confirm !== undefined) user.isConfirm = bool(json.confirm);
  if (json.Isonline !== undefined) user.isOnline = bool(json.Isonline);
  if (json.personal_account !== undefined) user.isPersonalAccount = bool(json.personal_account);
  if (Array.isArray(json.territories)) user.territories = json.territories;
  if (json.offset !== undefined) user.offset = num(json.offset);
  const createdBy = json.created_by ?? json.Created_By;
  if (createdBy) user.createdBy = parseUser(createdBy);
  const modifiedBy = json.Modified_By ?? json.modified_by;
  if (modifiedBy) user.modifiedBy = parseUser(modifiedBy);
  return user;
}

/**
 * The JSON a record write sends for a user-valued field (`Owner`, user lookups): `{"id": "…"}`.
 * Returns `null` for a user without id (the field is cleared).
 */
export function userToReferenceJson(user: ZCRMUser): { id: string } | null {
  return user.id ? { id: user.id } : null;
}

/**
 * The users-API body for `createUser`/`updateUser`: only attributes that are set, `role` and `profile` as id
 * strings, custom fields from `fieldApinameVsValue`, and `id` when the user has one.
 */
export function userToJson(user: ZCRMUser): Json {
  const out: Json = {};
  putDefined(out, 'id', user.id);
  if (user.role?.id) out.role = user.role.id;
  if (user.profile?.id) out.profile = user.profile.id;
  for (const [key, attribute] of WRITABLE)
    putDefined(out, key, (user as unknown as Record<string, unknown>)[attribute]);
  if (user.isPersonalAccount !== undefined && user.isPersonalAccount !== null)
    out.personal_account = user.isPersonalAccount;
  for (const [key, value] of Object.entries(user.fieldApinameVsValue)) putDefined(out, key, value);
  return out;
}

function parseRef(value: unknown): ZCRMEntityRef | null | undefined {
  if (value === null) return null;
  const bareId = idString(value);
  if (bareId !== undefined) return { id: bareId };
  if (!isJsonObject(value)) return undefined;
  const id = idString(value.id);
  if (id === undefined) return undefined;
  const ref: ZCRMEntityRef = { id };
  const name = str(value.name);
  if (name !== undefined) ref.name = name;
  return ref;
}

function parseCustomizeInfo(json: Json): ZCRMUserCustomizeInfo {
  const info = new ZCRMUserCustomizeInfo();
  info.notesDesc = str(json.notes_desc);
  info.isToShowRightPanel = bool(json.show_right_panel);
  info.isBcView = bool(json.bc_view);
  info.isToShowHome = bool(json.show_home);
  info.isToShowDetailView = bool(json.show_detail_view);
  info.unpinRecentItem = str(json.unpin_recent_item);
  return info;
}

function parseTheme(json: Json): ZCRMUserTheme {
  const theme = new ZCRMUserTheme();
  const normal = isJsonObject(json.normal_tab) ? json.normal_tab : {};
  const selected = isJsonObject(json.selected_tab) ? json.selected_tab : {};
  theme.normalTabFontColor = str(normal.font_color);
  theme.normalTabBackground = str(normal.background);
  theme.selectedTabFontColor = str(selected.font_color);
  theme.selectedTabBackground = str(selected.background);
  theme.newBackground = str(json.new_background);
  theme.background = str(json.background);
  theme.screen = str(json.screen);
  theme.type = str(json.type);
  return theme;
}
