/**
 * Record JSON ↔ objects (the seed's mapping with its defects fixed), without HTTP: parsing of every special key,
 * serialisation of writes, the client-side checks they run, and "send only what changed".
 */
import {
  parseRecord,
  recordToWriteJson,
  applyWriteDetails,
  valueToJson,
  INVENTORY_MODULES,
} from '../../src/api/mappers/record-mapper';
import { lookupModuleFor, parseLookup } from '../../src/api/mappers/lookup-mapper';
import { parseUser, userToJson } from '../../src/api/mappers/user-mapper';
import { parseTag } from '../../src/api/mappers/tag-mapper';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ZCRMTag } from '../../src/api/entities/zcrm-tag';
import { ZCRMTax } from '../../src/api/entities/zcrm-tax';
import { ZCRMLayout } from '../../src/api/entities/zcrm-layout';
import { ZCRMInventoryLineItem } from '../../src/api/entities/zcrm-inventory-line-item';
import { ZCRMEventParticipant } from '../../src/api/entities/zcrm-event-participant';
import { ZCRMPriceBookPricing } from '../../src/api/entities/zcrm-price-book-pricing';
import { ValidationException } from '../../src/errors';
import { LEAD_SAMPLE } from './fixtures/wire-samples';

/** An inventory record with the output line item keys of https://www.zoho.com/crm/developer/docs/api/v2/insert-records.html */
const QUOTE_SAMPLE = {
  id: '3652397000000624001',
  Subject: 'Quote 1',
  Account_Name: { name: 'Zylker', id: '3652397000000624046' },
  Layout: { name: 'Standard', id: '3652397000000091055' },
  Tax: 12.5,
  Product_Details: [
    {
      id: '3652397000000624010',
      product: { name: 'Router', id: '3652397000000416001', Product_Code: 'ZR-100', Currency: 'USD' },
      quantity: 100,
      Discount: 10,
      total_after_discount: 990,
      net_total: 1113.75,
      book: null,
      Tax: 123.75,
      list_price: 10,
      unit_price: 10,
      quantity_in_stock: 5,
      total: 1000,
      product_description: 'desc',
      line_tax: [{ percentage: 12.5, name: 'Vat', id: '3652397000000072001', value: 123.75 }],
    },
  ],
  $line_tax: [{ name: 'Common Tax', percentage: 1.5, value: 14.85, id: '3652397000000072007' }],
  Tag: [{ name: 'hot', id: '3652397000000311001' }],
};

