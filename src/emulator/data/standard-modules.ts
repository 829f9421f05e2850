import type { FieldDef, ModuleDef, RelatedListDef } from '../state/types';

/**
 * Metadata of every standard CRM module the emulator serves: fields (with Zoho's API names, types,
 * system-mandatory and unique flags), upsert duplicate-check fields and related lists.
 * Field lists follow Zoho's standard layouts (docs/zoho-v2-notes.md §5.3, §6.2); ids are assigned at seed time.
 */
/**
 * Zoho's `json_type` for every field `data_type` the emulator knows (docs/zoho-v2-notes.md §6.2): the wire shape a value
 * takes. Its keys are also the data types a seed file may declare.
 */
export const FIELD_JSON_TYPES: Readonly<Record<string, 'string' | 'integer' | 'double' | 'boolean' | 'jsonobject' | 'jsonarray'>> = {
  text: 'string', textarea: 'string', mediumtext: 'string', email: 'string', phone: 'string', website: 'string',
  autonumber: 'string', picklist: 'string', date: 'string', datetime: 'string', formula: 'string', profileimage: 'string',
  // [I] Long integers travel as digit strings (docs/zoho-v2-notes.md §8), so their json_type is string.
  bigint: 'string', long: 'string',
  integer: 'integer',
  double: 'double', currency: 'double', percent: 'double', decimal: 'double',
  boolean: 'boolean',
  lookup: 'jsonobject', ownerlookup: 'jsonobject', userlookup: 'jsonobject', multimodulelookup: 'jsonobject',
  consent_lookup: 'jsonobject', event_reminder: 'jsonobject', ALARM: 'jsonobject', RRULE: 'jsonobject',
  multiselectpicklist: 'jsonarray', multiselectlookup: 'jsonarray', multiuserlookup: 'jsonarray', subform: 'jsonarray',
  lineitem: 'jsonarray', jsonarray: 'jsonarray', pricing_details: 'jsonarray', fileupload: 'jsonarray', imageupload: 'jsonarray',
};

type Opts = Partial<Omit<FieldDef, 'api_name' | 'field_label' | 'data_type'>>;
const f = (api_name: string, field_label: string, data_type: string, opts: Opts = {}): FieldDef => ({
  api_name,
  field_label,
  data_type,
  ...opts,
});
const text = (api: string, label: string, opts: Opts = {}) => f(api, label, 'text', { length: 255, ...opts });
const mandatoryText = (api: string, label: string) => text(api, label, { system_mandatory: true });
const pick = (api: string, label: string, values: string[], opts: Opts = {}) =>
  f(api, label, 'picklist', { length: 120, pick_list_values: values, ...opts });
const lookup = (api: string, label: string, module: string, opts: Opts = {}) =>
  f(api, label, 'lookup', { lookup_module: module, ...opts });
const readOnly = (api: string, label: string, type: string, opts: Opts = {}) => f(api, label, type, { read_only: true, ...opts });
const currency = (api: string, label: string, opts: Opts = {}) => f(api, label, 'currency', { decimal_place: 2, length: 16, ...opts });

/** Fields every module has: owner, audit fields, tags. */
function systemFields(ownerLabel: string): FieldDef[] {
  return [
    f('Owner', ownerLabel, 'ownerlookup', { lookup_module: 'users', length: 120 }),
    readOnly('Created_By', 'Created By', 'ownerlookup', { lookup_module: 'users' }),
    readOnly('Modified_By', 'Modified By', 'ownerlookup', { lookup_module: 'users' }),
    readOnly('Created_Time', 'Created Time', 'datetime'),
    readOnly('Modified_Time', 'Modified Time', 'datetime'),
    readOnly('Last_Activity_Time', 'Last Activity Time', 'datetime'),
    f('Tag', 'Tag', 'text', { read_only: true }),
  ];
}

