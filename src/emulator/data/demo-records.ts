import type { EmulatorContext } from '../context';
import { insertRecord } from '../crm/records/write';
import type { UserDef } from '../state/types';
import { seedError, SeedFile } from './seed-file';

/**
 * Seeds demo records and the seed file's records through the normal write path, so they carry the same
 * computed fields, ids and audit data as records created over the API. A record that fails validation stops
 * the start with its error.
 */
export function seedRecords(ctx: EmulatorContext, options: { demo: boolean; seed: SeedFile }): void {
  const admin = ctx.adminUser();
  if (options.demo) seedDemoOrg(ctx, admin);
  for (const [moduleName, records] of Object.entries(options.seed.records ?? {})) {
    const module = ctx.findModule(moduleName);
    if (!module) throw seedError(`records.${moduleName} names no module`);
    records.forEach((fields, i) =>
      insertOrThrow(ctx, module.api_name, fields, admin, `records.${moduleName}[${i}]`),
    );
  }
}

function insertOrThrow(
  ctx: EmulatorContext,
  moduleName: string,
  fields: Record<string, unknown>,
  user: UserDef,
  where: string,
): string {
  const { result, record } = insertRecord(ctx, ctx.module(moduleName), fields, user);
  if (!record)
    throw seedError(`${where}: ${result.code} ${result.message} ${JSON.stringify(result.details)}`);
  return record.id;
}

/**
 * A small, coherent Zylker org: three accounts with contacts, leads (Paul Daly among them), two deals,
 * a vendor supplying three products, a price book, a quote and an invoice with line items, a meeting with
 * participants, a task, a call and a campaign.
 */
