import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator, SeedFile, startEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

const SEED: SeedFile = {
  modules: [
    {
      api_name: 'Projects',
      singular_label: 'Project',
      plural_label: 'Projects',
      display_field: 'Name',
      fields: [
        {
          api_name: 'Name',
          field_label: 'Project Name',
          data_type: 'text',
          system_mandatory: true,
          length: 120,
        },
        { api_name: 'Budget', data_type: 'currency', decimal_place: 2 },
        {
          api_name: 'Phase',
          field_label: 'Phase',
          data_type: 'picklist',
          pick_list_values: ['Plan', 'Build', 'Run'],
        },
        { api_name: 'Client', field_label: 'Client', data_type: 'lookup', lookup_module: 'Accounts' },
      ],
    },
  ],
  fields: { Leads: [{ api_name: 'Score__c', field_label: 'Score', data_type: 'integer' }] },
  records: { Projects: [{ Name: 'Apollo', Phase: 'Build', Budget: 1200.5 }] },
};

describe('seed file: custom modules, fields and records', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator({ seed: SEED, demoData: false })));
  afterAll(() => emulator.stop());

  const fields = async (module: string) =>
    (await client.get(`/crm/v2/settings/fields?module=${module}`)).json.fields as any[];

  it('lists the custom module as generated_type custom', async () => {
    const modules = (await client.get('/crm/v2/settings/modules')).json.modules;
    const projects = modules.find((m: any) => m.api_name === 'Projects');
    expect(projects).toEqual(
      expect.objectContaining({
        api_name: 'Projects',
        module_name: 'Projects',
        singular_label: 'Project',
        plural_label: 'Projects',
        generated_type: 'custom',
        deletable: true,
        api_supported: true,
        id: expect.stringMatching(/^\d{19}$/),
        sequence_number: modules.length,
      }),
    );
    const detail = (await client.get('/crm/v2/settings/modules/Projects')).json.modules[0];
    expect(detail).toEqual(
      expect.objectContaining({
        display_field: 'Name',
        custom_view: expect.objectContaining({ name: 'All Projects', default: true }),
      }),
    );
  });

  it('serves the custom fields beside the system fields every module has', async () => {
    const projectFields = await fields('Projects');
    expect(projectFields.map((f) => f.api_name)).toEqual([
      'Owner',
      'Created_By',
      'Modified_By',
      'Created_Time',
      'Modified_Time',
      'Last_Activity_Time',
      'Tag',
      'Name',
      'Budget',
      'Phase',
      'Client',
    ]);
    const byName = Object.fromEntries(projectFields.map((f) => [f.api_name, f]));
    expect(byName.Owner.custom_field).toBe(false);
    expect(byName.Name).toEqual(
      expect.objectContaining({
        field_label: 'Project Name',
        custom_field: true,
        system_mandatory: true,
        length: 120,
        json_type: 'string',
      }),
    );
    expect(byName.Budget).toEqual(
      expect.objectContaining({
        field_label: 'Budget',
        json_type: 'double',
        currency: { rounding_option: 'normal', precision: 2 },
      }),
    );
    expect(byName.Phase.pick_list_values.map((p: any) => p.actual_value)).toEqual([
      '-None-',
      'Plan',
      'Build',
      'Run',
    ]);
    // v2 sends the lookup's target module as its API name (https://www.zoho.com/crm/developer/docs/api/v2/field-meta.html)
    expect(byName.Client.lookup).toEqual(expect.objectContaining({ module: 'Accounts' }));
    const score = (await fields('Leads')).find((f) => f.api_name === 'Score__c');
    expect(score).toEqual(
      expect.objectContaining({
        field_label: 'Score',
        data_type: 'integer',
        json_type: 'integer',
        custom_field: true,
      }),
    );
  });

  it('gives the custom module a layout, views and the default related lists', async () => {
    const layout = (await client.get('/crm/v2/settings/layouts?module=Projects')).json.layouts[0];
    expect(layout.sections.map((s: any) => s.name)).toEqual(['Project Information']);
    const views = (await client.get('/crm/v2/settings/custom_views?module=Projects')).json.custom_views;
    expect(views.map((v: any) => v.name)).toEqual([
      'All Projects',
      'My Projects',
      'Recently Created Projects',
      'My Recently Modified Projects',
    ]);
    const rls = (await client.get('/crm/v2/settings/related_lists?module=Projects')).json.related_lists;
    expect(rls.map((rl: any) => rl.href)).toEqual([
      'Projects/{ENTITYID}/Notes',
      'Projects/{ENTITYID}/Attachments',
    ]);
  });

  it('holds the seeded records, readable through the records API', async () => {
    const list = await client.get('/crm/v2/Projects');
    expect(list.status).toBe(200);
    expect(list.json.data).toEqual([
      expect.objectContaining({
        Name: 'Apollo',
        Phase: 'Build',
        Budget: 1200.5,
        Owner: expect.objectContaining({ name: 'Patricia Boyle' }),
      }),
    ]);
    const one = await client.get(`/crm/v2/Projects/${list.json.data[0].id}`);
    expect(one.json.data[0].Name).toBe('Apollo');
  });

  it('keeps the custom module after a reset', async () => {
    emulator.reset();
    expect((await client.get('/crm/v2/settings/modules/Projects')).status).toBe(200);
    expect((await client.get('/crm/v2/Projects')).json.data).toHaveLength(1);
  });

  it('loads the same seed from a JSON file path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcrm-seed-'));
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(SEED));
    const fromFile = await startTestEmulator({ seed: file, demoData: false });
    try {
      expect((await fromFile.client.get('/crm/v2/settings/fields?module=Projects')).json.fields).toEqual(
        await fields('Projects'),
      );
    } finally {
      await fromFile.emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, unknown, string]>([
    ['a non-object', [], 'the top level must be an object'],
    [
      'an unknown top-level key',
      { module: [] },
      'unknown top-level key "module" (expected modules, fields, records)',
    ],
    ['modules that are not a list', { modules: {} }, 'modules must be an array'],
    [
      'a bad module API name',
      { modules: [{ api_name: '1Projects' }] },
      'modules[0].api_name must be an API name',
    ],
    [
      'a standard module redeclared',
      { modules: [{ api_name: 'Leads' }] },
      'modules[0].api_name "Leads" already names a module; add fields to it under fields.Leads',
    ],
    [
      'a display field that is not a field',
      {
        modules: [
          { api_name: 'Projects', display_field: 'Title', fields: [{ api_name: 'Name', data_type: 'text' }] },
        ],
      },
      'modules[0].display_field "Title" names no field of Projects',
    ],
    [
      'an unknown data type',
      { modules: [{ api_name: 'Projects', fields: [{ api_name: 'Name', data_type: 'string' }] }] },
      'modules[0].fields[0].data_type must be one of',
    ],
    [
      'a field declared twice',
      {
        fields: {
          Leads: [
            { api_name: 'A', data_type: 'text' },
            { api_name: 'A', data_type: 'text' },
          ],
        },
      },
      'fields.Leads[1].api_name "A" is declared twice',
    ],
    [
      'a lookup without a target',
      { fields: { Leads: [{ api_name: 'Ref', data_type: 'lookup' }] } },
      'fields.Leads[0].lookup_module is required for a lookup field',
    ],
    [
      'a lookup to an unknown module',
      { fields: { Leads: [{ api_name: 'Ref', data_type: 'lookup', lookup_module: 'Nope' }] } },
      'fields.Leads[0].lookup_module "Nope" names no module',
    ],
    [
      'picklist values that are not strings',
      { fields: { Leads: [{ api_name: 'P', data_type: 'picklist', pick_list_values: [1] }] } },
      'fields.Leads[0].pick_list_values must be an array of strings',
    ],
    ['fields for an unknown module', { fields: { Nope: [] } }, 'fields.Nope names no module'],
    ['records for an unknown module', { records: { Nope: [{}] } }, 'records.Nope names no module'],
    ['a record that is not an object', { records: { Leads: ['x'] } }, 'records.Leads[0] must be an object'],
  ])('refuses %s, naming the entry', async (_name, seed, message) => {
    await expect(startEmulator({ seed: seed as SeedFile })).rejects.toThrow(
      `invalid emulator seed file: ${message}`,
    );
  });
});