const ADDRESS = (prefix: string, label: string): FieldDef[] => [
  text(`${prefix}Street`, `${label}Street`),
  text(`${prefix}City`, `${label}City`, { length: 100 }),
  text(`${prefix}State`, `${label}State`, { length: 100 }),
  text(`${prefix}Code`, `${label}Code`, { length: 30 }),
  text(`${prefix}Country`, `${label}Country`, { length: 100 }),
];

/** The single-address block of Leads and Vendors. */
const STREET_ADDRESS = (): FieldDef[] => [
  text('Street', 'Street', { length: 250 }),
  text('City', 'City', { length: 100 }),
  text('State', 'State', { length: 100 }),
  text('Zip_Code', 'Zip Code', { length: 30 }),
  text('Country', 'Country', { length: 100 }),
];

const LEAD_SOURCES = ['Advertisement', 'Cold Call', 'Employee Referral', 'External Referral', 'Online Store', 'Partner', 'Public Relations', 'Sales Email Alias', 'Seminar Partner', 'Internal Seminar', 'Trade Show', 'Web Download', 'Web Research', 'Chat'];
const INDUSTRIES = ['ASP (Application Service Provider)', 'Data/Telecom OEM', 'ERP (Enterprise Resource Planning)', 'Government/Military', 'Large Enterprise', 'ManagementISV', 'MSP (Management Service Provider)', 'Network Equipment Enterprise', 'Non-management ISV', 'Optical Networking', 'Service Provider', 'Small/Medium Enterprise', 'Storage Equipment', 'Storage Service Provider', 'Systems Integrator', 'Wireless Industry'];
const SALUTATIONS = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.'];
const DEAL_STAGES = ['Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost', 'Closed Lost to Competition'];

const NOTES_RL = (): RelatedListDef => ({ api_name: 'Notes', display_label: 'Notes', module: 'Notes', kind: 'notes' });
const ATTACHMENTS_RL = (): RelatedListDef => ({ api_name: 'Attachments', display_label: 'Attachments', module: 'Attachments', kind: 'attachments' });
const lookupRl = (api_name: string, display_label: string, module: string, lookup_field: string): RelatedListDef => ({ api_name, display_label, module, kind: 'lookup', lookup_field });
const linkRl = (api_name: string, display_label: string, module: string): RelatedListDef => ({ api_name, display_label, module, kind: 'link' });
const ACTIVITY_RLS = (): RelatedListDef[] => [
  lookupRl('Tasks', 'Open Activities', 'Tasks', 'What_Id'),
  lookupRl('Events', 'Meetings', 'Events', 'What_Id'),
  lookupRl('Calls', 'Calls', 'Calls', 'What_Id'),
];

/** Line items of the four inventory modules (v2 `Product_Details`; [I] data type `lineitem`). */
const INVENTORY_COMMON = (): FieldDef[] => [
  mandatoryText('Subject', 'Subject'),
  f('Product_Details', 'Product Details', 'lineitem', { system_mandatory: true }),
  readOnly('Sub_Total', 'Sub Total', 'currency', { decimal_place: 2 }),
  currency('Discount', 'Discount'),
  readOnly('Tax', 'Tax', 'currency', { decimal_place: 2 }),
  currency('Adjustment', 'Adjustment'),
  readOnly('Grand_Total', 'Grand Total', 'currency', { decimal_place: 2 }),
  f('$line_tax', 'Line Tax', 'jsonarray'),
  f('Terms_and_Conditions', 'Terms and Conditions', 'textarea', { length: 32000 }),
  f('Description', 'Description', 'textarea', { length: 32000 }),
  ...ADDRESS('Billing_', 'Billing '),
  ...ADDRESS('Shipping_', 'Shipping '),
];

const inventoryModule = (api: string, singular: string, plural: string, scope: string, extra: FieldDef[], statuses: string[]): ModuleDef => ({
  api_name: api,
  singular_label: singular,
  plural_label: plural,
  generated_type: 'default',
  display_field: 'Subject',
  scope,
  fields: [
    ...systemFields(`${singular} Owner`),
    ...INVENTORY_COMMON(),
    pick('Status', 'Status', statuses),
    ...extra,
  ],
  duplicate_check_fields: ['Subject'],
  related_lists: [NOTES_RL(), ATTACHMENTS_RL(), ...ACTIVITY_RLS()],
});