describe("the seed's parsing", () => {
  it('maps id, users, times and $ properties; keeps plain fields (nulls included) in fieldData', () => {
    const record = parseRecord(LEAD_SAMPLE, 'Leads');
    expect(record.entityId).toBe('554023000000527003');
    expect(record.moduleApiName).toBe('Leads');
    expect(record.owner).toBeInstanceOf(ZCRMUser);
    expect(record.owner).toMatchObject({
      id: '554023000000235011',
      name: 'Patricia Boyle',
      email: 'p.boyle@zylker.com',
    });
    expect(record.createdBy!.id).toBe('554023000000235011');
    expect(record.modifiedBy!.name).toBe('Patricia Boyle');
    expect(record.createdTime).toBe('2019-05-02T11:17:33+05:30');
    expect(record.properties).toMatchObject({
      currency_symbol: '$',
      approved: true,
      editable: true,
      converted: false,
      approval: { delegate: false, approve: false, reject: false, resubmit: false },
      review: null,
    });
    expect(record.fieldData).toEqual({
      Company: 'Zylker',
      Email: 'p.daly@zylker.com',
      Last_Name: 'Daly',
      First_Name: 'Paul',
      Full_Name: 'Paul Daly',
      Lead_Status: null,
    });
    expect(record.tagList).toEqual([]);
    expect(record.getFieldValue('Owner')).toBe(record.owner);
    expect(record.getFieldValue('id')).toBe('554023000000527003');
  });

  it('turns lookups into records with their label (not raw dicts, a seed defect)', () => {
    const record = parseRecord(QUOTE_SAMPLE, 'Quotes');
    const account = record.getFieldValue('Account_Name') as ZCRMRecord;
    expect(account).toBeInstanceOf(ZCRMRecord);
    expect(account).toMatchObject({
      moduleApiName: 'Accounts',
      entityId: '3652397000000624046',
      lookupLabel: 'Zylker',
    });
    expect(record.layout).toBeInstanceOf(ZCRMLayout);
    expect(record.layout).toMatchObject({ id: '3652397000000091055', name: 'Standard' });
  });

  it('resolves lookup modules: $se_module, the standard table, given metadata, else the field name', () => {
    const task = parseRecord(
      {
        id: '1',
        What_Id: { name: 'King', id: '2' },
        Who_Id: { name: 'Kris', id: '3' },
        $se_module: 'Accounts',
        Custom_Lookup: { name: 'x', id: '4' },
      },
      'Tasks',
    );
    expect((task.fieldData.What_Id as ZCRMRecord).moduleApiName).toBe('Accounts');
    expect((task.fieldData.Who_Id as ZCRMRecord).moduleApiName).toBe('Contacts');
    expect((task.fieldData.Custom_Lookup as ZCRMRecord).moduleApiName).toBe('Custom_Lookup');
    const withMeta = parseRecord({ id: '1', Custom_Lookup: { name: 'x', id: '4' } }, 'Tasks', {
      lookupModules: { Custom_Lookup: 'Vendors' },
    });
    expect((withMeta.fieldData.Custom_Lookup as ZCRMRecord).moduleApiName).toBe('Vendors');
    expect(lookupModuleFor('Parent_Id', { $se_module: 'Leads' })).toBe('Leads');
    expect(parseLookup(null, 'Accounts')).toBeUndefined();
    expect(parseLookup({ name: 'no id' }, 'Accounts')).toBeUndefined();
    expect(parseLookup('77', 'Accounts')).toMatchObject({ entityId: '77', moduleApiName: 'Accounts' });
  });

  it('reads user fields as users: objects with an email, and Handler', () => {
    const record = parseRecord(
      {
        id: '1',
        Approver: { name: 'Kevin', id: '9', email: 'k@z.com' },
        Handler: { name: 'Priya', id: '8' },
      },
      'Products',
    );
    expect(record.fieldData.Approver).toBeInstanceOf(ZCRMUser);
    expect(record.fieldData.Handler).toBeInstanceOf(ZCRMUser);
    expect((record.fieldData.Handler as ZCRMUser).id).toBe('8');
  });

  it('parses inventory line items with product, amounts, discount and line taxes', () => {
    const record = parseRecord(QUOTE_SAMPLE, 'Quotes');
    expect(record.lineItems).toHaveLength(1);
    const item = record.lineItems[0];
    expect(item).toBeInstanceOf(ZCRMInventoryLineItem);
    expect(item).toMatchObject({
      id: '3652397000000624010',
      quantity: 100,
      discount: 10,
      listPrice: 10,
      total: 1000,
      totalAfterDiscount: 990,
      taxAmount: 123.75,
      netTotal: 1113.75,
      description: 'desc',
      unitPrice: 10,
      quantityInStock: 5,
    });
    expect(item.discountPercentage).toBeUndefined();
    expect(item.product).toMatchObject({
      moduleApiName: 'Products',
      entityId: '3652397000000416001',
      lookupLabel: 'Router',
    });
    expect(item.product!.fieldData).toEqual({ Product_Code: 'ZR-100', Currency: 'USD' });
    expect(item.fieldData).toEqual({ book: null });
    expect(item.lineTax).toHaveLength(1);
    expect(item.lineTax[0]).toBeInstanceOf(ZCRMTax);
    expect(item.lineTax[0]).toMatchObject({
      name: 'Vat',
      percentage: 12.5,
      value: 123.75,
      id: '3652397000000072001',
    });
    expect(record.fieldData.Tax).toBe(12.5);
    expect(record.taxList.map((t) => [t.name, t.percentage, t.value])).toEqual([['Common Tax', 1.5, 14.85]]);
  });

  it('reads a "10%" discount as a percentage', () => {
    const record = parseRecord(
      { id: '1', Product_Details: [{ product: { id: '2' }, quantity: 1, Discount: '10%' }] },
      'Invoices',
    );
    expect(record.lineItems[0]).toMatchObject({ discountPercentage: 10, discount: undefined });
  });

  it('keeps Product_Details raw outside inventory modules', () => {
    const record = parseRecord({ id: '1', Product_Details: [{ x: 1 }] }, 'Deals');
    expect(record.lineItems).toEqual([]);
    expect(record.fieldData.Product_Details).toEqual([{ x: 1 }]);
    expect(INVENTORY_MODULES).toEqual(['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices']);
  });

  it('parses tags with id and name in the right places (not swapped, a seed defect), and the tags name list', () => {
    const record = parseRecord(QUOTE_SAMPLE, 'Quotes');
    expect(record.tagList).toHaveLength(1);
    expect(record.tagList[0]).toBeInstanceOf(ZCRMTag);
    expect(record.tagList[0]).toMatchObject({
      id: '3652397000000311001',
      name: 'hot',
      moduleApiName: 'Quotes',
    });
    const tagged = parseRecord({ id: '1', tags: ['a', 'b'] }, 'Leads');
    expect(tagged.tagList.map((t) => [t.id, t.name])).toEqual([
      [undefined, 'a'],
      [undefined, 'b'],
    ]);
    expect(parseTag(42)).toBeUndefined();
  });

  it('parses product taxes (a list of names) into taxList', () => {
    const product = parseRecord({ id: '1', Product_Name: 'Router', Tax: ['Vat', 'Sales Tax'] }, 'Products');
    expect(product.taxList.map((t) => t.name)).toEqual(['Vat', 'Sales Tax']);
    expect(product.fieldData.Tax).toBeUndefined();
  });

  it('parses event participants of every type', () => {
    const event = parseRecord(
      {
        id: '1',
        Participants: [
          {
            participant: '11',
            type: 'contact',
            name: 'Kris',
            Email: 'kris@king.com',
            invited: false,
            status: 'not_known',
          },
          {
            participant: '12',
            type: 'user',
            name: 'Kevin',
            Email: 'kevin@z.com',
            invited: true,
            status: 'accepted',
          },
          {
            participant: 'arch@king.com',
            type: 'email',
            name: 'Architect',
            invited: false,
            status: 'not_known',
          },
        ],
      },
      'Events',
    );
    expect(event.participants.map((p) => p instanceof ZCRMEventParticipant)).toEqual([true, true, true]);
    expect(event.participants[0]).toMatchObject({
      type: 'contact',
      id: '11',
      email: 'kris@king.com',
      name: 'Kris',
      isInvited: false,
      status: 'not_known',
    });
    expect(event.participants[1]).toMatchObject({
      type: 'user',
      id: '12',
      isInvited: true,
      status: 'accepted',
    });
    expect(event.participants[2]).toMatchObject({
      type: 'email',
      id: 'arch@king.com',
      email: 'arch@king.com',
    });
  });

  it('parses price book pricing rows as numbers', () => {
    const book = parseRecord(
      { id: '1', Pricing_Details: [{ id: '5', from_range: '1', to_range: 10, discount: 5.5 }] },
      'Price_Books',
    );
    expect(book.priceDetails).toHaveLength(1);
    expect(book.priceDetails[0]).toBeInstanceOf(ZCRMPriceBookPricing);
    expect(book.priceDetails[0]).toMatchObject({ id: '5', fromRange: 1, toRange: 10, discount: 5.5 });
  });
});