function seedDemoOrg(ctx: EmulatorContext, admin: UserDef): void {
  const [, kevin, priya] = ctx.state.users;
  const add = (module: string, fields: Record<string, unknown>) =>
    insertOrThrow(ctx, module, fields, admin, `demo ${module}`);
  const ref = (id: string) => ({ id });
  const owner = (user: UserDef) => ({ Owner: ref(user.id) });

  const king = add('Accounts', {
    Account_Name: 'King',
    Account_Type: 'Customer',
    Industry: 'Large Enterprise',
    Phone: '+1 555 0134',
    Website: 'https://www.king.example.com',
    Employees: 1200,
    Annual_Revenue: 25000000,
    Billing_Street: '6649 N Blue Gum St',
    Billing_City: 'New Orleans',
    Billing_State: 'LA',
    Billing_Code: '70116',
    Billing_Country: 'United States',
  });
  const chemel = add('Accounts', {
    ...owner(kevin),
    Account_Name: 'Chemel',
    Account_Type: 'Prospect',
    Industry: 'Small/Medium Enterprise',
    Phone: '+1 555 0178',
    Billing_City: 'Chicago',
    Billing_State: 'IL',
    Billing_Country: 'United States',
  });
  const morlong = add('Accounts', {
    ...owner(priya),
    Account_Name: 'Morlong Associates',
    Account_Type: 'Partner',
    Industry: 'Service Provider',
    Phone: '+1 555 0199',
    Billing_City: 'Boston',
    Billing_State: 'MA',
    Billing_Country: 'United States',
  });

  const kris = add('Contacts', {
    Salutation: 'Mr.',
    First_Name: 'Kris',
    Last_Name: 'Marrier',
    Email: 'kris.marrier@king.example.com',
    Phone: '+1 555 0141',
    Title: 'IT Director',
    Account_Name: ref(king),
    Lead_Source: 'Trade Show',
    Mailing_City: 'New Orleans',
    Mailing_Country: 'United States',
  });
  add('Contacts', {
    First_Name: 'Sage',
    Last_Name: 'Wieser',
    Email: 'sage.wieser@king.example.com',
    Title: 'Buyer',
    Account_Name: ref(king),
    Reporting_To: ref(kris),
  });
  const mitsue = add('Contacts', {
    ...owner(kevin),
    Salutation: 'Ms.',
    First_Name: 'Mitsue',
    Last_Name: 'Tollner',
    Email: 'mitsue.tollner@chemel.example.com',
    Mobile: '+1 555 0152',
    Account_Name: ref(chemel),
    Lead_Source: 'Cold Call',
  });
  add('Contacts', {
    ...owner(priya),
    First_Name: 'Leota',
    Last_Name: 'Dilliard',
    Email: 'leota.dilliard@morlong.example.com',
    Account_Name: ref(morlong),
  });

  add('Leads', {
    First_Name: 'Christopher',
    Last_Name: 'Maclead',
    Company: 'Rangoni Of Florence',
    Email: 'christopher.maclead@rangoni.example.com',
    Lead_Source: 'Web Download',
    Lead_Status: 'Contacted',
    Industry: 'Storage Equipment',
  });
  add('Leads', {
    ...owner(kevin),
    First_Name: 'Carissa',
    Last_Name: 'Kidman',
    Company: 'Oh My Goodknits Inc',
    Email: 'carissa.kidman@goodknits.example.com',
    Lead_Source: 'Trade Show',
    Lead_Status: 'Not Contacted',
    No_of_Employees: 45,
  });
  add('Leads', {
    ...owner(priya),
    First_Name: 'James',
    Last_Name: 'Merced',
    Company: 'Kwik Kopy Printing',
    Email: 'james.merced@kwikkopy.example.com',
    Lead_Source: 'Cold Call',
    Lead_Status: 'Attempted to Contact',
  });
  add('Leads', {
    ...owner(kevin),
    First_Name: 'Tresa',
    Last_Name: 'Sweely',
    Company: 'Morlong Associates',
    Email: 'tresa.sweely@morlong.example.com',
    Lead_Source: 'Partner',
    Lead_Status: 'Pre-Qualified',
  });
  add('Leads', {
    Salutation: 'Mr.',
    First_Name: 'Paul',
    Last_Name: 'Daly',
    Company: 'Zylker',
    Email: 'p.daly@zylker.com',
    Lead_Source: 'Advertisement',
    Phone: '+1 555 0110',
    City: 'Pleasanton',
    Country: 'United States',
  });

  const campaign = add('Campaigns', {
    Campaign_Name: 'Spring Webinar 2025',
    Type: 'Webinar',
    Status: 'Active',
    Start_Date: '2025-03-01',
    End_Date: '2025-03-31',
    Budgeted_Cost: 5000,
    Expected_Revenue: 40000,
  });
  const kingDeal = add('Deals', {
    Deal_Name: 'King - Network Refresh',
    Stage: 'Negotiation/Review',
    Amount: 25000,
    Closing_Date: '2025-06-30',
    Account_Name: ref(king),
    Contact_Name: ref(kris),
    Type: 'Existing Business',
    Lead_Source: 'Trade Show',
    Campaign_Source: ref(campaign),
  });
  const chemelDeal = add('Deals', {
    ...owner(kevin),
    Deal_Name: 'Chemel - Pilot',
    Stage: 'Qualification',
    Amount: 5000,
    Closing_Date: '2025-07-15',
    Account_Name: ref(chemel),
    Contact_Name: ref(mitsue),
    Type: 'New Business',
  });

  const vendor = add('Vendors', {
    Vendor_Name: 'Feltz Printing Service',
    Email: 'sales@feltz.example.com',
    Phone: '+1 555 0163',
    Category: 'Hardware',
    City: 'Denver',
    Country: 'United States',
  });
  const product = (name: string, code: string, price: number, category: string, stock: number) =>
    add('Products', {
      Product_Name: name,
      Product_Code: code,
      Unit_Price: price,
      Product_Category: category,
      Product_Active: true,
      Taxable: true,
      Tax: ['Vat'],
      Vendor_Name: ref(vendor),
      Qty_in_Stock: stock,
      Usage_Unit: 'Each',
    });
  const router = product('Zylker Router ZR-100', 'ZR-100', 250, 'Hardware', 120);
  const zswitch = product('Zylker Switch ZS-24', 'ZS-24', 480, 'Hardware', 40);
  const support = product('Support Plan (Annual)', 'SUP-1Y', 1200, 'Software', 0);

  add('Price_Books', {
    Price_Book_Name: 'Partner Pricing',
    Active: true,
    Pricing_Model: 'Differential',
    Pricing_Details: [
      { from_range: 1, to_range: 10, discount: 5 },
      { from_range: 11, to_range: 100, discount: 10 },
    ],
  });

  add('Quotes', {
    Subject: 'King - Network Refresh Quote',
    Quote_Stage: 'Draft',
    Valid_Till: '2025-05-31',
    Account_Name: ref(king),
    Contact_Name: ref(kris),
    Deal_Name: ref(kingDeal),
    Product_Details: [
      { product: ref(router), quantity: 4, Discount: '10%', line_tax: [{ name: 'Vat' }] },
      { product: ref(zswitch), quantity: 2, list_price: 450 },
    ],
    Adjustment: -20,
  });
  add('Invoices', {
    Subject: 'King - Support Renewal',
    Status: 'Created',
    Invoice_Date: '2025-04-01',
    Due_Date: '2025-05-01',
    Account_Name: ref(king),
    Contact_Name: ref(kris),
    Product_Details: [{ product: ref(support), quantity: 1, line_tax: [{ name: 'Sales Tax' }] }],
  });

  add('Events', {
    Event_Title: 'Network refresh review',
    Start_DateTime: '2025-03-12T10:00:00+05:30',
    End_DateTime: '2025-03-12T11:00:00+05:30',
    Venue: 'King HQ',
    Who_Id: ref(kris),
    What_Id: ref(kingDeal),
    $se_module: 'Deals',
    Participants: [
      { type: 'contact', participant: kris },
      { type: 'user', participant: kevin.id, invited: true },
      { type: 'email', participant: 'architect@king.example.com', name: 'Network Architect' },
    ],
  });
  add('Tasks', {
    Subject: 'Send revised quote to King',
    Due_Date: '2025-03-14',
    Status: 'Not Started',
    Priority: 'High',
    Who_Id: ref(kris),
    What_Id: ref(king),
    $se_module: 'Accounts',
  });
  add('Calls', {
    ...owner(kevin),
    Subject: 'Discovery call with Chemel',
    Call_Type: 'Outbound',
    Call_Start_Time: '2025-03-10T15:30:00+05:30',
    Call_Duration: '15:00',
    Call_Purpose: 'Prospecting',
    Who_Id: ref(mitsue),
    What_Id: ref(chemelDeal),
    $se_module: 'Deals',
  });
}
