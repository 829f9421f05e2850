import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';

const error = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  details,
  message,
  status: 'error',
});
const missingModule = error('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
  param: 'module',
});
const invalidModule = error('INVALID_MODULE', 'the module name given seems to be invalid');
const invalidId = (id: string) => error('INVALID_DATA', 'the id given seems to be invalid', { id });
const itemError = (code: string, message: string, details: Record<string, unknown>) => ({
  code,
  details,
  message,
  status: 'error',
});

/** Keys the Python SDK's `get_zcrmmodule` reads without a presence check. */
const SDK_MODULE_KEYS = [
  'api_name',
  'viewable',
  'creatable',
  'convertable',
  'editable',
  'deletable',
  'singular_label',
  'plural_label',
  'id',
  'modified_time',
  'api_supported',
  'scoring_supported',
  'module_name',
  'modified_by',
  'profiles',
];

describe('metadata: /settings/modules, fields, layouts, custom_views, related_lists', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator({ demoData: false })));
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  const fields = async (module: string) =>
    (await client.get(`/crm/v2/settings/fields?module=${module}`)).json.fields as any[];
  const field = async (module: string, apiName: string) =>
    (await fields(module)).find((f) => f.api_name === apiName);
  const moduleDetail = async (module: string) =>
    (await client.get(`/crm/v2/settings/modules/${module}`)).json.modules[0];
  const views = async (module: string) =>
    (await client.get(`/crm/v2/settings/custom_views?module=${module}`)).json;

  describe('GET /settings/modules', () => {
    it('lists every module with the keys the Python SDK parses', async () => {
      const res = await client.get('/crm/v2/settings/modules');
      expect(res.status).toBe(200);
      expect(Object.keys(res.json)).toEqual(['modules']);
      const names = res.json.modules.map((m: any) => m.api_name);
      expect(names).toEqual(
        expect.arrayContaining(['Leads', 'Accounts', 'Contacts', 'Deals', 'Quotes', 'Invoices', 'Notes']),
      );
      for (const module of res.json.modules)
        expect(Object.keys(module)).toEqual(expect.arrayContaining(SDK_MODULE_KEYS));
      const leads = res.json.modules.find((m: any) => m.api_name === 'Leads');
      expect(leads).toEqual(
        expect.objectContaining({
          module_name: 'Leads',
          singular_label: 'Lead',
          plural_label: 'Leads',
          generated_type: 'default',
          convertable: true,
          api_supported: true,
          modified_time: null,
          modified_by: null,
          id: expect.stringMatching(/^\d{19}$/),
          profiles: [
            { name: 'Administrator', id: expect.any(String) },
            { name: 'Standard', id: expect.any(String) },
          ],
        }),
      );
      expect(res.json.modules.find((m: any) => m.api_name === 'Accounts').convertable).toBe(false);
    });

    it('answers 304 with no body when nothing changed after If-Modified-Since', async () => {
      const res = await client.get('/crm/v2/settings/modules', {
        'If-Modified-Since': '2020-01-01T00:00:00+05:30',
      });
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
    });

    it('lists only the modules changed after If-Modified-Since', async () => {
      const before = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, '+00:00');
      expect(
        (await client.put('/crm/v2/settings/modules/Deals', { modules: [{ per_page: 20 }] })).status,
      ).toBe(200);
      const res = await client.get('/crm/v2/settings/modules', { 'If-Modified-Since': before });
      expect(res.status).toBe(200);
      expect(res.json.modules.map((m: any) => m.api_name)).toEqual(['Deals']);
      expect(res.json.modules[0].modified_by).toEqual({ name: 'Patricia Boyle', id: expect.any(String) });
      expect(res.json.modules[0].modified_time).toMatch(/\+05:30$/);
    });

    it('refuses a malformed If-Modified-Since', async () => {
      const res = await client.get('/crm/v2/settings/modules', { 'If-Modified-Since': 'yesterday' });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('INVALID_DATA');
    });

    it('needs a settings.modules scope', async () => {
      const tokens = await obtainTokens(emulator, 'ZohoCRM.settings.fields.READ');
      const narrow = new RawClient(emulator, tokens.access_token);
      const res = await narrow.get('/crm/v2/settings/modules');
      expect(res.status).toBe(401);
      expect(res.json).toEqual(error('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'));
      expect((await narrow.get('/crm/v2/settings/fields?module=Leads')).status).toBe(200);
    });
  });

  describe('GET /settings/modules/{api_name}', () => {
    it('returns one module with its settings and default view', async () => {
      const res = await client.get('/crm/v2/settings/modules/Leads');
      expect(res.status).toBe(200);
      expect(res.json.modules).toHaveLength(1);
      const leads = res.json.modules[0];
      expect(leads).toEqual(
        expect.objectContaining({
          api_name: 'Leads',
          display_field: 'Full_Name',
          per_page: 10,
          business_card_fields: [],
          territory: null,
          business_card_field_limit: 5,
          $properties: expect.arrayContaining(['$converted', '$approved', '$photo_id']),
          related_list_properties: {
            sort_by: null,
            sort_order: null,
            fields: expect.arrayContaining(['Full_Name']),
          },
          custom_view: expect.objectContaining({
            name: 'All Leads',
            system_name: 'ALLVIEWS',
            default: true,
            display_value: 'All Leads',
            criteria: null,
          }),
        }),
      );
    });

    it('accepts the module id and any letter case of the API name', async () => {
      const byName = await moduleDetail('Leads');
      expect(await moduleDetail(byName.id)).toEqual(byName);
      expect(await moduleDetail('leads')).toEqual(byName);
    });

    it('rejects an unknown module', async () => {
      const res = await client.get('/crm/v2/settings/modules/Nope');
      expect(res.status).toBe(400);
      expect(res.json).toEqual(invalidModule);
    });
  });

  describe('PUT /settings/modules/{api_name or id}', () => {
    it('stores the settings the Python SDK sends and reflects them', async () => {
      const cvs = await views('Contacts');
      const myContacts = cvs.custom_views.find((cv: any) => cv.system_name === 'MYVIEWS');
      const body = {
        modules: [
          {
            per_page: 50,
            business_card_fields: ['Email', 'Phone'],
            default_custom_view: { id: myContacts.id },
            related_list_properties: {
              sort_by: 'Last_Name',
              sort_order: 'asc',
              fields: ['Last_Name', 'Email'],
            },
          },
        ],
      };
      const contacts = await moduleDetail('Contacts');
      const res = await client.put(`/crm/v2/settings/modules/${contacts.id}`, body);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        modules: [
          {
            code: 'SUCCESS',
            details: { id: contacts.id },
            message: 'module updated successfully',
            status: 'success',
          },
        ],
      });

      const after = await moduleDetail('Contacts');
      expect(after).toEqual(
        expect.objectContaining({
          per_page: 50,
          business_card_fields: ['Email', 'Phone'],
          related_list_properties: {
            sort_by: 'Last_Name',
            sort_order: 'asc',
            fields: ['Last_Name', 'Email'],
          },
          custom_view: expect.objectContaining({ id: myContacts.id, default: true }),
          modified_by: { name: 'Patricia Boyle', id: expect.any(String) },
          modified_time: expect.stringMatching(/\+05:30$/),
        }),
      );
      const listed = await views('Contacts');
      expect(listed.info.default).toBe(myContacts.id);
      expect(listed.custom_views.filter((cv: any) => cv.default).map((cv: any) => cv.id)).toEqual([
        myContacts.id,
      ]);
    });

    it.each<[string, Record<string, unknown>, object]>([
      [
        'an unknown business card field',
        { business_card_fields: ['Nope'] },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'business_card_fields' }),
      ],
      [
        'too many business card fields',
        { business_card_fields: ['Email', 'Phone', 'Mobile', 'Home_Phone', 'Title', 'Department'] },
        itemError('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'business_card_fields', limit: 5 }),
      ],
      [
        'a page size Zoho does not offer',
        { per_page: 7 },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'per_page' }),
      ],
      [
        'a view of another module',
        { default_custom_view: { id: '1' } },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'default_custom_view' }),
      ],
      [
        'a territory (not enabled in the org)',
        { territory: { id: '1' } },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'territory' }),
      ],
      [
        'a bad related-list sort order',
        { related_list_properties: { sort_by: 'Email', sort_order: 'up', fields: [] } },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'related_list_properties' }),
      ],
    ])('rejects %s and leaves the module unchanged', async (_name, setting, expected) => {
      const before = await moduleDetail('Contacts');
      // per_page is valid: it must not be applied when another key of the same item fails.
      const res = await client.put('/crm/v2/settings/modules/Contacts', {
        modules: [{ per_page: 100, ...setting }],
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ modules: [expected] });
      expect(await moduleDetail('Contacts')).toEqual(before);
    });

    it('needs exactly one module item', async () => {
      const none = await client.put('/crm/v2/settings/modules/Leads', { per_page: 10 });
      expect(none.status).toBe(400);
      expect(none.json).toEqual(
        error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'modules' }),
      );
      const two = await client.put('/crm/v2/settings/modules/Leads', { modules: [{}, {}] });
      expect(two.status).toBe(400);
      expect(two.json).toEqual(error('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'modules', limit: 1 }));
      const unknown = await client.put('/crm/v2/settings/modules/Nope', { modules: [{ per_page: 10 }] });
      expect(unknown.json).toEqual(invalidModule);
    });
  });

  describe('GET /settings/fields', () => {
    it('requires a known module parameter', async () => {
      const none = await client.get('/crm/v2/settings/fields');
      expect(none.status).toBe(400);
      expect(none.json).toEqual(missingModule);
      const bad = await client.get('/crm/v2/settings/fields?module=Nope');
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual(invalidModule);
    });

    it('renders full field objects from the compact definitions', async () => {
      const res = await client.get('/crm/v2/settings/fields?module=Leads');
      expect(res.status).toBe(200);
      expect(Object.keys(res.json)).toEqual(['fields']);
      const lastName = res.json.fields.find((f: any) => f.api_name === 'Last_Name');
      expect(lastName).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^\d{19}$/),
          field_label: 'Last Name',
          display_label: 'Last Name',
          data_type: 'text',
          json_type: 'string',
          length: 80,
          system_mandatory: true,
          read_only: false,
          custom_field: false,
          visible: true,
          created_source: 'default',
          view_type: { view: true, edit: true, quick_create: true, create: true },
          pick_list_values: [],
          lookup: {},
          unique: {},
          convert_mapping: { Contacts: 'Last_Name', Deals: null, Accounts: null },
        }),
      );
      expect(res.json.fields.map((f: any) => f.sequence_number)).toEqual(
        res.json.fields.map((_: unknown, i: number) => i + 1),
      );
    });

    it('carries the v2 keys of the official Node SDK 2.0 field model', async () => {
      const lastName = await field('Leads', 'Last_Name');
      expect(lastName).toEqual(
        expect.objectContaining({
          column_name: 'LASTNAME',
          quick_sequence_number: expect.any(Number),
          personality_name: null,
          related_details: null,
          private: null,
        }),
      );
      expect((await field('Leads', 'Email')).quick_sequence_number).toBeNull();
      const layout = (await client.get('/crm/v2/settings/layouts?module=Leads')).json.layouts[0];
      layout.sections.forEach((section: any) => {
        for (const f of section.fields) expect(f.section_id).toBe(section.sequence_number);
      });
      expect((await moduleDetail('Leads')).kanban_view).toBe(false);
      const modules = (await client.get('/crm/v2/settings/modules')).json.modules;
      expect(modules.every((m: any) => m.kanban_view === false)).toBe(true);
    });

    it('lists picklist values with -None- first', async () => {
      const status = await field('Leads', 'Lead_Status');
      expect(status.json_type).toBe('string');
      expect(status.pick_list_values[0]).toEqual({
        display_value: '-None-',
        actual_value: '-None-',
        sys_ref_name: '-None-',
        sequence_number: 1,
        type: 'used',
        maps: [],
      });
      expect(status.pick_list_values[1]).toEqual({
        display_value: 'Attempted to Contact',
        actual_value: 'Attempted to Contact',
        sys_ref_name: 'Attempted to Contact',
        sequence_number: 2,
        type: 'used',
        maps: [],
      });
      const tax = await field('Products', 'Tax');
      expect(tax.json_type).toBe('jsonarray');
      expect(tax.pick_list_values.map((p: any) => p.actual_value)).toEqual([
        'Vat',
        'Sales Tax',
        'Common Tax',
      ]);
    });

    it.each<[string, string, string]>([
      ['Leads', 'Annual_Revenue', 'double'],
      ['Leads', 'No_of_Employees', 'integer'],
      ['Leads', 'Email_Opt_Out', 'boolean'],
      ['Leads', 'Owner', 'jsonobject'],
      ['Deals', 'Closing_Date', 'string'],
      ['Quotes', 'Product_Details', 'jsonarray'],
    ])('maps %s.%s to json_type %s', async (module, apiName, jsonType) => {
      expect((await field(module, apiName)).json_type).toBe(jsonType);
    });

    it('describes unique, currency, read-only and lookup fields', async () => {
      expect((await field('Leads', 'Email')).unique).toEqual({ casesensitive: 'false' });
      const revenue = await field('Leads', 'Annual_Revenue');
      expect(revenue).toEqual(
        expect.objectContaining({ currency: { rounding_option: 'normal', precision: 2 }, decimal_place: 2 }),
      );
      const created = await field('Leads', 'Created_Time');
      expect(created).toEqual(
        expect.objectContaining({
          read_only: true,
          field_read_only: true,
          view_type: { view: true, edit: false, quick_create: false, create: false },
        }),
      );
      const accountRls = (await client.get('/crm/v2/settings/related_lists?module=Accounts')).json
        .related_lists;
      const contactsRl = accountRls.find((rl: any) => rl.api_name === 'Contacts');
      expect((await field('Contacts', 'Account_Name')).lookup).toEqual({
        display_label: 'Contacts',
        api_name: 'Contacts',
        module: 'Accounts',
        id: contactsRl.id,
      });
      const layout = (await client.get('/crm/v2/settings/layouts?module=Contacts')).json.layouts[0];
      const inLayout = layout.sections
        .flatMap((s: any) => s.fields)
        .find((f: any) => f.api_name === 'Account_Name');
      expect(inLayout.lookup.module).toBe('Accounts');
    });

    it('maps lead fields to their conversion targets', async () => {
      expect((await field('Leads', 'Company')).convert_mapping).toEqual({
        Contacts: null,
        Deals: null,
        Accounts: 'Account_Name',
      });
      expect((await field('Leads', 'Zip_Code')).convert_mapping).toEqual({
        Contacts: 'Mailing_Code',
        Deals: null,
        Accounts: 'Billing_Code',
      });
      expect((await field('Contacts', 'Email')).convert_mapping).toBeUndefined();
    });

    it('answers 204 for type=unused (every field is in a layout) and rejects other types', async () => {
      const unused = await client.get('/crm/v2/settings/fields?module=Leads&type=unused');
      expect(unused.status).toBe(204);
      expect(unused.text).toBe('');
      const other = await client.get('/crm/v2/settings/fields?module=Leads&type=all');
      expect(other.status).toBe(400);
      expect(other.json).toEqual(error('INVALID_DATA', 'invalid data', { param: 'type' }));
    });

    it('returns one field by id, as listed, and rejects ids of other modules', async () => {
      const email = await field('Leads', 'Email');
      const res = await client.get(`/crm/v2/settings/fields/${email.id}?module=Leads`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ fields: [email] });
      const elsewhere = await client.get(`/crm/v2/settings/fields/${email.id}?module=Contacts`);
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.json).toEqual(invalidId(email.id));
      expect((await client.get('/crm/v2/settings/fields/abc?module=Leads')).json).toEqual(invalidId('abc'));
      expect((await client.get(`/crm/v2/settings/fields/${email.id}`)).json).toEqual(missingModule);
    });
  });

  describe('GET /settings/layouts', () => {
    it('returns the Standard layout with every field in exactly one section', async () => {
      const res = await client.get('/crm/v2/settings/layouts?module=Accounts');
      expect(res.status).toBe(200);
      expect(res.json.layouts).toHaveLength(1);
      const layout = res.json.layouts[0];
      expect(layout).toEqual(
        expect.objectContaining({
          name: 'Standard',
          visible: true,
          status: 0,
          created_time: '2024-01-02T09:00:00+05:30',
          created_by: { name: 'Patricia Boyle', id: expect.any(String) },
          profiles: [
            { name: 'Administrator', id: expect.any(String), default: true },
            { name: 'Standard', id: expect.any(String), default: true },
          ],
        }),
      );
      expect(layout.convert_mapping).toBeUndefined();
      expect(layout.sections.map((s: any) => s.name)).toEqual([
        'Account Information',
        'Address Information',
        'Description Information',
      ]);
      expect(layout.sections[1]).toEqual(
        expect.objectContaining({
          display_label: 'Address Information',
          sequence_number: 2,
          column_count: 2,
        }),
      );
      const placed = layout.sections.flatMap((s: any) => s.fields.map((f: any) => f.api_name));
      expect([...placed].sort()).toEqual((await fields('Accounts')).map((f) => f.api_name).sort());
      const accountName = layout.sections[0].fields.find((f: any) => f.api_name === 'Account_Name');
      expect(accountName).toEqual(expect.objectContaining({ required: true, system_mandatory: true }));
    });

    it('carries the lead conversion mapping on the Leads layout', async () => {
      const layout = (await client.get('/crm/v2/settings/layouts?module=Leads')).json.layouts[0];
      const dealsLayout = (await client.get('/crm/v2/settings/layouts?module=Deals')).json.layouts[0];
      expect(Object.keys(layout.convert_mapping)).toEqual(['Contacts', 'Deals', 'Accounts']);
      expect(layout.convert_mapping.Deals).toEqual({
        name: 'Standard',
        id: dealsLayout.id,
        fields: [
          { api_name: 'Deal_Name', id: expect.any(String), field_label: 'Deal Name', required: true },
          { api_name: 'Stage', id: expect.any(String), field_label: 'Stage', required: true },
        ],
      });
    });

    it('returns one layout by id and rejects ids of other modules', async () => {
      const leads = (await client.get('/crm/v2/settings/layouts?module=Leads')).json.layouts[0];
      const res = await client.get(`/crm/v2/settings/layouts/${leads.id}?module=Leads`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ layouts: [leads] });
      const other = await client.get(`/crm/v2/settings/layouts/${leads.id}?module=Contacts`);
      expect(other.status).toBe(400);
      expect(other.json).toEqual(invalidId(leads.id));
      expect((await client.get('/crm/v2/settings/layouts')).json).toEqual(missingModule);
    });
  });

  describe('GET|PUT /settings/custom_views', () => {
    it('lists the system views with info carrying the default view and category labels', async () => {
      const res = await client.get('/crm/v2/settings/custom_views?module=Leads');
      expect(res.status).toBe(200);
      expect(res.json.custom_views.map((cv: any) => cv.name)).toEqual([
        'All Leads',
        'My Leads',
        'Recently Created Leads',
        'My Recently Modified Leads',
        'Converted Leads',
      ]);
      expect(res.json.custom_views[0]).toEqual({
        id: expect.stringMatching(/^\d{19}$/),
        name: 'All Leads',
        display_value: 'All Leads',
        system_name: 'ALLVIEWS',
        default: true,
        system_defined: true,
        category: 'public_views',
        offline: true,
        favorite: null,
      });
      expect(res.json.info).toEqual({
        per_page: 200,
        count: 5,
        page: 1,
        more_records: false,
        default: res.json.custom_views[0].id,
        translation: {
          public_views: 'Public Views',
          other_users_views: "Other Users' Views",
          shared_with_me: 'Shared With Me',
          created_by_me: 'Created By Me',
        },
      });
      const contacts = await views('Contacts');
      expect(contacts.custom_views.map((cv: any) => cv.system_name)).not.toContain('CONVERTEDLEADS');
    });

    it('pages with page/per_page and answers 204 past the end', async () => {
      const second = await client.get('/crm/v2/settings/custom_views?module=Leads&page=2&per_page=2');
      expect(second.json.custom_views.map((cv: any) => cv.system_name)).toEqual([
        'RECENTLYCREATED',
        'RECENTLYMODIFIED',
      ]);
      expect(second.json.info).toEqual(
        expect.objectContaining({ page: 2, per_page: 2, count: 2, more_records: true }),
      );
      const past = await client.get('/crm/v2/settings/custom_views?module=Leads&page=4&per_page=2');
      expect(past.status).toBe(204);
      expect((await client.get('/crm/v2/settings/custom_views')).json).toEqual(missingModule);
    });

    it('returns one view with its criteria, and info.translation as the SDK reads it', async () => {
      const list = await views('Leads');
      const mine = list.custom_views.find((cv: any) => cv.system_name === 'MYVIEWS');
      const res = await client.get(`/crm/v2/settings/custom_views/${mine.id}?module=Leads`);
      expect(res.status).toBe(200);
      expect(res.json.custom_views[0]).toEqual({
        ...mine,
        fields: expect.arrayContaining(['Full_Name', 'Owner']),
        sort_by: null,
        sort_order: null,
        criteria: { comparator: 'equal', field: 'Owner', value: '${CURRENTUSER}' },
        shared_type: null,
        shared_details: null,
      });
      expect(res.json.info).toEqual({ translation: list.info.translation });
      const modified = list.custom_views.find((cv: any) => cv.system_name === 'RECENTLYMODIFIED');
      const grouped = (await client.get(`/crm/v2/settings/custom_views/${modified.id}?module=Leads`)).json
        .custom_views[0];
      expect(grouped.criteria).toEqual({
        group_operator: 'and',
        group: [
          { comparator: 'equal', field: 'Owner', value: '${CURRENTUSER}' },
          { comparator: 'greater_equal', field: 'Modified_Time', value: '${LAST7DAYS}' },
        ],
      });
      const wrongModule = await client.get(`/crm/v2/settings/custom_views/${mine.id}?module=Contacts`);
      expect(wrongModule.status).toBe(400);
      expect(wrongModule.json).toEqual(invalidId(mine.id));
    });

    it('updates sort_by/sort_order, all or nothing', async () => {
      const all = (await views('Leads')).custom_views[0];
      const url = `/crm/v2/settings/custom_views/${all.id}?module=Leads`;
      const res = await client.put(url, { custom_views: [{ sort_by: 'Email', sort_order: 'asc' }] });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        custom_views: [
          {
            code: 'SUCCESS',
            details: { id: all.id },
            message: 'custom view updated successfully',
            status: 'success',
          },
        ],
      });
      expect((await client.get(url)).json.custom_views[0]).toEqual(
        expect.objectContaining({ sort_by: 'Email', sort_order: 'asc' }),
      );

      const bad = await client.put(url, { custom_views: [{ sort_by: 'Company', sort_order: 'sideways' }] });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({
        custom_views: [itemError('INVALID_DATA', 'invalid data', { api_name: 'sort_order' })],
      });
      const unknownField = await client.put(url, { custom_views: [{ sort_by: 'Nope' }] });
      expect(unknownField.json).toEqual({
        custom_views: [itemError('INVALID_DATA', 'invalid data', { api_name: 'sort_by' })],
      });
      expect((await client.get(url)).json.custom_views[0]).toEqual(
        expect.objectContaining({ sort_by: 'Email', sort_order: 'asc' }),
      );
    });
  });

  describe('GET /settings/related_lists', () => {
    it('lists related lists with their URL templates', async () => {
      const res = await client.get('/crm/v2/settings/related_lists?module=Leads');
      expect(res.status).toBe(200);
      expect(res.json.related_lists.map((rl: any) => rl.api_name)).toEqual([
        'Notes',
        'Attachments',
        'Products',
        'Campaigns',
        'Tasks',
        'Events',
        'Calls',
      ]);
      expect(res.json.related_lists[0]).toEqual({
        id: expect.stringMatching(/^\d{19}$/),
        api_name: 'Notes',
        name: 'Notes',
        display_label: 'Notes',
        module: 'Notes',
        sequence_number: '1',
        href: 'Leads/{ENTITYID}/Notes',
        type: 'default',
        visible: true,
        action: null,
        connectedmodule: null,
        linkingmodule: null,
      });
    });

    it('returns one related list by id and rejects unknown ids and modules', async () => {
      const list = (await client.get('/crm/v2/settings/related_lists?module=Accounts')).json.related_lists;
      const res = await client.get(`/crm/v2/settings/related_lists/${list[2].id}?module=Accounts`);
      expect(res.json).toEqual({ related_lists: [list[2]] });
      const unknown = await client.get('/crm/v2/settings/related_lists/123?module=Accounts');
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual(invalidId('123'));
      expect((await client.get('/crm/v2/settings/related_lists')).json).toEqual(missingModule);
      expect((await client.get('/crm/v2/settings/related_lists?module=Nope')).json).toEqual(invalidModule);
    });
  });

  it('gives every metadata object its own id', async () => {
    const ids: string[] = [];
    const modules = (await client.get('/crm/v2/settings/modules')).json.modules;
    for (const m of modules) {
      ids.push(m.id);
      ids.push(...(await fields(m.api_name)).map((f) => f.id));
      ids.push((await client.get(`/crm/v2/settings/layouts?module=${m.api_name}`)).json.layouts[0].id);
      ids.push(...(await views(m.api_name)).custom_views.map((cv: any) => cv.id));
      const rls = await client.get(`/crm/v2/settings/related_lists?module=${m.api_name}`);
      ids.push(...rls.json.related_lists.map((rl: any) => rl.id));
    }
    const org = (await client.get('/crm/v2/org')).json.org[0];
    const listed = async (path: string, key: string) =>
      (await client.get(`/crm/v2/${path}`)).json[key].map((x: any) => x.id);
    ids.push(org.id, ...(await listed('users', 'users')), ...(await listed('settings/roles', 'roles')));
    ids.push(...(await listed('org/taxes', 'taxes')), ...(await listed('settings/variables', 'variables')));
    ids.push(...(await listed('settings/variable_groups', 'variable_groups')));
    const profiles = await listed('settings/profiles', 'profiles');
    ids.push(...profiles);
    const admin = (await client.get(`/crm/v2/settings/profiles/${profiles[0]}`)).json.profiles[0];
    ids.push(...admin.permissions_details.map((p: any) => p.id));
    expect(ids.every((id) => /^\d{19}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
