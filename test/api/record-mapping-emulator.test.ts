/**
 * Record mapping round trips through the emulator: inventory line items with discounts and taxes, record taxes,
 * event participants, price-book pricing, product taxes, layouts and lookups written and read back.
 */
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMInventoryLineItem } from '../../src/api/entities/zcrm-inventory-line-item';
import { ZCRMTax } from '../../src/api/entities/zcrm-tax';
import { ZCRMEventParticipant } from '../../src/api/entities/zcrm-event-participant';
import { ZCRMPriceBookPricing } from '../../src/api/entities/zcrm-price-book-pricing';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ValidationException } from '../../src/errors';
import { captureRequests, CapturedRequest } from '../support/record-helpers';
import { authorisedClient } from '../support/sdk';

let emulator: RunningEmulator;
let client: ZCRMRestClient;
let sent: CapturedRequest[];
let products: ZCRMRecord[];
let account: ZCRMRecord;

beforeAll(async () => {
  emulator = await startEmulator();
  client = await authorisedClient(emulator);
  sent = captureRequests(client);
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

beforeEach(async () => {
  emulator.reset();
  products = (
    await ZCRMModule.getInstance('Products', client).getRecords({ sortBy: 'Product_Name', sortOrder: 'asc' })
  ).data;
  account = (await ZCRMModule.getInstance('Accounts', client).getRecords({ perPage: 1 })).data[0];
  sent.length = 0;
});

const productNamed = (name: string) =>
  products.find((p) => String(p.getFieldValue('Product_Name')).startsWith(name))!;

/** A new invoice: router ×4 at 250 with 10 % off and Vat; switch ×2 at 450 with 20 off; record tax Sales Tax. */
function newInvoice(): ZCRMRecord {
  const invoice = ZCRMRecord.getInstance('Invoices', undefined, client);
  invoice.setFieldValue('Subject', 'Round trip');
  invoice.setFieldValue('Account_Name', account);
  const router = ZCRMInventoryLineItem.getInstance(productNamed('Zylker Router'));
  router.quantity = 4;
  router.discountPercentage = 10;
  router.addLineTax(ZCRMTax.getInstance('Vat', 12.5));
  const zswitch = ZCRMInventoryLineItem.getInstance(productNamed('Zylker Switch'));
  zswitch.quantity = 2;
  zswitch.listPrice = 450;
  zswitch.discount = 20;
  invoice.addLineItem(router);
  invoice.addLineItem(zswitch);
  invoice.addTax(ZCRMTax.getInstance('Sales Tax', 5));
  return invoice;
}

describe('inventory records', () => {
  it("writes line items with discounts and taxes and reads back Zoho's amounts", async () => {
    const invoice = newInvoice();
    const response = await ZCRMModule.getInstance('Invoices', client).createRecords([invoice]);
    expect(response.bulkEntityResponse[0].status).toBe('success');
    expect(sent[0].body.data[0]).toEqual({
      Subject: 'Round trip',
      Account_Name: { id: account.entityId },
      Product_Details: [
        {
          product: { id: productNamed('Zylker Router').entityId },
          quantity: 4,
          Discount: '10%',
          line_tax: [{ name: 'Vat', percentage: 12.5 }],
        },
        {
          product: { id: productNamed('Zylker Switch').entityId },
          list_price: 450,
          quantity: 2,
          Discount: 20,
        },
      ],
      $line_tax: [{ name: 'Sales Tax', percentage: 5 }],
    });

    const read = ZCRMRecord.getInstance('Invoices', invoice.entityId, client);
    await read.get();
    const [router, zswitch] = read.lineItems;
    expect(router).toMatchObject({
      quantity: 4,
      listPrice: 250,
      total: 1000,
      discount: 100,
      totalAfterDiscount: 900,
      taxAmount: 112.5,
      netTotal: 1012.5,
    });
    expect(router.id).toMatch(/^\d+$/);
    expect(router.product!.lookupLabel).toBe('Zylker Router ZR-100');
    expect(router.product!.fieldData.Product_Code).toBe('ZR-100');
    expect(router.lineTax.map((t) => [t.name, t.percentage, t.value])).toEqual([['Vat', 12.5, 112.5]]);
    expect(zswitch).toMatchObject({
      quantity: 2,
      total: 900,
      discount: 20,
      totalAfterDiscount: 880,
      taxAmount: 0,
    });
    expect(read.taxList.map((t) => [t.name, t.percentage, t.value])).toEqual([['Sales Tax', 5, 89]]);
    expect(read.fieldData).toMatchObject({ Sub_Total: 1780, Tax: 201.5, Grand_Total: 1981.5 });
    expect((read.getFieldValue('Account_Name') as ZCRMRecord).lookupLabel).toBe(
      account.getFieldValue('Account_Name'),
    );
  });

  it('updates other fields without re-sending line items, and re-sends them when one changes', async () => {
    const invoice = newInvoice();
    await invoice.create();
    const read = ZCRMRecord.getInstance('Invoices', invoice.entityId, client);
    await read.get();
    read.setFieldValue('Subject', 'Renamed');
    sent.length = 0;
    await read.update();
    expect(sent[0].body).toEqual({ data: [{ Subject: 'Renamed' }] });

    read.lineItems[1].quantity = 3;
    sent.length = 0;
    await read.update();
    const lines = sent[0].body.data[0].Product_Details;
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ id: read.lineItems[1].id, quantity: 3, Discount: 20 });
    expect(Object.keys(sent[0].body.data[0])).toEqual(['Product_Details']);
    await read.get();
    expect(read.lineItems[1]).toMatchObject({ quantity: 3, total: 1350, totalAfterDiscount: 1330 });
    expect(read.getFieldValue('Subject')).toBe('Renamed');

    read.lineItems[0].deleteFlag = true;
    await read.update();
    await read.get();
    expect(read.lineItems.map((l) => l.product!.lookupLabel)).toEqual(['Zylker Switch ZS-24']);
  });

  it('rejects a line item without quantity before any request', async () => {
    const invoice = newInvoice();
    invoice.lineItems[1].quantity = undefined;
    await expect(ZCRMModule.getInstance('Invoices', client).createRecords([invoice])).rejects.toMatchObject({
      constructor: ValidationException,
      statusCode: 0,
      errorMessage: expect.stringMatching(/Product_Details\[1\]\.quantity/),
    });
    await expect(invoice.create()).rejects.toBeInstanceOf(ValidationException);
    expect(sent).toHaveLength(0);
  });

  it("reports a line item Zoho rejects (unknown product) as the record's error", async () => {
    const invoice = newInvoice();
    invoice.lineItems[0].product = ZCRMRecord.getInstance('Products', '3652397000009999999');
    const response = await ZCRMModule.getInstance('Invoices', client).createRecords([invoice, newInvoice()]);
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['error', 'success']);
    expect(response.bulkEntityResponse[0].code).toBe('INVALID_DATA');
    expect(response.data).toHaveLength(1);
  });
});

