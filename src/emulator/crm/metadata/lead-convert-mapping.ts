import type { FieldDef, ModuleDef } from '../../state/types';

/** The modules a lead converts into, in the order Zoho lists them. */
export const CONVERT_TARGETS = ['Contacts', 'Deals', 'Accounts'] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];

/** Lead fields that land in a differently named field of the target (Zoho's standard conversion mapping). */
const RENAMES: Record<ConvertTarget, Record<string, string>> = {
  Contacts: {
    Street: 'Mailing_Street',
    City: 'Mailing_City',
    State: 'Mailing_State',
    Zip_Code: 'Mailing_Code',
    Country: 'Mailing_Country',
    Designation: 'Title',
  },
  Deals: {},
  Accounts: {
    Company: 'Account_Name',
    No_of_Employees: 'Employees',
    Street: 'Billing_Street',
    City: 'Billing_City',
    State: 'Billing_State',
    Zip_Code: 'Billing_Code',
    Country: 'Billing_Country',
  },
};

/**
 * The target field a Leads field is copied to on conversion, or `null`: an explicit rename, else a writable
 * standard field of the same API name. [I] Custom lead fields are unmapped until an admin maps them.
 */
export function convertTargetField(leadField: FieldDef, target: ModuleDef): string | null {
  const name =
    (RENAMES as Record<string, Record<string, string>>)[target.api_name]?.[leadField.api_name] ??
    leadField.api_name;
  const found = target.fields.find((f) => f.api_name === name);
  if (!found || leadField.custom_field || found.read_only || leadField.read_only) return null;
  return found.api_name;
}
