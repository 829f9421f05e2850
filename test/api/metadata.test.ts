import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { PROFILE_IDS } from '../../src/emulator/data/org';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import * as meta from '../../src/api/entities/zcrm-module-metadata';
import { ZCRMField } from '../../src/api/entities/zcrm-field';
import { ZCRMLayout } from '../../src/api/entities/zcrm-layout';
import { ZCRMSection } from '../../src/api/entities/zcrm-section';
import { ZCRMProfile } from '../../src/api/entities/zcrm-profile';
import { ZCRMPickListValue } from '../../src/api/entities/zcrm-pick-list-value';
import { ZCRMLookupField } from '../../src/api/entities/zcrm-lookup-field';
import { ZCRMLeadConvertMapping } from '../../src/api/entities/zcrm-lead-convert-mapping';
import { ZCRMCustomView } from '../../src/api/entities/zcrm-custom-view';
import { ZCRMCustomViewCriteria } from '../../src/api/entities/zcrm-custom-view-criteria';
import { ZCRMModuleRelatedList } from '../../src/api/entities/zcrm-module-related-list';
import { ZCRMRelatedListProperties } from '../../src/api/entities/zcrm-related-list-properties';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { NotFoundException, ValidationException } from '../../src/errors';
import { authorisedClient, PATRICIA } from '../support/sdk';
import { expectClientCheck } from '../support/assertions';
import { captureRequests, CapturedRequest } from '../support/request-capture';

