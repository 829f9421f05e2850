import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator, enableMultiCurrency } from '../support/emulator';
import {
  ModuleFieldTypes,
  RECORD_CLASS,
  SdkModelWalker,
  sdkFieldTypes,
  TypeDifference,
} from '../support/sdk-models';

/**
 * Contract test: every key of the emulator's metadata and record answers has the JSON type that the official Node
 * SDK's model (`@zohocrm/nodejs-sdk-2.0` `config/json_details.json`) declares for it, so the SDK reads each answer
 * as Zoho's. Differences are listed in the failure message; only the cited ones below are accepted.
 */
const API = 'core/com/zoho/crm/api/';

/**
 * Known differences between Zoho's wire format and the SDK 2.0 models, each with its source. The emulator answers
 * as Zoho does, so these stay; the SDK tolerates each (its converters stringify or parse the value).
 */
const ALLOWED: { sdkClass: string; key: string; json: RegExp; why: string }[] = [
  {
    // The SDK declares `Discount` a String; Zoho sends the line item's discount amount as a number
    // (`"Discount": 0` in Product_Details of https://www.zoho.com/crm/developer/docs/api/v2/invoices-response.html);
    // the SDK reads it with toString (`utils/util/datatype_converter.js`).
    sdkClass: 'record/inventory_line_items',
    key: 'Discount',
    json: /^number /,
    why: 'line-item discount is a number on the wire, a String in the SDK model',
  },
];

/** Each answer walked: path → the SDK wrapper class it deserialises into. */
const METADATA: [string, string][] = [
  ['/crm/v2/settings/modules', 'modules/response_wrapper'],
  ['/crm/v2/settings/modules/Leads', 'modules/response_wrapper'],
  ['/crm/v2/settings/modules/Invoices', 'modules/response_wrapper'],
  ['/crm/v2/settings/fields?module=Leads', 'fields/response_wrapper'],
  ['/crm/v2/settings/fields?module=Accounts', 'fields/response_wrapper'],
  ['/crm/v2/settings/fields?module=Invoices', 'fields/response_wrapper'],
  ['/crm/v2/settings/layouts?module=Leads', 'layouts/response_wrapper'],
  ['/crm/v2/settings/layouts?module=Invoices', 'layouts/response_wrapper'],
  ['/crm/v2/settings/custom_views?module=Leads', 'custom_views/response_wrapper'],
  ['/crm/v2/settings/related_lists?module=Leads', 'related_lists/response_wrapper'],
  ['/crm/v2/settings/related_lists?module=Accounts', 'related_lists/response_wrapper'],
  ['/crm/v2/users?type=AllUsers', 'users/response_wrapper'],
  ['/crm/v2/settings/roles', 'roles/response_wrapper'],
  ['/crm/v2/settings/profiles', 'profiles/response_wrapper'],
  ['/crm/v2/org', 'org/response_wrapper'],
  ['/crm/v2/org/currencies', 'currencies/response_wrapper'],
  ['/crm/v2/org/taxes', 'taxes/response_wrapper'],
  ['/crm/v2/settings/variables', 'variables/response_wrapper'],
  ['/crm/v2/settings/tags?module=Leads', 'tags/response_wrapper'],
];
const RECORD_MODULES = [
  'Leads',
  'Accounts',
  'Contacts',
  'Deals',
  'Invoices',
  'Quotes',
  'Products',
  'Price_Books',
  'Events',
  'Tasks',
  'Calls',
  'Campaigns',
  'Vendors',
];

