import type {
  OrgDef,
  OrgTax,
  ProfileDef,
  RoleDef,
  UserDef,
  VariableDef,
  VariableGroupDef,
} from '../state/types';

/**
 * The emulated org: Zylker, in Asia/Kolkata (+05:30 all year, so every date-time carries one offset),
 * an Enterprise licence, three users, a role tree and the standard profiles.
 * Ids share the org prefix `3652397` as real 19-digit Zoho ids do.
 */
export const ORG_PREFIX = '3652397';
const id = (seq: number): string => ORG_PREFIX + String(seq).padStart(12, '0');

/** When the org's seeded users, profiles and layouts were created and last changed. */
export const SEED_TIME = '2024-01-02T09:00:00+05:30';

export function seedOrg(): OrgDef {
  return {
    id: id(16010),
    company_name: 'Zylker',
    alias: null,
    primary_email: 'patricia.boyle@zylker.com',
    primary_zuid: '808233918',
    zgid: '808232144',
    domain_name: 'org808232144',
    time_zone: 'Asia/Kolkata',
    offset_minutes: 330,
    currency: 'US Dollar - USD',
    currency_symbol: '$',
    currency_locale: 'en_US',
    iso_code: 'USD',
    country_code: 'US',
    mc_status: false,
    gapps_enabled: false,
    translation_enabled: false,
    privacy_settings: false,
    employee_count: '25',
    phone: '+1 555 0100',
    mobile: null,
    fax: null,
    website: 'https://www.zylker.com',
    street: '4141 Hacienda Drive',
    city: 'Pleasanton',
    state: 'CA',
    country: 'United States',
    zip: '94588',
    description: null,
    photo_id: null,
    zia_portal_id: null,
    license_details: {
      paid: true,
      paid_type: 'enterprise',
      paid_expiry: '2027-12-31T23:59:59+05:30',
      trial_type: null,
      trial_expiry: null,
      users_license_purchased: 10,
    },
  };
}

export const ROLE_IDS = { ceo: id(26005), manager: id(26008), rep: id(26011) };
export const PROFILE_IDS = { administrator: id(26014), standard: id(26017) };

export function seedRoles(): RoleDef[] {
  return [
    {
      id: ROLE_IDS.ceo,
      name: 'CEO',
      display_label: 'CEO',
      description: 'Sees every record',
      reporting_to: null,
      admin_user: true,
      share_with_peers: true,
    },
    {
      id: ROLE_IDS.manager,
      name: 'Manager',
      display_label: 'Manager',
      description: 'Sales manager',
      reporting_to: ROLE_IDS.ceo,
      admin_user: false,
      share_with_peers: true,
    },
    {
      id: ROLE_IDS.rep,
      name: 'Sales Rep',
      display_label: 'Sales Rep',
      description: null,
      reporting_to: ROLE_IDS.manager,
      admin_user: false,
      share_with_peers: false,
    },
  ];
}

export function seedProfiles(): ProfileDef[] {
  return [
    {
      id: PROFILE_IDS.administrator,
      name: 'Administrator',
      display_label: 'Administrator',
      description: 'This profile will have all the permissions.',
      default: false,
      category: false,
    },
    {
      id: PROFILE_IDS.standard,
      name: 'Standard',
      display_label: 'Standard',
      description: 'This profile will have all the permissions except administrative privileges.',
      default: true,
      category: false,
    },
  ];
}

/**
 * Org-wide permissions outside the modules, as profiles list them (Python SDK `ZCRMPermission`); only
 * administrators hold them.
 */
export const GENERAL_PERMISSIONS = [
  { id: id(27001), name: 'Crm_Implied_Manage_Users', display_label: 'Manage Users' },
  { id: id(27004), name: 'Crm_Implied_Import', display_label: 'Import' },
  { id: id(27007), name: 'Crm_Implied_Export', display_label: 'Export' },
  { id: id(27010), name: 'Crm_Implied_Customize_Zoho_CRM', display_label: 'Customize Zoho CRM' },
];

export function seedUsers(): UserDef[] {
  const user = (
    seq: number,
    zuid: string,
    first: string,
    last: string,
    role: string,
    profile: string,
  ): UserDef => ({
    id: id(seq),
    zuid,
    first_name: first,
    last_name: last,
    email: `${first}.${last}@zylker.com`.toLowerCase(),
    status: 'active',
    confirm: true,
    role,
    profile,
    alias: null,
    phone: null,
    mobile: null,
    website: null,
    fax: null,
    country: 'US',
    city: null,
    state: null,
    street: null,
    zip: null,
    dob: null,
    locale: 'en_US',
    language: 'en_US',
    country_locale: 'US',
    time_zone: 'Asia/Kolkata',
    date_format: 'MM/dd/yyyy',
    time_format: 'hh:mm a',
    decimal_separator: 'Period',
    name_format: 'Salutation,First Name,Last Name',
    signature: null,
    personal_account: false,
    default_tab_group: '0',
    Isonline: false,
    created_time: SEED_TIME,
    Modified_Time: SEED_TIME,
    // Ids of the users who created and last changed this one (the admin, Patricia Boyle).
    created_by: id(235011),
    Modified_By: id(235011),
  });
  return [
    user(235011, '808233918', 'Patricia', 'Boyle', ROLE_IDS.ceo, PROFILE_IDS.administrator),
    user(235014, '808233920', 'Kevin', 'Hart', ROLE_IDS.manager, PROFILE_IDS.standard),
    user(235017, '808233922', 'Priya', 'Raman', ROLE_IDS.rep, PROFILE_IDS.standard),
  ];
}

export function seedTaxes(): OrgTax[] {
  return [
    { id: id(72001), name: 'Vat', display_label: 'Vat', value: 12.5, sequence_number: 1 },
    { id: id(72004), name: 'Sales Tax', display_label: 'Sales Tax', value: 5, sequence_number: 2 },
    { id: id(72007), name: 'Common Tax', display_label: 'Common Tax', value: 1.5, sequence_number: 3 },
  ];
}

export function seedVariableGroups(): VariableGroupDef[] {
  return [
    { id: id(81001), api_name: 'General', name: 'General', display_label: 'General', description: null },
  ];
}

export function seedVariables(): VariableDef[] {
  return [
    {
      id: id(81011),
      api_name: 'Support_Email',
      name: 'Support Email',
      description: 'Where customers write',
      type: 'email',
      value: 'support@zylker.com',
      variable_group: id(81001),
    },
    {
      id: id(81014),
      api_name: 'Discount_Cap',
      name: 'Discount Cap',
      description: null,
      type: 'integer',
      value: 20,
      variable_group: id(81001),
    },
  ];
}