export function standardModules(): ModuleDef[] {
  return [
    {
      api_name: 'Leads', singular_label: 'Lead', plural_label: 'Leads', generated_type: 'default', display_field: 'Full_Name', convertable: true, photo: true, scope: 'leads',
      fields: [
        ...systemFields('Lead Owner'),
        pick('Salutation', 'Salutation', SALUTATIONS),
        text('First_Name', 'First Name', { length: 40 }),
        text('Last_Name', 'Last Name', { length: 80, system_mandatory: true }),
        readOnly('Full_Name', 'Lead Name', 'text'),
        text('Company', 'Company', { length: 200 }),
        text('Designation', 'Title', { length: 100 }),
        f('Email', 'Email', 'email', { length: 100, unique: true }),
        f('Secondary_Email', 'Secondary Email', 'email', { length: 100 }),
        f('Phone', 'Phone', 'phone', { length: 30 }),
        f('Mobile', 'Mobile', 'phone', { length: 30 }),
        f('Fax', 'Fax', 'text', { length: 30 }),
        f('Website', 'Website', 'website'),
        pick('Lead_Source', 'Lead Source', LEAD_SOURCES),
        pick('Lead_Status', 'Lead Status', ['Attempted to Contact', 'Contact in Future', 'Contacted', 'Junk Lead', 'Lost Lead', 'Not Contacted', 'Pre-Qualified', 'Not Qualified']),
        pick('Industry', 'Industry', INDUSTRIES),
        f('No_of_Employees', 'No. of Employees', 'integer', { length: 9 }),
        currency('Annual_Revenue', 'Annual Revenue'),
        pick('Rating', 'Rating', ['Acquired', 'Active', 'Market Failed', 'Project Cancelled', 'Shut Down']),
        f('Email_Opt_Out', 'Email Opt Out', 'boolean'),
        text('Skype_ID', 'Skype ID', { length: 50 }),
        text('Twitter', 'Twitter', { length: 50 }),
        ...STREET_ADDRESS(),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Email'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Products', 'Products', 'Products'), linkRl('Campaigns', 'Campaigns', 'Campaigns'), ...ACTIVITY_RLS()],
    },
    {
      api_name: 'Accounts', singular_label: 'Account', plural_label: 'Accounts', generated_type: 'default', display_field: 'Account_Name', photo: true, scope: 'accounts',
      fields: [
        ...systemFields('Account Owner'),
        text('Account_Name', 'Account Name', { length: 200, system_mandatory: true, unique: true }),
        text('Account_Number', 'Account Number', { length: 40 }),
        text('Account_Site', 'Account Site', { length: 30 }),
        lookup('Parent_Account', 'Parent Account', 'Accounts'),
        pick('Account_Type', 'Account Type', ['Analyst', 'Competitor', 'Customer', 'Distributor', 'Integrator', 'Investor', 'Other', 'Partner', 'Press', 'Prospect', 'Reseller', 'Supplier', 'Vendor']),
        pick('Industry', 'Industry', INDUSTRIES),
        pick('Ownership', 'Ownership', ['Other', 'Private', 'Public', 'Subsidiary', 'Partnership', 'Government', 'Privately Held', 'Public Company']),
        pick('Rating', 'Rating', ['Acquired', 'Active', 'Market Failed', 'Project Cancelled', 'Shut Down']),
        f('Employees', 'Employees', 'integer', { length: 9 }),
        currency('Annual_Revenue', 'Annual Revenue'),
        f('Phone', 'Phone', 'phone', { length: 30 }),
        f('Fax', 'Fax', 'text', { length: 30 }),
        f('Website', 'Website', 'website'),
        text('Ticker_Symbol', 'Ticker Symbol', { length: 30 }),
        f('SIC_Code', 'SIC Code', 'integer', { length: 9 }),
        ...ADDRESS('Billing_', 'Billing '),
        ...ADDRESS('Shipping_', 'Shipping '),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Account_Name'],
      related_lists: [
        NOTES_RL(), ATTACHMENTS_RL(),
        lookupRl('Contacts', 'Contacts', 'Contacts', 'Account_Name'),
        lookupRl('Deals', 'Deals', 'Deals', 'Account_Name'),
        lookupRl('Quotes', 'Quotes', 'Quotes', 'Account_Name'),
        lookupRl('Sales_Orders', 'Sales Orders', 'Sales_Orders', 'Account_Name'),
        lookupRl('Invoices', 'Invoices', 'Invoices', 'Account_Name'),
        lookupRl('Cases', 'Cases', 'Cases', 'Account_Name'),
        linkRl('Products', 'Products', 'Products'),
        ...ACTIVITY_RLS(),
      ],
    },
    {
      api_name: 'Contacts', singular_label: 'Contact', plural_label: 'Contacts', generated_type: 'default', display_field: 'Full_Name', photo: true, scope: 'contacts',
      fields: [
        ...systemFields('Contact Owner'),
        pick('Salutation', 'Salutation', SALUTATIONS),
        text('First_Name', 'First Name', { length: 40 }),
        text('Last_Name', 'Last Name', { length: 80, system_mandatory: true }),
        readOnly('Full_Name', 'Contact Name', 'text'),
        lookup('Account_Name', 'Account Name', 'Accounts'),
        lookup('Vendor_Name', 'Vendor Name', 'Vendors'),
        lookup('Reporting_To', 'Reporting To', 'Contacts'),
        f('Email', 'Email', 'email', { length: 100, unique: true }),
        f('Secondary_Email', 'Secondary Email', 'email', { length: 100 }),
        f('Phone', 'Phone', 'phone', { length: 30 }),
        f('Mobile', 'Mobile', 'phone', { length: 30 }),
        f('Home_Phone', 'Home Phone', 'phone', { length: 30 }),
        text('Title', 'Title', { length: 100 }),
        text('Department', 'Department', { length: 30 }),
        pick('Lead_Source', 'Lead Source', LEAD_SOURCES),
        f('Date_of_Birth', 'Date of Birth', 'date'),
        f('Email_Opt_Out', 'Email Opt Out', 'boolean'),
        ...ADDRESS('Mailing_', 'Mailing '),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Email'],
      related_lists: [
        NOTES_RL(), ATTACHMENTS_RL(),
        lookupRl('Deals', 'Deals', 'Deals', 'Contact_Name'),
        lookupRl('Cases', 'Cases', 'Cases', 'Related_To'),
        linkRl('Products', 'Products', 'Products'),
        linkRl('Campaigns', 'Campaigns', 'Campaigns'),
        ...ACTIVITY_RLS(),
      ],
    },
    {
      api_name: 'Deals', singular_label: 'Deal', plural_label: 'Deals', generated_type: 'default', display_field: 'Deal_Name', scope: 'deals',
      fields: [
        ...systemFields('Deal Owner'),
        text('Deal_Name', 'Deal Name', { length: 120, system_mandatory: true }),
        pick('Stage', 'Stage', DEAL_STAGES, { system_mandatory: true }),
        lookup('Account_Name', 'Account Name', 'Accounts'),
        lookup('Contact_Name', 'Contact Name', 'Contacts'),
        lookup('Campaign_Source', 'Campaign Source', 'Campaigns'),
        currency('Amount', 'Amount'),
        f('Closing_Date', 'Closing Date', 'date'),
        f('Probability', 'Probability (%)', 'integer', { length: 3 }),
        readOnly('Expected_Revenue', 'Expected Revenue', 'currency'),
        pick('Type', 'Type', ['New Business', 'Existing Business']),
        pick('Lead_Source', 'Lead Source', LEAD_SOURCES),
        text('Next_Step', 'Next Step', { length: 100 }),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Deal_Name'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Products', 'Products', 'Products'), lookupRl('Quotes', 'Quotes', 'Quotes', 'Deal_Name'), lookupRl('Sales_Orders', 'Sales Orders', 'Sales_Orders', 'Deal_Name'), ...ACTIVITY_RLS()],
    },
    {
      api_name: 'Campaigns', singular_label: 'Campaign', plural_label: 'Campaigns', generated_type: 'default', display_field: 'Campaign_Name', scope: 'campaigns',
      fields: [
        ...systemFields('Campaign Owner'),
        text('Campaign_Name', 'Campaign Name', { length: 120, system_mandatory: true }),
        pick('Type', 'Type', ['Conference', 'Webinar', 'Trade Show', 'Public Relations', 'Partners', 'Referral Program', 'Advertisement', 'Banner Ads', 'Direct mail', 'Email', 'Telemarketing', 'Others']),
        pick('Status', 'Status', ['Planning', 'Active', 'Inactive', 'Complete']),
        f('Start_Date', 'Start Date', 'date'),
        f('End_Date', 'End Date', 'date'),
        currency('Expected_Revenue', 'Expected Revenue'),
        currency('Budgeted_Cost', 'Budgeted Cost'),
        currency('Actual_Cost', 'Actual Cost'),
        f('Expected_Response', 'Expected Response', 'integer', { length: 9 }),
        f('Num_sent', 'Numbers sent', 'integer', { length: 9 }),
        lookup('Parent_Campaign', 'Parent Campaign', 'Campaigns'),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Campaign_Name'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Leads', 'Leads', 'Leads'), linkRl('Contacts', 'Contacts', 'Contacts'), lookupRl('Deals', 'Deals', 'Deals', 'Campaign_Source')],
    },
    {
      api_name: 'Tasks', singular_label: 'Task', plural_label: 'Tasks', generated_type: 'default', display_field: 'Subject', scope: 'tasks',
      fields: [
        ...systemFields('Task Owner'),
        mandatoryText('Subject', 'Subject'),
        f('Due_Date', 'Due Date', 'date'),
        pick('Status', 'Status', ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input']),
        pick('Priority', 'Priority', ['High', 'Highest', 'Low', 'Lowest', 'Normal']),
        lookup('Who_Id', 'Contact Name', 'Contacts'),
        f('What_Id', 'Related To', 'lookup', { lookup_module: '$se_module' }),
        f('Send_Notification_Email', 'Send Notification Email', 'boolean'),
        f('Remind_At', 'Reminder', 'event_reminder'),
        f('Recurring_Activity', 'Repeat', 'RRULE'),
        readOnly('Closed_Time', 'Closed Time', 'datetime'),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL()],
    },
    {
      api_name: 'Events', singular_label: 'Meeting', plural_label: 'Meetings', generated_type: 'default', display_field: 'Event_Title', scope: 'events',
      fields: [
        ...systemFields('Host'),
        text('Event_Title', 'Title', { length: 255, system_mandatory: true }),
        f('Start_DateTime', 'From', 'datetime', { system_mandatory: true }),
        f('End_DateTime', 'To', 'datetime', { system_mandatory: true }),
        f('All_day', 'All day', 'boolean'),
        text('Venue', 'Location', { length: 255 }),
        lookup('Who_Id', 'Contact Name', 'Contacts'),
        f('What_Id', 'Related To', 'lookup', { lookup_module: '$se_module' }),
        f('Participants', 'Participants', 'multiselectlookup'),
        f('Remind_At', 'Reminder', 'ALARM'),
        f('Recurring_Activity', 'Repeat', 'RRULE'),
        f('Check_In_Status', 'Check-In Status', 'text', { read_only: true }),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL()],
    },
    {
      api_name: 'Calls', singular_label: 'Call', plural_label: 'Calls', generated_type: 'default', display_field: 'Subject', scope: 'calls',
      fields: [
        ...systemFields('Call Owner'),
        mandatoryText('Subject', 'Subject'),
        pick('Call_Type', 'Call Type', ['Outbound', 'Inbound', 'Missed'], { system_mandatory: true }),
        f('Call_Start_Time', 'Call Start Time', 'datetime', { system_mandatory: true }),
        text('Call_Duration', 'Call Duration', { length: 10, system_mandatory: true }),
        readOnly('Call_Duration_in_seconds', 'Call Duration (in seconds)', 'integer'),
        pick('Call_Purpose', 'Call Purpose', ['Prospecting', 'Administrative', 'Negotiation', 'Demo', 'Project', 'Desk']),
        pick('Call_Result', 'Call Result', ['Interested', 'Not interested', 'No response/Busy', 'Requested more info', 'Requested call back', 'Invalid number']),
        lookup('Who_Id', 'Contact Name', 'Contacts'),
        f('What_Id', 'Related To', 'lookup', { lookup_module: '$se_module' }),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL()],
    },
    {
      api_name: 'Cases', singular_label: 'Case', plural_label: 'Cases', generated_type: 'default', display_field: 'Subject', scope: 'cases',
      fields: [
        ...systemFields('Case Owner'),
        readOnly('Case_Number', 'Case Number', 'autonumber'),
        mandatoryText('Subject', 'Subject'),
        pick('Status', 'Status', ['New', 'On Hold', 'Escalated', 'Closed'], { system_mandatory: true }),
        pick('Case_Origin', 'Case Origin', ['Email', 'Phone', 'Web'], { system_mandatory: true }),
        pick('Priority', 'Priority', ['High', 'Medium', 'Low']),
        pick('Type', 'Type', ['Question', 'Problem', 'Feature Request']),
        pick('Case_Reason', 'Case Reason', ['User did not attend any training', 'Complex functionality', 'Existing problem', 'Instructions not clear', 'New problem']),
        lookup('Account_Name', 'Account Name', 'Accounts'),
        lookup('Related_To', 'Contact Name', 'Contacts'),
        lookup('Deal_Name', 'Deal Name', 'Deals'),
        lookup('Product_Name', 'Product Name', 'Products'),
        f('Email', 'Email', 'email', { length: 100 }),
        f('Phone', 'Phone', 'phone', { length: 30 }),
        f('Description', 'Description', 'textarea', { length: 32000 }),
        f('Solution', 'Solution', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Subject'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Solutions', 'Solutions', 'Solutions'), ...ACTIVITY_RLS()],
    },
    {
      api_name: 'Solutions', singular_label: 'Solution', plural_label: 'Solutions', generated_type: 'default', display_field: 'Solution_Title', scope: 'solutions',
      fields: [
        ...systemFields('Solution Owner'),
        readOnly('Solution_Number', 'Solution Number', 'autonumber'),
        text('Solution_Title', 'Solution Title', { system_mandatory: true }),
        pick('Status', 'Status', ['Draft', 'Reviewed', 'Published']),
        lookup('Product_Name', 'Product Name', 'Products'),
        f('Question', 'Question', 'textarea', { length: 32000 }),
        f('Answer', 'Answer', 'textarea', { length: 32000 }),
        f('Published', 'Published', 'boolean'),
      ],
      duplicate_check_fields: ['Solution_Title'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Cases', 'Cases', 'Cases')],
    },
    {
      api_name: 'Products', singular_label: 'Product', plural_label: 'Products', generated_type: 'default', display_field: 'Product_Name', photo: true, scope: 'products',
      fields: [
        ...systemFields('Product Owner'),
        text('Product_Name', 'Product Name', { length: 120, system_mandatory: true, unique: true }),
        text('Product_Code', 'Product Code', { length: 40 }),
        f('Product_Active', 'Product Active', 'boolean'),
        pick('Product_Category', 'Product Category', ['Hardware', 'Software', 'CRM Applications']),
        pick('Manufacturer', 'Manufacturer', ['AltvetPet Inc.', 'LexPon Inc.', 'MetBeat Corp.']),
        lookup('Vendor_Name', 'Vendor Name', 'Vendors'),
        f('Sales_Start_Date', 'Sales Start Date', 'date'),
        f('Sales_End_Date', 'Sales End Date', 'date'),
        f('Support_Start_Date', 'Support Start Date', 'date'),
        f('Support_Expiry_Date', 'Support Expiry Date', 'date'),
        currency('Unit_Price', 'Unit Price'),
        f('Commission_Rate', 'Commission Rate', 'currency', { decimal_place: 2 }),
        f('Tax', 'Tax', 'multiselectpicklist', { pick_list_values: ['Vat', 'Sales Tax', 'Common Tax'] }),
        f('Taxable', 'Taxable', 'boolean'),
        pick('Usage_Unit', 'Usage Unit', ['Box', 'Carton', 'Dozen', 'Each', 'Hours', 'Impressions', 'Lb', 'M', 'Pack', 'Pages', 'Pieces', 'Quantity', 'Reams', 'Sheet', 'Spiral Binder', 'Sq Ft']),
        f('Qty_Ordered', 'Qty Ordered', 'double', { decimal_place: 2 }),
        f('Qty_in_Stock', 'Qty in Stock', 'double', { decimal_place: 2 }),
        f('Reorder_Level', 'Reorder Level', 'double', { decimal_place: 2 }),
        f('Qty_in_Demand', 'Qty in Demand', 'double', { decimal_place: 2 }),
        f('Handler', 'Handler', 'userlookup', { lookup_module: 'users' }),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Product_Name'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Price_Books', 'Price Books', 'Price_Books'), linkRl('Leads', 'Leads', 'Leads'), linkRl('Accounts', 'Accounts', 'Accounts'), linkRl('Contacts', 'Contacts', 'Contacts'), linkRl('Deals', 'Deals', 'Deals'), lookupRl('Cases', 'Cases', 'Cases', 'Product_Name'), lookupRl('Solutions', 'Solutions', 'Solutions', 'Product_Name')],
    },
    {
      api_name: 'Vendors', singular_label: 'Vendor', plural_label: 'Vendors', generated_type: 'default', display_field: 'Vendor_Name', photo: true, scope: 'vendors',
      fields: [
        ...systemFields('Vendor Owner'),
        text('Vendor_Name', 'Vendor Name', { length: 120, system_mandatory: true, unique: true }),
        f('Email', 'Email', 'email', { length: 100 }),
        f('Phone', 'Phone', 'phone', { length: 30 }),
        f('Website', 'Website', 'website'),
        text('GL_Account', 'GL Account', { length: 100 }),
        pick('Category', 'Category', ['Hardware', 'Software', 'Services']),
        ...STREET_ADDRESS(),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Vendor_Name'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), lookupRl('Products', 'Products', 'Products', 'Vendor_Name'), lookupRl('Purchase_Orders', 'Purchase Orders', 'Purchase_Orders', 'Vendor_Name'), lookupRl('Contacts', 'Contacts', 'Contacts', 'Vendor_Name')],
    },
    {
      api_name: 'Price_Books', singular_label: 'Price Book', plural_label: 'Price Books', generated_type: 'default', display_field: 'Price_Book_Name', scope: 'pricebooks',
      fields: [
        ...systemFields('Price Book Owner'),
        text('Price_Book_Name', 'Price Book Name', { length: 120, system_mandatory: true, unique: true }),
        f('Active', 'Active', 'boolean'),
        pick('Pricing_Model', 'Pricing Model', ['Flat', 'Differential'], { system_mandatory: true }),
        f('Pricing_Details', 'Pricing Details', 'pricing_details'),
        f('Description', 'Description', 'textarea', { length: 32000 }),
      ],
      duplicate_check_fields: ['Price_Book_Name'],
      related_lists: [NOTES_RL(), ATTACHMENTS_RL(), linkRl('Products', 'Products', 'Products')],
    },
    inventoryModule('Quotes', 'Quote', 'Quotes', 'quotes', [
      readOnly('Quote_Number', 'Quote Number', 'autonumber'),
      lookup('Account_Name', 'Account Name', 'Accounts'),
      lookup('Contact_Name', 'Contact Name', 'Contacts'),
      lookup('Deal_Name', 'Deal Name', 'Deals'),
      f('Valid_Till', 'Valid Till', 'date'),
      text('Carrier', 'Carrier', { length: 50 }),
      pick('Quote_Stage', 'Quote Stage', ['Draft', 'Negotiation', 'Delivered', 'On Hold', 'Confirmed', 'Closed Won', 'Closed Lost']),
    ], ['Draft', 'Negotiation', 'Delivered', 'On Hold', 'Confirmed', 'Closed Won', 'Closed Lost']),
    inventoryModule('Sales_Orders', 'Sales Order', 'Sales Orders', 'salesorders', [
      readOnly('SO_Number', 'SO Number', 'autonumber'),
      lookup('Account_Name', 'Account Name', 'Accounts'),
      lookup('Contact_Name', 'Contact Name', 'Contacts'),
      lookup('Deal_Name', 'Deal Name', 'Deals'),
      lookup('Quote_Name', 'Quote Name', 'Quotes'),
      f('Due_Date', 'Due Date', 'date'),
      text('Customer_No', 'Customer No', { length: 50 }),
      currency('Excise_Duty', 'Excise Duty'),
      currency('Sales_Commission', 'Sales Commission'),
    ], ['Created', 'Approved', 'Delivered', 'Cancelled']),
    inventoryModule('Purchase_Orders', 'Purchase Order', 'Purchase Orders', 'purchaseorders', [
      readOnly('PO_Number', 'PO Number', 'autonumber'),
      lookup('Vendor_Name', 'Vendor Name', 'Vendors', { system_mandatory: true }),
      lookup('Contact_Name', 'Contact Name', 'Contacts'),
      f('PO_Date', 'PO Date', 'date'),
      f('Due_Date', 'Due Date', 'date'),
      text('Tracking_Number', 'Tracking Number', { length: 50 }),
      text('Requisition_No', 'Requisition No', { length: 50 }),
      currency('Excise_Duty', 'Excise Duty'),
      currency('Sales_Commission', 'Sales Commission'),
    ], ['Created', 'Approved', 'Delivered', 'Cancelled']),
    inventoryModule('Invoices', 'Invoice', 'Invoices', 'invoices', [
      readOnly('Invoice_Number', 'Invoice Number', 'autonumber'),
      lookup('Account_Name', 'Account Name', 'Accounts'),
      lookup('Contact_Name', 'Contact Name', 'Contacts'),
      lookup('Deal_Name', 'Deal Name', 'Deals'),
      lookup('Sales_Order', 'Sales Order', 'Sales_Orders'),
      f('Invoice_Date', 'Invoice Date', 'date'),
      f('Due_Date', 'Due Date', 'date'),
      currency('Excise_Duty', 'Excise Duty'),
      currency('Sales_Commission', 'Sales Commission'),
    ], ['Created', 'Approved', 'Delivered', 'Cancelled']),
    {
      api_name: 'Notes', singular_label: 'Note', plural_label: 'Notes', generated_type: 'default', display_field: 'Note_Title', scope: 'notes',
      fields: [
        ...systemFields('Note Owner'),
        text('Note_Title', 'Note Title', { length: 120 }),
        f('Note_Content', 'Note Content', 'textarea', { length: 32000, system_mandatory: true }),
        f('Parent_Id', 'Parent ID', 'lookup', { lookup_module: '$se_module', system_mandatory: true }),
      ],
      related_lists: [ATTACHMENTS_RL()],
    },
    {
      api_name: 'Attachments', singular_label: 'Attachment', plural_label: 'Attachments', generated_type: 'default', display_field: 'File_Name', scope: 'attachments', creatable: false, editable: false,
      fields: [
        ...systemFields('Attachment Owner'),
        readOnly('File_Name', 'File Name', 'text'),
        readOnly('Size', 'Size', 'text'),
        f('Parent_Id', 'Parent ID', 'lookup', { lookup_module: '$se_module', read_only: true }),
      ],
    },
  ];
}