describe('module metadata against the emulator', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let sent: CapturedRequest[];
  const leads = () => ZCRMModule.getInstance('Leads', client);

  beforeAll(async () => {
    emulator = await startEmulator();
    client = await authorisedClient(emulator, PATRICIA);
    sent = captureRequests(client);
  });
  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });
  beforeEach(() => {
    sent.length = 0;
  });
  afterEach(() => emulator.reset());

  describe('modules (ZCRMRestClient.getAllModules / getModule)', () => {
    it('getAllModules returns ZCRMModule objects with the summary properties, on the same client', async () => {
      const response = await client.getAllModules();
      expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /crm/v2/settings/modules']);
      const modules = response.data;
      expect(modules.length).toBeGreaterThan(10);
      expect(modules.every((m) => m instanceof ZCRMModule)).toBe(true);
      const leadsModule = modules.find((m) => m.apiName === 'Leads')!;
      expect(leadsModule).toMatchObject({
        apiName: 'Leads',
        moduleName: 'Leads',
        singularLabel: 'Lead',
        pluralLabel: 'Leads',
        generatedType: 'default',
        isCustomModule: false,
        isApiSupported: true,
        isCreatable: true,
        isEditable: true,
        isDeletable: false,
        isViewable: true,
        isConvertable: true,
        isScoringSupported: true,
        isGlobalSearchSupported: true,
        businessCardFieldLimit: 5,
        webLink: null,
        modifiedTime: null,
      });
      expect(leadsModule.id).toMatch(/^\d{19}$/);
      expect(leadsModule.profiles?.map((p) => [p.id, p.name])).toEqual([
        [PROFILE_IDS.administrator, 'Administrator'],
        [PROFILE_IDS.standard, 'Standard'],
      ]);
      expect(leadsModule.profiles?.[0]).toBeInstanceOf(ZCRMProfile);
      // Settings only the single-module GET carries stay undefined.
      expect(leadsModule.perPage).toBeUndefined();
      expect(leadsModule.client).toBe(client);
      expect(modules.find((m) => m.apiName === 'Quotes')?.isInventoryTemplateSupported).toBe(true);
    });

    it('getAllModules with ifModifiedSince: 304 is an empty result; a changed module comes back alone', async () => {
      const since = new Date(Date.now() - 1000);
      const none = await client.getAllModules({ ifModifiedSince: new Date(Date.now() + 60_000) });
      expect(none).toMatchObject({ statusCode: 304, noData: true, data: [] });
      const module = leads();
      module.perPage = 50;
      await module.updateModuleSettings();
      const changed = await client.getAllModules({ ifModifiedSince: since });
      expect(changed.data.map((m) => m.apiName)).toEqual(['Leads']);
      expect(changed.data[0].modifiedBy).toBeInstanceOf(ZCRMUser);
      expect(changed.data[0].modifiedBy).toMatchObject({ name: 'Patricia Boyle' });
    });

    it('getModule returns one module with its settings, default view and related-list properties', async () => {
      const response = await client.getModule('Leads');
      expect(sent[0].url).toBe('/crm/v2/settings/modules/Leads');
      const module = response.data!;
      expect(module).toBeInstanceOf(ZCRMModule);
      expect(module).toMatchObject({
        apiName: 'Leads',
        perPage: 10,
        businessCardFields: [],
        displayFieldName: 'Full_Name',
        defaultTerritoryId: null,
        defaultTerritoryName: null,
      });
      expect(module.defaultCustomView).toBeInstanceOf(ZCRMCustomView);
      expect(module.defaultCustomView).toMatchObject({
        name: 'All Leads',
        systemName: 'ALLVIEWS',
        moduleApiName: 'Leads',
        isDefault: true,
      });
      expect(module.defaultCustomViewId).toBe(module.defaultCustomView?.id);
      expect(module.relatedListProperties).toBeInstanceOf(ZCRMRelatedListProperties);
      expect(module.relatedListProperties).toMatchObject({ sortBy: null, sortOrder: null });
      expect(module.relatedListProperties?.fields).toContain('Owner');
      expect(module.properties).toEqual(expect.arrayContaining(['$approved', '$converted']));
      expect(module.searchLayoutFields).toContain('Full_Name');
    });

    it('getModule of an unknown module throws NotFoundException; an empty name never leaves the client', async () => {
      const error = await client.getModule('Nope').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundException);
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'INVALID_MODULE' });
      await expectClientCheck(client.getModule(''), /module api name/, emulator);
    });
  });

  describe('updateModuleSettings', () => {
    it('sends only the settings that are set and applies them', async () => {
      const module = leads();
      module.perPage = 50;
      module.businessCardFields = ['Email', 'Phone'];
      const props = ZCRMRelatedListProperties.getInstance();
      props.sortBy = 'Last_Name';
      props.sortOrder = 'desc';
      props.fields = ['Last_Name', 'Email'];
      module.relatedListProperties = props;
      const response = await module.updateModuleSettings();
      expect(sent[0]).toMatchObject({ method: 'PUT', url: '/crm/v2/settings/modules/Leads' });
      expect(sent[0].body).toEqual({
        modules: [
          {
            per_page: 50,
            business_card_fields: ['Email', 'Phone'],
            related_list_properties: {
              sort_by: 'Last_Name',
              sort_order: 'desc',
              fields: ['Last_Name', 'Email'],
            },
          },
        ],
      });
      expect(response).toMatchObject({ statusCode: 200, status: 'success', code: 'SUCCESS' });
      expect(response.data).toBe(module);
      const after = (await client.getModule('Leads')).data!;
      expect(after).toMatchObject({ perPage: 50, businessCardFields: ['Email', 'Phone'] });
      expect(after.relatedListProperties).toMatchObject({
        sortBy: 'Last_Name',
        sortOrder: 'desc',
        fields: ['Last_Name', 'Email'],
      });
    });

    it('round-trips a module read with getModule, and changes its default view', async () => {
      const module = (await client.getModule('Leads')).data!;
      const views = await module.getAllCustomViews();
      module.defaultCustomView = views.data.find((v) => v.systemName === 'MYVIEWS');
      sent.length = 0;
      await module.updateModuleSettings();
      const item = (sent[0].body as { modules: Array<Record<string, unknown>> }).modules[0];
      expect(item).toMatchObject({
        per_page: 10,
        default_custom_view: { id: module.defaultCustomView!.id },
        territory: null,
      });
      expect((await client.getModule('Leads')).data?.defaultCustomView?.systemName).toBe('MYVIEWS');
    });

    it('throws the error of a rejected setting and leaves the module unchanged', async () => {
      const module = leads();
      module.perPage = 100;
      module.businessCardFields = ['Email', 'Phone', 'Mobile', 'Fax', 'Website', 'Company'];
      const error = await module.updateModuleSettings().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationException);
      expect(error).toMatchObject({
        statusCode: 400,
        errorCode: 'LIMIT_EXCEEDED',
        errorDetails: { api_name: 'business_card_fields', limit: 5 },
      });
      expect((await client.getModule('Leads')).data?.perPage).toBe(10);
      const territory = leads();
      territory.defaultTerritoryId = '1';
      await expect(territory.updateModuleSettings()).rejects.toMatchObject({
        errorCode: 'INVALID_DATA',
        errorDetails: { api_name: 'territory' },
      });
    });

    it('refuses a module with nothing to update before any request', async () => {
      await expectClientCheck(leads().updateModuleSettings(), /module settings: set perPage/, emulator);
    });
  });

  describe('fields', () => {
    it('getAllFields parses every field of the module', async () => {
      const response = await leads().getAllFields();
      expect(sent[0].url).toBe('/crm/v2/settings/fields?module=Leads');
      const fields = response.data;
      expect(fields.every((f) => f instanceof ZCRMField)).toBe(true);
      expect(fields.map((f) => f.sequenceNumber)).toEqual(fields.map((_, i) => i + 1));
      const lastName = fields.find((f) => f.apiName === 'Last_Name')!;
      expect(lastName).toMatchObject({
        fieldLabel: 'Last Name',
        displayLabel: 'Last Name',
        dataType: 'text',
        jsonType: 'string',
        length: 80,
        isSystemMandatory: true,
        isReadOnly: false,
        isCustomField: false,
        isVisible: true,
        createdSource: 'default',
        fieldLayoutPermissions: ['VIEW', 'QUICK_CREATE', 'CREATE', 'EDIT'],
        picklistValues: [],
        isUniqueField: false,
        isFormulaField: false,
        isAutoNumber: false,
        convertMapping: { Contacts: 'Last_Name', Deals: null, Accounts: null },
      });
      expect(lastName.lookupField).toBeUndefined();
      const status = fields.find((f) => f.apiName === 'Lead_Status')!;
      expect(status.picklistValues[0]).toBeInstanceOf(ZCRMPickListValue);
      expect(
        status.picklistValues.slice(0, 2).map((p) => [p.displayValue, p.actualValue, p.sequenceNumber]),
      ).toEqual([
        ['-None-', '-None-', 1],
        ['Attempted to Contact', 'Attempted to Contact', 2],
      ]);
      const email = fields.find((f) => f.apiName === 'Email')!;
      // Zoho sends casesensitive as the string "false": it must not read as true.
      expect(email).toMatchObject({ isUniqueField: true, isCaseSensitive: false });
      const revenue = fields.find((f) => f.apiName === 'Annual_Revenue')!;
      expect(revenue).toMatchObject({
        isCurrencyField: true,
        precision: 2,
        roundingOption: 'normal',
        decimalPlace: 2,
        jsonType: 'double',
      });
      const created = fields.find((f) => f.apiName === 'Created_Time')!;
      expect(created).toMatchObject({
        isReadOnly: true,
        isFieldReadOnly: true,
        fieldLayoutPermissions: ['VIEW'],
      });
    });

    it('parses lookups with their target module', async () => {
      const fields = await ZCRMModule.getInstance('Contacts', client).getAllFields();
      const accountName = fields.data.find((f) => f.apiName === 'Account_Name')!;
      expect(accountName.lookupField).toBeInstanceOf(ZCRMLookupField);
      expect(accountName.lookupField).toMatchObject({
        apiName: 'Contacts',
        displayLabel: 'Contacts',
        module: 'Accounts',
        moduleId: undefined,
      });
      expect(accountName.dataType).toBe('lookup');
    });

    it('getAllFields with type=unused: 204 is an empty result', async () => {
      const response = await leads().getAllFields({ type: 'unused' });
      expect(sent[0].url).toBe('/crm/v2/settings/fields?module=Leads&type=unused');
      expect(response).toMatchObject({ statusCode: 204, noData: true, data: [] });
    });

    it('getField returns one field; ids of another module and unknown modules throw', async () => {
      const email = (await leads().getAllFields()).data.find((f) => f.apiName === 'Email')!;
      const response = await leads().getField(email.id!);
      expect(sent[1].url).toBe(`/crm/v2/settings/fields/${email.id}?module=Leads`);
      expect(response.data).toEqual(email);
      await expect(ZCRMModule.getInstance('Contacts', client).getField(email.id!)).rejects.toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
      });
      const unknown = await meta
        .getAllFields(ZCRMModule.getInstance('Nope', client))
        .catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(NotFoundException);
      expect(unknown).toMatchObject({ errorCode: 'INVALID_MODULE' });
      await expectClientCheck(leads().getField(''), /field id: an id is required/, emulator);
    });
  });

  describe('layouts', () => {
    it('getAllLayouts parses sections, fields, profiles and the Leads conversion mapping', async () => {
      const deals = (await ZCRMModule.getInstance('Deals', client).getAllLayouts()).data[0];
      sent.length = 0;
      const response = await leads().getAllLayouts();
      expect(sent[0].url).toBe('/crm/v2/settings/layouts?module=Leads');
      expect(response.data).toHaveLength(1);
      const layout = response.data[0];
      expect(layout).toBeInstanceOf(ZCRMLayout);
      expect(layout).toMatchObject({
        name: 'Standard',
        isVisible: true,
        status: 0,
        createdTime: '2024-01-02T09:00:00+05:30',
      });
      expect(layout.createdBy).toBeInstanceOf(ZCRMUser);
      expect(layout.createdBy).toMatchObject({ name: 'Patricia Boyle' });
      expect(layout.accessibleProfiles.map((p) => [p.name, p.isDefault])).toEqual([
        ['Administrator', true],
        ['Standard', true],
      ]);
      expect(layout.sections[0]).toBeInstanceOf(ZCRMSection);
      expect(layout.sections.map((s) => [s.name, s.displayLabel, s.sequenceNumber])).toEqual([
        ['Lead Information', 'Lead Information', 1],
        ['Address Information', 'Address Information', 2],
        ['Description Information', 'Description Information', 3],
      ]);
      expect(layout.sections[1].displayName).toBe('Address Information');
      expect(layout.sections[1].columnCount).toBe(2);
      const lastName = layout.sections[0].fields.find((f) => f.apiName === 'Last_Name')!;
      expect(lastName).toMatchObject({ isMandatory: true, isSystemMandatory: true });
      const placed = layout.sections.flatMap((s) => s.fields.map((f) => f.apiName)).sort();
      expect(placed).toEqual((await leads().getAllFields()).data.map((f) => f.apiName).sort());
      expect(Object.keys(layout.convertMapping)).toEqual(['Contacts', 'Deals', 'Accounts']);
      const toDeals = layout.convertMapping.Deals;
      expect(toDeals).toBeInstanceOf(ZCRMLeadConvertMapping);
      expect(toDeals).toMatchObject({ name: 'Standard', id: deals.id });
      expect(toDeals.fields.map((f) => [f.apiName, f.fieldLabel, f.isRequired])).toEqual([
        ['Deal_Name', 'Deal Name', true],
        ['Stage', 'Stage', true],
      ]);
      expect(deals.convertMapping).toEqual({});
    });

    it("getLayout returns one layout; another module's id throws", async () => {
      const [layout] = (await leads().getAllLayouts()).data;
      const one = await leads().getLayout(layout.id!);
      expect(sent[1].url).toBe(`/crm/v2/settings/layouts/${layout.id}?module=Leads`);
      expect(one.data).toEqual(layout);
      await expect(ZCRMModule.getInstance('Contacts', client).getLayout(layout.id!)).rejects.toMatchObject({
        errorCode: 'INVALID_DATA',
      });
      await expectClientCheck(leads().getLayout(''), /layout id/, emulator);
    });
  });

  describe('custom views', () => {
    it('getAllCustomViews parses the views with the categories of info.translation', async () => {
      const response = await leads().getAllCustomViews();
      expect(sent[0].url).toBe('/crm/v2/settings/custom_views?module=Leads');
      expect(response.data.map((v) => v.systemName)).toEqual([
        'ALLVIEWS',
        'MYVIEWS',
        'RECENTLYCREATED',
        'RECENTLYMODIFIED',
        'CONVERTEDLEADS',
      ]);
      const all = response.data[0];
      expect(all).toMatchObject({
        moduleApiName: 'Leads',
        name: 'All Leads',
        displayValue: 'All Leads',
        isDefault: true,
        isSystemDefined: true,
        category: 'public_views',
        isOffLine: true,
        favorite: null,
      });
      expect(all.categories?.map((c) => [c.actualValue, c.displayValue])).toEqual([
        ['public_views', 'Public Views'],
        ['other_users_views', "Other Users' Views"],
        ['shared_with_me', 'Shared With Me'],
        ['created_by_me', 'Created By Me'],
      ]);
      expect(response.info).toMatchObject({ page: 1, perPage: 200, count: 5, moreRecords: false });
      expect(response.info?.json.default).toBe(all.id);
    });

    it('pages from 1, answers 204 past the end as an empty result, and refuses page 0', async () => {
      const second = await leads().getAllCustomViews({ page: 2, perPage: 2 });
      expect(sent[0].url).toBe('/crm/v2/settings/custom_views?module=Leads&page=2&per_page=2');
      expect(second.data.map((v) => v.systemName)).toEqual(['RECENTLYCREATED', 'RECENTLYMODIFIED']);
      expect(second.info).toMatchObject({ page: 2, moreRecords: true });
      const past = await leads().getAllCustomViews({ page: 4, perPage: 2 });
      expect(past).toMatchObject({ statusCode: 204, noData: true, data: [] });
      await expectClientCheck(leads().getAllCustomViews({ page: 0 }), /page: pages count from 1/, emulator);
    });

    it('getCustomView parses single and grouped criteria into numbered conditions and a pattern', async () => {
      const views = (await leads().getAllCustomViews()).data;
      const mine = await leads().getCustomView(views[1].id!);
      expect(sent[1].url).toBe(`/crm/v2/settings/custom_views/${views[1].id}?module=Leads`);
      const view = mine.data!;
      expect(view.fields).toEqual(expect.arrayContaining(['Full_Name', 'Owner']));
      expect(view).toMatchObject({ sortBy: null, sortOrder: null, criteriaPattern: '1' });
      expect(view.criteria?.[0]).toBeInstanceOf(ZCRMCustomViewCriteria);
      expect(view.criteria).toEqual([
        expect.objectContaining({ field: 'Owner', comparator: 'equal', value: '${CURRENTUSER}' }),
      ]);
      expect(view.categories).toHaveLength(4);
      const modified = (await leads().getCustomView(views[3].id!)).data!;
      expect(modified.criteriaPattern).toBe('1 and 2');
      expect(modified.criteria?.map((c) => [c.field, c.comparator, c.value])).toEqual([
        ['Owner', 'equal', '${CURRENTUSER}'],
        ['Modified_Time', 'greater_equal', '${LAST7DAYS}'],
      ]);
      const all = (await leads().getCustomView(views[0].id!)).data!;
      expect(all.criteria).toBeUndefined();
      expect(all.criteriaJson).toBeNull();
      await expect(
        ZCRMModule.getInstance('Contacts', client).getCustomView(views[0].id!),
      ).rejects.toMatchObject({ errorCode: 'INVALID_DATA' });
      await expectClientCheck(leads().getCustomView(''), /custom view id/, emulator);
    });

    it('updateCustomView sends sort_by/sort_order and applies them; a bad value throws', async () => {
      const [all] = (await leads().getAllCustomViews()).data;
      all.sortBy = 'Email';
      all.sortOrder = 'asc';
      sent.length = 0;
      const response = await leads().updateCustomView(all);
      expect(sent[0]).toMatchObject({
        method: 'PUT',
        url: `/crm/v2/settings/custom_views/${all.id}?module=Leads`,
      });
      expect(sent[0].body).toEqual({ custom_views: [{ sort_by: 'Email', sort_order: 'asc' }] });
      expect(response).toMatchObject({ status: 'success', message: 'custom view updated successfully' });
      expect(response.data).toBe(all);
      expect((await leads().getCustomView(all.id!)).data).toMatchObject({
        sortBy: 'Email',
        sortOrder: 'asc',
      });
      all.sortOrder = 'sideways';
      await expect(leads().updateCustomView(all)).rejects.toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
        errorDetails: { api_name: 'sort_order' },
      });
    });

    it('updateCustomView checks the view before any request', async () => {
      await expectClientCheck(
        leads().updateCustomView(ZCRMCustomView.getInstance('Leads')),
        /custom view id/,
        emulator,
      );
      const other = ZCRMCustomView.getInstance('Contacts', '1');
      other.sortBy = 'Email';
      await expectClientCheck(
        leads().updateCustomView(other),
        /belongs to module Contacts, not Leads/,
        emulator,
      );
      await expectClientCheck(
        leads().updateCustomView(ZCRMCustomView.getInstance('Leads', '1')),
        /set sortBy or sortOrder/,
        emulator,
      );
    });
  });

  describe('related lists', () => {
    it('getAllRelatedLists parses the related lists with their URL templates', async () => {
      // The function form that ZCRMModule's method delegates to.
      const response = await meta.getAllRelatedLists(leads());
      expect(sent[0].url).toBe('/crm/v2/settings/related_lists?module=Leads');
      expect(response.data.map((rl) => rl.apiName)).toEqual([
        'Notes',
        'Attachments',
        'Products',
        'Campaigns',
        'Tasks',
        'Events',
        'Calls',
      ]);
      const notes = response.data[0];
      expect(notes).toBeInstanceOf(ZCRMModuleRelatedList);
      expect(notes).toMatchObject({
        apiName: 'Notes',
        name: 'Notes',
        displayLabel: 'Notes',
        module: 'Notes',
        sequenceNumber: 1,
        href: 'Leads/{ENTITYID}/Notes',
        type: 'default',
        isVisible: true,
        action: null,
        connectedModule: null,
        linkingModule: null,
      });
    });

    it('getRelatedList returns one; unknown ids throw', async () => {
      const list = (await ZCRMModule.getInstance('Accounts', client).getAllRelatedLists()).data;
      const one = await ZCRMModule.getInstance('Accounts', client).getRelatedList(list[2].id!);
      expect(one.data).toEqual(list[2]);
      await expect(leads().getRelatedList('123')).rejects.toMatchObject({ errorCode: 'INVALID_DATA' });
      await expectClientCheck(leads().getRelatedList(''), /related list id/, emulator);
    });
  });
});