describe('events, price books and products', () => {
  it('writes and reads event participants', async () => {
    const contact = (await ZCRMModule.getInstance('Contacts', client).getRecords({ perPage: 1 })).data[0];
    const me = contact.owner!;
    const event = ZCRMRecord.getInstance('Events', undefined, client);
    event.setFieldValue('Event_Title', 'Review');
    event.setFieldValue('Start_DateTime', '2025-03-12T10:00:00+05:30');
    event.setFieldValue('End_DateTime', '2025-03-12T11:00:00+05:30');
    event.addParticipant(ZCRMEventParticipant.getInstance('contact', contact.entityId));
    const user = ZCRMEventParticipant.getInstance('user', me.id);
    user.isInvited = true;
    event.addParticipant(user);
    const guest = ZCRMEventParticipant.getInstance('email');
    guest.email = 'guest@example.com';
    guest.name = 'Guest';
    event.addParticipant(guest);
    sent.length = 0;
    await event.create();
    expect(sent[0].body.data[0].Participants).toEqual([
      { participant: contact.entityId, type: 'contact' },
      { participant: me.id, type: 'user', invited: true },
      { participant: 'guest@example.com', type: 'email', name: 'Guest', Email: 'guest@example.com' },
    ]);
    expect(JSON.stringify(sent[0].body)).not.toMatch(/None/);
    const read = (await ZCRMModule.getInstance('Events', client).getRecord(event.entityId!)).data!;
    expect(read.participants.map((p) => [p.type, p.id, p.isInvited])).toEqual([
      ['contact', contact.entityId, false],
      ['user', me.id, true],
      ['email', 'guest@example.com', false],
    ]);
    expect(read.participants[0].email).toBe(contact.getFieldValue('Email'));
    expect(read.participants[2]).toMatchObject({ name: 'Guest', email: 'guest@example.com' });
  });

  it('writes and reads price book pricing', async () => {
    const book = ZCRMRecord.getInstance('Price_Books', undefined, client);
    book.setFieldValue('Price_Book_Name', 'Volume');
    book.setFieldValue('Pricing_Model', 'Differential');
    for (const [from, to, discount] of [
      [1, 5, 0],
      [6, 50, 7.5],
    ]) {
      const row = ZCRMPriceBookPricing.getInstance();
      row.fromRange = from;
      row.toRange = to;
      row.discount = discount;
      book.addPriceDetail(row);
    }
    await book.create();
    const read = (await ZCRMModule.getInstance('Price_Books', client).getRecord(book.entityId!)).data!;
    expect(read.priceDetails.map((p) => [p.fromRange, p.toRange, p.discount])).toEqual([
      [1, 5, 0],
      [6, 50, 7.5],
    ]);
    expect(read.priceDetails[0].id).toMatch(/^\d+$/);
  });

  it('writes product taxes as names and reads them back; reads lookups, owners and tags', async () => {
    const product = ZCRMRecord.getInstance('Products', undefined, client);
    product.setFieldValue('Product_Name', 'Taxed thing');
    product.addTax(ZCRMTax.getInstance('Vat'));
    product.addTax(ZCRMTax.getInstance('Sales Tax'));
    product.owner = ZCRMUser.getInstance(productNamed('Zylker Router').owner!.id);
    await product.create();
    expect(sent[0].body.data[0]).toEqual({
      Product_Name: 'Taxed thing',
      Owner: { id: product.owner.id },
      Tax: ['Vat', 'Sales Tax'],
    });
    const read = (await ZCRMModule.getInstance('Products', client).getRecord(product.entityId!)).data!;
    expect(read.taxList.map((t) => t.name)).toEqual(['Vat', 'Sales Tax']);
    expect(read.owner!.email).toEqual(expect.stringContaining('@'));
    const vendor = productNamed('Zylker Router').getFieldValue('Vendor_Name') as ZCRMRecord;
    expect(vendor).toMatchObject({ moduleApiName: 'Vendors', lookupLabel: 'Feltz Printing Service' });
  });

  it('reads What_Id lookups in the module named by $se_module', async () => {
    const tasks = (await ZCRMModule.getInstance('Tasks', client).getRecords()).data;
    const task = tasks[0];
    const what = task.getFieldValue('What_Id') as ZCRMRecord;
    expect(what).toBeInstanceOf(ZCRMRecord);
    expect(what.moduleApiName).toBe(task.properties.se_module);
    expect(what.moduleApiName).toBe('Accounts');
    const parent = await what.get();
    expect(parent.data!.getFieldValue('Account_Name')).toBe(what.lookupLabel);
  });
});