describe("writes send only what was set (the seed's serialisation, its defects fixed)", () => {
  it('sends the set fields of a new record, users and lookups as {id}', () => {
    const record = ZCRMRecord.getInstance('Deals');
    record.setFieldValue('Deal_Name', 'Big deal');
    record.setFieldValue('Account_Name', ZCRMRecord.getInstance('Accounts', '77'));
    record.setFieldValue('Owner', ZCRMUser.getInstance('88', 'Kevin'));
    record.setFieldValue('Closing', new Date('2025-01-02T03:04:05.678Z'));
    record.setFieldValue('Multi', [ZCRMRecord.getInstance('Contacts', '1'), 'x']);
    record.layout = ZCRMLayout.getInstance('99');
    record.createdBy = ZCRMUser.getInstance('1');
    record.properties.approved = false;
    expect(recordToWriteJson(record)).toEqual({
      Deal_Name: 'Big deal',
      Account_Name: { id: '77' },
      Owner: { id: '88' },
      Closing: '2025-01-02T03:04:05+00:00',
      Multi: [{ id: '1' }, 'x'],
      Layout: { id: '99' },
    });
    expect(record.owner!.id).toBe('88');
  });

  it('sends nothing for a record just read, then only the changed fields', () => {
    const record = parseRecord(LEAD_SAMPLE, 'Leads');
    expect(recordToWriteJson(record)).toEqual({});
    expect(recordToWriteJson(record, { includeId: true })).toEqual({ id: '554023000000527003' });
    record.fieldData.Company = 'Changed';
    record.setFieldValue('Last_Name', 'Daly');
    record.owner = ZCRMUser.getInstance('123');
    expect(recordToWriteJson(record)).toEqual({
      Company: 'Changed',
      Last_Name: 'Daly',
      Owner: { id: '123' },
    });
  });

  it('is clean again after a successful write, with the details applied', () => {
    const record = parseRecord(LEAD_SAMPLE, 'Leads');
    record.setFieldValue('Company', 'Changed');
    applyWriteDetails(record, {
      id: '554023000000527003',
      Modified_Time: '2020-01-01T00:00:00+05:30',
      Modified_By: { name: 'Kevin', id: '9' },
    });
    expect(record.modifiedTime).toBe('2020-01-01T00:00:00+05:30');
    expect(record.modifiedBy!.id).toBe('9');
    expect(recordToWriteJson(record)).toEqual({});
  });

  it('serialises line items: mandatory quantity, {id} product, percentage or amount discount, line taxes only', () => {
    const invoice = ZCRMRecord.getInstance('Invoices');
    const item = ZCRMInventoryLineItem.getInstance(ZCRMRecord.getInstance('Products', '5'));
    item.quantity = 3;
    item.listPrice = 8;
    item.discountPercentage = 10;
    item.description = 'd';
    item.total = 999; // computed by Zoho: never sent
    item.taxAmount = 1;
    item.netTotal = 2;
    item.addLineTax(ZCRMTax.getInstance('Vat', 5));
    invoice.addLineItem(item);
    const amount = ZCRMInventoryLineItem.getInstance('700');
    amount.quantity = 1;
    amount.discount = 2.5;
    invoice.addLineItem(amount);
    const removed = ZCRMInventoryLineItem.getInstance('701');
    removed.quantity = 1;
    removed.deleteFlag = true;
    invoice.addLineItem(removed);
    invoice.addTax(ZCRMTax.getInstance('Common Tax', 1.5));
    expect(recordToWriteJson(invoice)).toEqual({
      Product_Details: [
        {
          product: { id: '5' },
          product_description: 'd',
          list_price: 8,
          quantity: 3,
          Discount: '10%',
          line_tax: [{ name: 'Vat', percentage: 5 }],
        },
        { id: '700', quantity: 1, Discount: 2.5 },
      ],
      $line_tax: [{ name: 'Common Tax', percentage: 1.5 }],
    });
  });

  it('rejects invalid line items before any request, naming the row', () => {
    const invoice = ZCRMRecord.getInstance('Invoices');
    const item = ZCRMInventoryLineItem.getInstance(ZCRMRecord.getInstance('Products', '5'));
    invoice.addLineItem(item);
    expect(() => recordToWriteJson(invoice)).toThrow(/Product_Details\[0\]\.quantity: quantity is mandatory/);
    item.quantity = -1;
    expect(() => recordToWriteJson(invoice)).toThrow(/positive number/);
    item.quantity = 1;
    item.discount = 1;
    item.discountPercentage = 5;
    expect(() => recordToWriteJson(invoice)).toThrow(/either discount .* or discountPercentage/);
    item.discount = undefined;
    item.addLineTax(ZCRMTax.getInstance());
    expect(() => recordToWriteJson(invoice)).toThrow(/line_tax\[0\]: a tax needs its name/);
    const noProduct = ZCRMRecord.getInstance('Invoices');
    const orphan = ZCRMInventoryLineItem.getInstance();
    orphan.quantity = 1;
    noProduct.addLineItem(orphan);
    try {
      recordToWriteJson(noProduct);
      throw new Error('expected a ValidationException');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as ValidationException).statusCode).toBe(0);
      expect((error as ValidationException).errorMessage).toMatch(/Product_Details\[0\]\.product/);
    }
  });

  it('re-sends the whole line item list when one row changes, and [] when all are removed', () => {
    const quote = parseRecord(QUOTE_SAMPLE, 'Quotes');
    expect(recordToWriteJson(quote)).toEqual({});
    quote.lineItems[0].quantity = 5;
    expect(recordToWriteJson(quote)).toEqual({
      Product_Details: [
        {
          id: '3652397000000624010',
          product: { id: '3652397000000416001' },
          product_description: 'desc',
          list_price: 10,
          quantity: 5,
          Discount: 10,
          line_tax: [{ name: 'Vat', id: '3652397000000072001', percentage: 12.5 }],
        },
      ],
    });
    quote.lineItems = [];
    expect(recordToWriteJson(quote)).toEqual({ Product_Details: [] });
  });

  it('does not validate unchanged line items read from Zoho', () => {
    const quote = parseRecord({ id: '1', Product_Details: [{ id: '2', product: { id: '3' } }] }, 'Quotes');
    quote.setFieldValue('Subject', 'x');
    expect(recordToWriteJson(quote)).toEqual({ Subject: 'x' });
    quote.lineItems[0].description = 'changed';
    expect(() => recordToWriteJson(quote)).toThrow(/quantity is mandatory/);
  });

  it('serialises participants without "None" strings (a seed defect)', () => {
    const event = ZCRMRecord.getInstance('Events');
    const contact = ZCRMEventParticipant.getInstance('contact', '11');
    contact.isInvited = true;
    const email = ZCRMEventParticipant.getInstance('email');
    email.email = 'guest@example.com';
    email.name = 'Guest';
    event.addParticipant(contact);
    event.addParticipant(email);
    const json = recordToWriteJson(event);
    expect(json).toEqual({
      Participants: [
        { participant: '11', type: 'contact', invited: true },
        { participant: 'guest@example.com', type: 'email', name: 'Guest', Email: 'guest@example.com' },
      ],
    });
    expect(JSON.stringify(json)).not.toMatch(/None/);
    event.addParticipant(ZCRMEventParticipant.getInstance('contact'));
    expect(() => recordToWriteJson(event)).toThrow(/Participants\[2\]\.participant/);
    event.participants = [ZCRMEventParticipant.getInstance(undefined, '1')];
    expect(() => recordToWriteJson(event)).toThrow(/Participants\[0\]\.type/);
  });

  it('serialises price book pricing and requires its numbers', () => {
    const book = ZCRMRecord.getInstance('Price_Books');
    const row = ZCRMPriceBookPricing.getInstance();
    row.fromRange = 1;
    row.toRange = 10;
    row.discount = 5;
    book.addPriceDetail(row);
    expect(recordToWriteJson(book)).toEqual({
      Pricing_Details: [{ from_range: 1, to_range: 10, discount: 5 }],
    });
    row.discount = null;
    expect(() => recordToWriteJson(book)).toThrow(/Pricing_Details\[0\]\.discount: a number is required/);
  });

  it('sends product taxes as names and record tags as {id, name}', () => {
    const product = parseRecord({ id: '1', Tax: ['Vat'], Tag: [{ name: 'hot', id: '7' }] }, 'Products');
    expect(recordToWriteJson(product)).toEqual({});
    product.addTax(ZCRMTax.getInstance('Sales Tax'));
    product.tagList.push(ZCRMTag.getInstance(undefined, 'new'));
    expect(recordToWriteJson(product)).toEqual({
      Tax: ['Vat', 'Sales Tax'],
      Tag: [{ id: '7', name: 'hot' }, { name: 'new' }],
    });
  });

  it('converts nested values: records and users without id become null', () => {
    expect(valueToJson(ZCRMRecord.getInstance('Accounts'))).toBeNull();
    expect(valueToJson(ZCRMUser.getInstance())).toBeNull();
    expect(valueToJson({ a: ZCRMUser.getInstance('1'), b: undefined, c: [1] })).toEqual({
      a: { id: '1' },
      c: [1],
    });
  });

  it('maps the seed accessors onto named attributes', () => {
    const record = ZCRMRecord.getInstance('Invoices');
    const items = [ZCRMInventoryLineItem.getInstance('1')];
    record.setFieldValue('Product_Details', items);
    record.setFieldValue('id', '42');
    expect(record.lineItems).toBe(items);
    expect(record.entityId).toBe('42');
    expect(record.getFieldValue('Product_Details')).toBe(items);
    record.setBlueprintData('Stage', 'Won');
    record.setChecklistValue('Called', true);
    expect(record.getBlueprintData()).toEqual({ Stage: 'Won' });
    expect(record.getChecklistValues()).toEqual([{ Called: true }]);
  });
});

