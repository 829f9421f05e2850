import { moduleSettingsToJson, parseModule } from '../../src/api/mappers/module-mapper';
import { ZCRMField } from '../../src/api/entities/zcrm-field';
import { ZCRMLayout } from '../../src/api/entities/zcrm-layout';
import { ZCRMCustomView, flattenCriteria } from '../../src/api/entities/zcrm-custom-view';
import { ZCRMModuleRelatedList } from '../../src/api/entities/zcrm-module-related-list';
import { ZCRMRelatedListProperties } from '../../src/api/entities/zcrm-related-list-properties';
import { ZCRMProfile } from '../../src/api/entities/zcrm-profile';
import { ZCRMLookupField } from '../../src/api/entities/zcrm-lookup-field';
import { ZCRMTransitionCrypt } from '../../src/api/entities/zcrm-transition-crypt';
import { FIELDS_SAMPLE, MODULES_SAMPLE } from './fixtures/wire-samples';

describe("module metadata parsing over Zoho's documented samples", () => {
  it('parses the module sample', () => {
    const module = parseModule(MODULES_SAMPLE.modules[0]);
    expect(module).toEqual({
      apiName: 'Leads',
      id: '3652397000000002175',
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
      isQuickCreate: true,
      isShowAsTab: true,
      isScoringSupported: true,
      isGlobalSearchSupported: true,
      isFilterSupported: true,
      isFeedsRequired: false,
      isPresenceSubMenu: true,
      visibility: 1,
      sequenceNumber: 2,
      webLink: null,
      modifiedTime: null,
      businessCardFieldLimit: 5,
      profiles: [expect.any(ZCRMProfile)],
      parentModule: {},
    });
    expect(module.profiles?.[0]).toMatchObject({ id: '3652397000000026011', name: 'Administrator' });
    // `modified_by: null` gives no user.
    expect(module.modifiedBy).toBeUndefined();
  });

  it('parses a custom module and the settings of a single-module response', () => {
    const module = parseModule({
      api_name: 'Projects',
      id: '9',
      generated_type: 'custom',
      modified_by: { name: 'Ann', id: '99' },
      display_field: { api_name: 'Name', id: '5' },
      per_page: '20',
      business_card_fields: ['Name'],
      search_layout_fields: ['Name', 'Owner'],
      $properties: ['$approved'],
      custom_view: {
        id: '77',
        name: 'All Projects',
        display_value: 'All Projects',
        system_name: 'ALLVIEWS',
        default: true,
        criteria: null,
      },
      territory: { id: '5', name: 'West' },
      related_list_properties: { sort_by: 'Name', sort_order: 'asc', fields: ['Name'] },
      related_lists: [
        {
          id: '1',
          api_name: 'Notes',
          module: 'Notes',
          display_label: 'Notes',
          name: 'Notes',
          visible: true,
          href: 'Projects/{ENTITYID}/Notes',
          type: 'default',
        },
      ],
      fields: [{ api_name: 'Name', id: '5', pick_list_values: [] }],
      layouts: [{ id: '3', name: 'Standard', profiles: [], sections: [] }],
    });
    expect(module).toMatchObject({
      apiName: 'Projects',
      isCustomModule: true,
      displayFieldName: 'Name',
      perPage: 20,
      businessCardFields: ['Name'],
      searchLayoutFields: ['Name', 'Owner'],
      properties: ['$approved'],
      defaultCustomViewId: '77',
      defaultTerritoryId: '5',
      defaultTerritoryName: 'West',
    });
    expect(module.modifiedBy).toMatchObject({ id: '99', name: 'Ann' });
    expect(module.defaultCustomView).toBeInstanceOf(ZCRMCustomView);
    expect(module.defaultCustomView).toMatchObject({ moduleApiName: 'Projects', isDefault: true });
    expect(module.relatedListProperties).toBeInstanceOf(ZCRMRelatedListProperties);
    expect(module.relatedLists?.[0]).toBeInstanceOf(ZCRMModuleRelatedList);
    expect(module.relatedLists?.[0].href).toBe('Projects/{ENTITYID}/Notes');
    expect(module.fields?.[0]).toBeInstanceOf(ZCRMField);
    expect(module.layouts?.[0]).toBeInstanceOf(ZCRMLayout);
  });

  it('parses the field sample: owner, text, picklist and lookup fields', () => {
    const [owner, company, status, account] = FIELDS_SAMPLE.fields.map((f) => ZCRMField.fromJson(f));
    expect(owner).toMatchObject({
      apiName: 'Owner',
      id: '2276164000000002589',
      fieldLabel: 'Lead Owner',
      dataType: 'ownerlookup',
      jsonType: 'jsonobject',
      length: 120,
      isReadOnly: false,
      isSystemMandatory: false,
      isCustomField: false,
      isVisible: true,
      picklistValues: [],
    });
    // `lookup: {}` means "no lookup".
    expect(owner.lookupField).toBeUndefined();
    expect(company).toMatchObject({
      apiName: 'Company',
      dataType: 'text',
      length: 200,
      id: '5725767000000002591',
    });
    expect(
      status.picklistValues.map((p) => [p.displayValue, p.actualValue, p.sequenceNumber, p.maps]),
    ).toEqual([
      ['-None-', '-None-', 1, []],
      ['Contacted', 'Contacted', 2, []],
    ]);
    expect(account.lookupField).toBeInstanceOf(ZCRMLookupField);
    expect(account.lookupField).toMatchObject({
      apiName: 'Account_Name',
      displayLabel: 'Account Name',
      module: 'Accounts',
      moduleId: '...',
      id: '...',
    });
    // Attributes the sample did not carry stay undefined.
    expect(account.fieldLabel).toBeUndefined();
    expect(account.isMandatory).toBeUndefined();
  });

  it('reads the lookup module in its string form too, and the remaining field sub-objects', () => {
    const field = ZCRMField.fromJson({
      api_name: 'Deal_Number',
      id: '1',
      mandatory: true,
      lookup: { display_label: 'Deals', api_name: 'Deals', module: 'Deals', id: '2' },
      related_details: {
        display_label: 'X',
        api_name: 'X',
        module: { api_name: 'Accounts', id: '4' },
        id: '3',
        field_label: 'Lbl',
        _type: 'lookup',
      },
      unique: { casesensitive: 'true' },
      formula: { return_type: 'double', expression: 'a+b' },
      auto_number: { prefix: 'D-', suffix: null, start_number: '100' },
      tooltip: { name: 'info_icon', value: 'Help' },
      crypt: { mode: 'decryption', column: 'c', table: 't', status: 1 },
      view_type: { view: true, edit: false, quick_create: false, create: true },
      _type: 'used',
      history_tracking: true,
      webhook: false,
      column_name: 'COL1',
      transition_sequence: 3,
      association_details: { related_field: {} },
      layouts: [{ id: '8', name: 'Standard' }],
      convert_mapping: { Contacts: null, Deals: 'Deal_Number', Accounts: null },
    });
    expect(field).toMatchObject({
      isMandatory: true,
      isUniqueField: true,
      isCaseSensitive: true,
      isFormulaField: true,
      formulaReturnType: 'double',
      formulaExpression: 'a+b',
      isAutoNumber: true,
      prefix: 'D-',
      suffix: null,
      startNumber: 100,
      tooltip: { name: 'info_icon', value: 'Help' },
      crypt: { mode: 'decryption', column: 'c', table: 't', status: 1 },
      fieldLayoutPermissions: ['VIEW', 'CREATE'],
      type: 'used',
      isHistoryTracking: true,
      isWebhook: false,
      columnName: 'COL1',
      transitionSequence: 3,
      associationDetails: { related_field: {} },
      layouts: [{ id: '8', name: 'Standard' }],
      convertMapping: { Contacts: null, Deals: 'Deal_Number', Accounts: null },
    });
    expect(field.crypt).toBeInstanceOf(ZCRMTransitionCrypt);
    expect(field.lookupField).toMatchObject({ module: 'Deals', moduleId: undefined });
    expect(field.relatedDetails).toMatchObject({
      module: 'Accounts',
      moduleId: '4',
      fieldLabel: 'Lbl',
      type: 'lookup',
    });
  });

  it("parses a layout (Zoho\'s layout keys) and a record's `{name, id}` reference", () => {
    const layout = ZCRMLayout.fromJson({
      id: '1',
      name: 'Standard',
      visible: true,
      status: 0,
      created_time: '2024-01-02T09:00:00+05:30',
      modified_time: null,
      created_by: { name: 'Ann', id: '99' },
      modified_by: null,
      created_for: null,
      profiles: [{ name: 'Administrator', id: '7', default: true }],
      convert_mapping: {
        Deals: {
          name: 'Standard',
          id: '2',
          fields: [{ api_name: 'Deal_Name', id: '3', field_label: 'Deal Name', required: true }],
        },
      },
      sections: [
        {
          api_name: 'Lead_Information',
          name: 'Lead Information',
          display_label: 'Lead Information',
          sequence_number: 1,
          column_count: 2,
          tab_traversal: 1,
          generated_type: 'default',
          isSubformSection: false,
          properties: null,
          fields: [{ api_name: 'Last_Name', id: '4', required: true, pick_list_values: [] }],
        },
      ],
    });
    expect(layout).toMatchObject({
      id: '1',
      name: 'Standard',
      isVisible: true,
      status: 0,
      modifiedTime: null,
    });
    expect(layout.createdBy).toMatchObject({ id: '99', name: 'Ann' });
    expect(layout.modifiedBy).toBeUndefined();
    expect(layout.accessibleProfiles.map((p) => [p.id, p.name, p.isDefault])).toEqual([
      ['7', 'Administrator', true],
    ]);
    expect(layout.sections[0]).toMatchObject({
      apiName: 'Lead_Information',
      columnCount: 2,
      tabTraversal: 1,
      isSubformSection: false,
      generatedType: 'default',
    });
    expect(layout.sections[0].fields[0]).toMatchObject({ apiName: 'Last_Name', isMandatory: true });
    expect(layout.convertMapping.Deals.fields[0]).toMatchObject({
      apiName: 'Deal_Name',
      id: '3',
      fieldLabel: 'Deal Name',
      isRequired: true,
    });
    const ref = ZCRMLayout.fromJson({ name: 'Standard', id: '1' });
    expect(ref).toMatchObject({
      id: '1',
      name: 'Standard',
      sections: [],
      accessibleProfiles: [],
      convertMapping: {},
    });
    expect(ZCRMLayout.getInstance('5')).toMatchObject({ id: '5' });
  });

  it("parses a custom view (Zoho\'s keys) with its categories", () => {
    const view = ZCRMCustomView.fromJson(
      {
        id: '1',
        name: 'Hot',
        display_value: 'Hot leads',
        system_name: null,
        category: 'created_by_me',
        default: false,
        system_defined: false,
        offline: false,
        favorite: 2,
        sort_by: 'Created_Time',
        sort_order: 'desc',
        shared_type: null,
        fields: ['Last_Name', 'Email'],
        criteria: { comparator: 'equal', field: { api_name: 'Rating', id: '3' }, value: 'Hot' },
      },
      'Leads',
      { public_views: 'Public Views', created_by_me: 'Created By Me' },
    );
    expect(view).toMatchObject({
      id: '1',
      moduleApiName: 'Leads',
      name: 'Hot',
      displayValue: 'Hot leads',
      systemName: null,
      category: 'created_by_me',
      isDefault: false,
      isSystemDefined: false,
      isOffLine: false,
      favorite: 2,
      sortBy: 'Created_Time',
      sortOrder: 'desc',
      fields: ['Last_Name', 'Email'],
      criteriaPattern: '1',
    });
    expect(view.criteria?.map((c) => [c.field, c.comparator, c.value])).toEqual([['Rating', 'equal', 'Hot']]);
    expect(view.categories?.map((c) => [c.actualValue, c.displayValue])).toEqual([
      ['public_views', 'Public Views'],
      ['created_by_me', 'Created By Me'],
    ]);
    expect(view.toSettingsJson()).toEqual({ sort_by: 'Created_Time', sort_order: 'desc' });
    expect(ZCRMCustomView.getInstance('Leads', '1').toSettingsJson()).toEqual({});
  });

  it("numbers criteria of nested groups and of the seed's list form", () => {
    const leaf = (field: string) => ({ comparator: 'equal', field, value: 1 });
    const nested = flattenCriteria({
      group_operator: 'OR',
      group: [{ group_operator: 'and', group: [leaf('A'), leaf('B')] }, leaf('C')],
    });
    expect(nested?.pattern).toBe('(1 and 2) or 3');
    expect(nested?.criteria.map((c) => c.field)).toEqual(['A', 'B', 'C']);
    const list = flattenCriteria([leaf('A'), 'and', leaf('B'), 'or', leaf('C')]);
    expect(list?.pattern).toBe('1 and 2 or 3');
    expect(flattenCriteria({ group_operator: 'and', group: [leaf('A')] })?.pattern).toBe('1');
    expect(flattenCriteria(null)).toBeUndefined();
    expect(flattenCriteria([leaf('A'), 7])).toBeUndefined();
  });

  it("parses a related list (Zoho\'s sample keys)", () => {
    const rl = ZCRMModuleRelatedList.getInstance('Contacts').setRelatedListProperties({
      id: '5',
      api_name: 'Contacts',
      module: { api_name: 'Contacts', id: '6' },
      display_label: 'Contacts',
      name: 'Contacts',
      sequence_number: '2',
      href: 'Accounts/{ENTITYID}/Contacts',
      type: 'default',
      visible: false,
      action: null,
      connectedmodule: null,
      linkingmodule: 'Contacts_X_Deals',
    });
    expect(rl).toMatchObject({
      id: '5',
      apiName: 'Contacts',
      module: 'Contacts',
      sequenceNumber: 2,
      isVisible: false,
      connectedModule: null,
      linkingModule: 'Contacts_X_Deals',
    });
  });

  it('serialises only the module settings that are set', () => {
    expect(moduleSettingsToJson({})).toEqual({});
    const props = ZCRMRelatedListProperties.getInstance();
    props.sortOrder = 'asc';
    expect(
      moduleSettingsToJson({
        perPage: 20,
        businessCardFields: [],
        defaultCustomViewId: '9',
        defaultTerritoryId: null,
        relatedListProperties: props,
      }),
    ).toEqual({
      per_page: 20,
      business_card_fields: [],
      default_custom_view: { id: '9' },
      territory: null,
      related_list_properties: { sort_order: 'asc' },
    });
    expect(moduleSettingsToJson({ defaultTerritoryId: '4' })).toEqual({ territory: { id: '4' } });
  });
});