describe('emulator answers against the official Node SDK models', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let walker: SdkModelWalker;
  const fieldTypes = new Map<string, Promise<ModuleFieldTypes | undefined>>();

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
    await enableMultiCurrency(client);
    walker = new SdkModelWalker((module) => {
      if (!fieldTypes.has(module))
        fieldTypes.set(
          module,
          client
            .get(`/crm/v2/settings/fields?module=${module}`)
            .then((res) => (res.status === 200 ? sdkFieldTypes(module, res.json.fields) : undefined)),
        );
      return fieldTypes.get(module)!;
    });
  });
  afterAll(() => emulator.stop());

  it('walks metadata and records (with line items) into the SDK classes', async () => {
    for (const [path, wrapper] of METADATA) {
      const res = await client.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      await walker.walk(res.json, API + wrapper, `GET ${path} `);
    }
    // Notes and attachments of a record, after adding one of each.
    const lead = (await client.get('/crm/v2/Leads?per_page=1')).json.data[0].id;
    expect((await client.post(`/crm/v2/Leads/${lead}/Notes`, { data: [{ Note_Content: 'n' }] })).status).toBe(
      201,
    );
    const form = new FormData();
    form.append('file', new Blob(['text'], { type: 'text/plain' }), 'a.txt');
    expect((await client.request('POST', `/crm/v2/Leads/${lead}/Attachments`, { form })).status).toBe(200);
    for (const [path, wrapper] of [
      ['/crm/v2/Notes', 'notes/response_wrapper'],
      [`/crm/v2/Leads/${lead}/Notes`, 'notes/response_wrapper'],
      [`/crm/v2/Leads/${lead}/Attachments`, 'attachments/response_wrapper'],
    ]) {
      const res = await client.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      await walker.walk(res.json, API + wrapper, `GET ${path} `);
    }
    // One of each custom view and field by id too: the detail answers carry keys the lists leave out.
    const view = (await client.get('/crm/v2/settings/custom_views?module=Leads')).json.custom_views[0].id;
    const viewPath = `/crm/v2/settings/custom_views/${view}?module=Leads`;
    await walker.walk(
      (await client.get(viewPath)).json,
      `${API}custom_views/response_wrapper`,
      `GET ${viewPath} `,
    );
    for (const module of RECORD_MODULES) {
      const list = await client.get(`/crm/v2/${module}?per_page=5`);
      expect([module, list.status]).toEqual([module, 200]);
      await walker.walk(list.json, `${API}record/response_wrapper`, `GET /crm/v2/${module} `, undefined);
      for (const [i, record] of list.json.data.entries()) {
        await walker.walk(record, RECORD_CLASS, `GET /crm/v2/${module} .data[${i}]`, module);
        const one = await client.get(`/crm/v2/${module}/${record.id}`);
        await walker.walk(one.json.data[0], RECORD_CLASS, `GET /crm/v2/${module}/{id} .data[0]`, module);
      }
    }

    for (const reached of [
      'modules/module',
      'fields/field',
      'fields/pick_list_value',
      'layouts/layout',
      'layouts/section',
      'custom_views/custom_view',
      'related_lists/related_list',
      'users/user',
      'roles/role',
      'profiles/profile',
      'org/org',
      'record/info',
      'record/inventory_line_items',
      'record/line_tax',
      'record/pricing_details',
      'record/participants',
      'notes/note',
      'attachments/attachment',
    ])
      expect([...walker.visited]).toContain(API + reached);
    expect([...walker.visited]).toEqual(
      expect.arrayContaining(RECORD_MODULES.map((m) => `${RECORD_CLASS}(${m})`)),
    );

    const allowed = (d: TypeDifference) =>
      ALLOWED.some((a) => a.sdkClass === d.sdkClass && a.key === d.key && a.json.test(d.json));
    const unexplained = walker.differences.filter((d) => !allowed(d));
    const report = (list: TypeDifference[]) =>
      list.map((d) => `${d.path}: SDK ${d.sdkClass}.${d.key} is ${d.sdkType}, JSON is ${d.json}`).join('\n');
    if (walker.differences.length > 0)
      process.stdout.write(
        `SDK model differences (${walker.differences.length}):\n${report(walker.differences)}\n`,
      );
    expect(report(unexplained)).toBe('');
    // The allow-list must stay honest: each entry still matches something.
    for (const entry of ALLOWED)
      expect([
        entry.key,
        walker.differences.some((d) => d.sdkClass === entry.sdkClass && d.key === entry.key),
      ]).toEqual([entry.key, true]);
  });

  it('reports a key whose JSON type is not the declared one, and walks into nested classes', async () => {
    const probe = new SdkModelWalker(async () => undefined);
    await probe.walk(
      {
        fields: [
          { api_name: 'Email', length: '100', pick_list_values: [{ display_value: 7 }], visible: 'yes' },
        ],
      },
      `${API}fields/response_wrapper`,
      'probe ',
    );
    expect(probe.differences.map((d) => [d.path, d.sdkType])).toEqual([
      ['probe .fields[0].length', 'Integer'],
      ['probe .fields[0].pick_list_values[0].display_value', 'String'],
      ['probe .fields[0].visible', 'Boolean'],
    ]);
  });
});