describe('users', () => {
  /** A user of the users API (https://www.zoho.com/crm/developer/docs/api/v2/get-users.html / the keys the seed's parser reads). */
  const USER_JSON = {
    id: '554023000000235011',
    name: 'Patricia Boyle',
    email: 'p.boyle@zylker.com',
    first_name: 'Patricia',
    last_name: 'Boyle',
    full_name: 'Patricia Boyle',
    role: { name: 'CEO', id: '554023000000015969' },
    profile: { name: 'Administrator', id: '554023000000015975' },
    customize_info: {
      notes_desc: null,
      show_right_panel: null,
      bc_view: null,
      show_home: false,
      show_detail_view: true,
      unpin_recent_item: null,
    },
    theme: {
      normal_tab: { font_color: '#FFFFFF', background: '#222222' },
      selected_tab: { font_color: '#FFFFFF', background: '#333333' },
      new_background: null,
      background: '#F3F0EB',
      screen: 'fixed',
      type: 'default',
    },
    status: 'active',
    zuid: '4150868',
    confirm: true,
    Isonline: false,
    language: 'en_US',
    locale: 'en_US',
    time_zone: 'Asia/Kolkata',
    personal_account: false,
    territories: [],
    Reporting_To: null,
    Currency: 'USD',
    created_by: { name: 'Patricia Boyle', id: '554023000000235011' },
    Modified_By: { name: 'Kevin Hart', id: '554023000000235014' },
    created_time: '2019-01-01T00:00:00+05:30',
    Modified_Time: '2019-02-01T00:00:00+05:30',
    Custom_Badge: 'gold',
  };

  it('parses the users API object', () => {
    const user = parseUser(USER_JSON)!;
    expect(user).toMatchObject({
      id: '554023000000235011',
      email: 'p.boyle@zylker.com',
      firstName: 'Patricia',
      fullName: 'Patricia Boyle',
      role: { id: '554023000000015969', name: 'CEO' },
      profile: { id: '554023000000015975', name: 'Administrator' },
      status: 'active',
      zuid: '4150868',
      isConfirm: true,
      isOnline: false,
      isPersonalAccount: false,
      reportingTo: null,
      currency: 'USD',
      createdTime: '2019-01-01T00:00:00+05:30',
      modifiedTime: '2019-02-01T00:00:00+05:30',
    });
    expect(user.customizeInfo).toMatchObject({
      isToShowHome: false,
      isToShowDetailView: true,
      notesDesc: null,
    });
    expect(user.theme).toMatchObject({
      normalTabBackground: '#222222',
      selectedTabBackground: '#333333',
      screen: 'fixed',
    });
    expect(user.createdBy!.id).toBe('554023000000235011');
    expect(user.modifiedBy!.name).toBe('Kevin Hart');
    expect(user.fieldApinameVsValue).toEqual({ Custom_Badge: 'gold' });
    expect(user.getFieldValue('Custom_Badge')).toBe('gold');
    expect(parseUser(null)).toBeUndefined();
    expect(parseUser('5')!.id).toBe('5');
  });

  it('writes only what is set, role and profile as ids, custom fields included', () => {
    const user = ZCRMUser.getInstance();
    user.lastName = 'Hart';
    user.email = 'k@z.com';
    user.role = { id: '1' };
    user.profile = { id: '2', name: 'Standard' };
    user.setFieldValue('Custom_Badge', 'silver');
    expect(userToJson(user)).toEqual({
      role: '1',
      profile: '2',
      last_name: 'Hart',
      email: 'k@z.com',
      Custom_Badge: 'silver',
    });
    expect(JSON.stringify(userToJson(ZCRMUser.getInstance()))).toBe('{}');
  });
});
