/**
 * CrmRecord end to end against the emulator over HTTP: insert with system fields set after, saves that send only
 * changed fields, reads by id, reload, remove, line items with taxes and computed totals, lookups as refs,
 * dates and date-times, validation before any request, and records bound to the client they came from.
 */
import { IsNotEmpty } from 'class-validator';
import { CrmModule, Field } from '../../decorators';
import {
  CrmRecord,
  CrmRecordNotFoundError,
  CrmValidationError,
  getChanges,
  LineItem,
  recordContext,
  Ref,
  Repository,
} from '../../src/orm';
import { ValidationException, ZCRMException } from '../../src/errors';
import { captureRequests, CapturedRequest } from '../support/record-helpers';
import { startEmulator } from '../../src/emulator';
import { ormClient, OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Account, Invoice, Lead, Product } from './support/models';

let fx: OrmFixture;
let sent: CapturedRequest[];
let product: Product;
let account: Account;

beforeAll(async () => {
  fx = await startOrmEmulator();
  sent = captureRequests(fx.client);
  account = await Account.create({ name: 'Zylker' }).save();
  product = await Product.create({ name: 'Licence', unitPrice: 8 }).save();
});
afterAll(async () => fx?.stop());
beforeEach(async () => {
  sent.length = 0;
  await fx.clearLog();
});

/** The `data[0]` of the last write the client sent. */
const lastWrite = () => sent.filter((r) => r.method !== 'GET').at(-1)?.body?.data?.[0];

describe('insert', () => {
  test('sends the set fields and puts the id and system fields on the instance', async () => {
    const lead = Lead.create({
      lastName: 'Daly',
      firstName: 'Paul',
      company: 'Zylker',
      annualRevenue: 1000.5,
    });
    const returned = await lead.save();
    expect(returned).toBe(lead);
    expect(lastWrite()).toEqual({
      Last_Name: 'Daly',
      First_Name: 'Paul',
      Company: 'Zylker',
      Annual_Revenue: 1000.5,
    });
    expect(lead.id).toMatch(/^\d+$/);
    expect(lead.createdTime).toBeInstanceOf(Date);
    expect(lead.modifiedTime).toBeInstanceOf(Date);
    expect(lead.createdBy).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'Patricia Boyle' });
    expect(lead.modifiedBy?.id).toBe(lead.createdBy?.id);
    // Nothing changed since: a second save sends nothing.
    await fx.clearLog();
    await lead.save();
    expect(await fx.crmCalls()).toEqual([]);
  });

  test('read-only fields are never sent', async () => {
    const invoice = Invoice.create({ subject: 'Read-only', grandTotal: 5, number: '99' });
    invoice.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
    await invoice.save();
    const body = sent.find((r) => r.method === 'POST')!.body.data[0];
    expect(body).not.toHaveProperty('Grand_Total');
    expect(body).not.toHaveProperty('Invoice_Number');
    expect(invoice.grandTotal).toBe(8);
  });

  test('a Zoho error on insert throws its exception and leaves the record new', async () => {
    const duplicate = Account.create({ name: 'Zylker' }); // Account_Name is unique
    await expect(duplicate.save()).rejects.toMatchObject({ errorCode: 'DUPLICATE_DATA', statusCode: 400 });
    await expect(duplicate.save()).rejects.toBeInstanceOf(ValidationException);
    expect(duplicate.id).toBeUndefined();
  });
});

describe('update: only changed fields', () => {
  test('sends the changed fields alone, then nothing', async () => {
    const lead = await Lead.create({ lastName: 'Burns', company: 'Acme', description: 'first' }).save();
    const read = (await Lead.findById(lead.id!))!;
    read.company = 'Acme Inc';
    read.employees = 12;
    expect(getChanges(read)).toEqual({ Company: 'Acme Inc', No_of_Employees: 12 });
    sent.length = 0;
    await read.save();
    expect(lastWrite()).toEqual({ id: lead.id, Company: 'Acme Inc', No_of_Employees: 12 });
    expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(read.modifiedTime).toBeInstanceOf(Date);
    await fx.clearLog();
    await read.save();
    expect(await fx.crmCalls()).toEqual([]);
    const again = (await Lead.findById(lead.id!))!;
    expect(again).toMatchObject({
      company: 'Acme Inc',
      employees: 12,
      description: 'first',
      lastName: 'Burns',
    });
  });

  test('a field unset since it was read is cleared (sent as null)', async () => {
    const lead = await Lead.create({ lastName: 'Clear', company: 'Zylker', description: 'to clear' }).save();
    lead.description = undefined;
    expect(getChanges(lead)).toEqual({ Description: null });
    await lead.save();
    expect(lastWrite()).toEqual({ id: lead.id, Description: null });
    expect((await Lead.findById(lead.id!))!.description).toBeUndefined();
  });

  test('a record made with an id updates just the fields given', async () => {
    const lead = await Lead.create({ lastName: 'Detached', company: 'Before' }).save();
    const patch = Lead.create({ id: lead.id, company: 'After' });
    await patch.save();
    expect(lastWrite()).toEqual({ id: lead.id, Company: 'After' });
    expect(await Lead.findById(lead.id!)).toMatchObject({ lastName: 'Detached', company: 'After' });
  });

  test('a record just read has no changes', async () => {
    const read = (await Lead.findById((await Lead.create({ lastName: 'Unchanged' }).save()).id!))!;
    expect(getChanges(read)).toEqual({});
    const product2 = (await Product.findById(product.id!))!;
    expect(getChanges(product2)).toEqual({});
  });

  test('a Zoho error on update throws and keeps the change pending', async () => {
    const lead = await Lead.create({ lastName: 'Pending' }).save();
    lead.email = 'pending@zylker.com';
    const other = await Lead.create({ lastName: 'Taken', email: 'taken@zylker.com' }).save();
    expect(other.id).toBeDefined();
    lead.email = 'taken@zylker.com'; // Email is unique on Leads
    await expect(lead.save()).rejects.toMatchObject({ errorCode: 'DUPLICATE_DATA' });
    expect(getChanges(lead)).toEqual({ Email: 'taken@zylker.com' });
    lead.email = 'free@zylker.com';
    await lead.save();
    expect(getChanges(lead)).toEqual({});
  });
});

describe('validation runs before any request', () => {
  test('class-validator and the ORM checks list every bad field; nothing is sent', async () => {
    const lead = Lead.create({ lastName: '', email: 'not-an-email', employees: 1.5 as number });
    const error = await lead.save().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CrmValidationError);
    const v = error as CrmValidationError;
    expect(v.statusCode).toBe(0);
    expect(v.errorCode).toBe('VALIDATION_FAILED');
    expect(v.fields.map((f) => f.property).sort()).toEqual(['email', 'employees', 'lastName']);
    expect(v.fields.find((f) => f.property === 'lastName')).toMatchObject({
      apiName: 'Last_Name',
      constraints: expect.arrayContaining(['isNotEmpty']),
    });
    expect(v.fields.find((f) => f.property === 'employees')?.messages).toEqual([
      'expects an integer, got 1.5',
    ]);
    expect(v.message).toContain('lastName (Last_Name)');
    expect(v.message).toContain('email (Email)');
    expect(await fx.crmCalls()).toEqual([]);
    expect(lead.id).toBeUndefined();
  });

  test('an update checks only the fields it sends', async () => {
    const lead = await Lead.create({ lastName: 'Valid' }).save();
    // Read through COQL (search cannot sort), which returns the selected fields only.
    const partial = (await Lead.findOne({
      where: { id: lead.id },
      select: ['company'],
      order: { company: 'ASC' },
    }))!;
    // lastName was not read (undefined) and is not sent: its @IsNotEmpty does not apply.
    expect(partial.lastName).toBeUndefined();
    partial.company = 'Partial';
    await partial.save();
    expect(lastWrite()).toEqual({ id: lead.id, Company: 'Partial' });
    partial.email = 'bad';
    await fx.clearLog();
    await expect(partial.save()).rejects.toMatchObject({
      fields: [expect.objectContaining({ property: 'email' })],
    });
    expect(await fx.crmCalls()).toEqual([]);
  });

  test('line items are checked row by row, with dates and lookups', async () => {
    const invoice = Invoice.create({
      subject: 'Bad rows',
      dueDate: '2024-13-01',
      account: 'oops' as unknown as Ref<Account>,
    });
    invoice.lines.push(new LineItem({ product: product.id!, quantity: 0 }));
    invoice.lines.push(
      new LineItem({ product: product.id!, quantity: 2, discount: 'ten' as never, taxes: [{ name: '' }] }),
    );
    invoice.lines.push({ quantity: 1 } as LineItem);
    const error = (await invoice.save().catch((e: unknown) => e)) as CrmValidationError;
    expect(error).toBeInstanceOf(CrmValidationError);
    const byPath = Object.fromEntries(error.fields.map((f) => [f.property, f.messages.join('; ')]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['account', 'dueDate', 'lines[0].quantity', 'lines[1].discount', 'lines[2].product'].sort(),
    );
    expect(byPath.dueDate).toContain("'YYYY-MM-DD'");
    expect(byPath['lines[0].quantity']).toContain('positive');
    expect(await fx.crmCalls()).toEqual([]);
  });

  test('a Date for a date field is refused (no time-zone guess)', async () => {
    const invoice = Invoice.create({ subject: 'Date', dueDate: new Date() as unknown as string });
    invoice.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
    await expect(invoice.save()).rejects.toThrow(/date field takes a 'YYYY-MM-DD' string, not a Date/);
  });
});

describe('line items, taxes and totals', () => {
  test('the issue example: insert with a line item, then ids and computed amounts are on the record', async () => {
    const invoice = Invoice.create({
      subject: 'Q3 licences',
      account: Account.ref(account.id!),
      dueDate: '2024-09-30',
    });
    invoice.lines.push(
      new LineItem({
        product: product.id!,
        quantity: 100,
        listPrice: 8,
        discount: '10%',
        description: 'Licences',
        taxes: [{ name: 'Vat', percentage: 5 }],
      }),
    );
    await invoice.save();
    expect(sent.find((r) => r.method === 'POST')!.body.data[0]).toEqual({
      Subject: 'Q3 licences',
      Due_Date: '2024-09-30',
      Account_Name: { id: account.id },
      Product_Details: [
        {
          product: { id: product.id },
          product_description: 'Licences',
          list_price: 8,
          quantity: 100,
          Discount: '10%',
          line_tax: [{ name: 'Vat', percentage: 5 }],
        },
      ],
    });
    // Re-read after the write: line ids, the amounts Zoho computed, the lookup's name.
    const [line] = invoice.lines;
    expect(line).toBeInstanceOf(LineItem);
    expect(line).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      quantity: 100,
      listPrice: 8,
      discount: 80,
      total: 800,
      totalAfterDiscount: 720,
      taxAmount: 36,
      netTotal: 756,
    });
    expect(line.product).toBeInstanceOf(Ref);
    expect(line.product).toMatchObject({ id: product.id, name: 'Licence' });
    expect(line.taxes).toEqual([{ name: 'Vat', percentage: 5, value: 36, id: expect.any(String) }]);
    expect(invoice.grandTotal).toBe(756);
    expect(invoice.subTotal).toBe(720);
    expect(invoice.account).toMatchObject({ id: account.id, name: 'Zylker' });
    expect(invoice.dueDate).toBe('2024-09-30');
    expect(getChanges(invoice)).toEqual({});
  });

  test('changing a line sends the whole list with line ids; record taxes and adjustment', async () => {
    const invoice = Invoice.create({ subject: 'Two lines' });
    invoice.lines.push(
      new LineItem({ product: product.id!, quantity: 10 }),
      new LineItem({ product: product.id!, quantity: 5, listPrice: 10 }),
    );
    await invoice.save();
    const [first, second] = invoice.lines;
    second.quantity = 6;
    invoice.taxes.push({ name: 'Sales Tax', percentage: 10 });
    invoice.adjustment = -2;
    sent.length = 0;
    await invoice.save();
    const body = lastWrite();
    expect(body.Product_Details).toEqual([
      expect.objectContaining({ id: first.id, quantity: 10 }),
      expect.objectContaining({ id: second.id, quantity: 6 }),
    ]);
    expect(body.$line_tax).toEqual([{ name: 'Sales Tax', percentage: 10 }]);
    expect(body.Adjustment).toBe(-2);
    expect(Object.keys(body).sort()).toEqual(['$line_tax', 'Adjustment', 'Product_Details', 'id']);
    // 10×8 + 6×10 = 140; 10% record tax = 14; adjustment −2.
    expect(invoice.grandTotal).toBe(152);
    expect(invoice.lines.map((l) => l.id)).toEqual([first.id, second.id]);
    expect(invoice.taxes).toEqual([
      expect.objectContaining({ name: 'Sales Tax', percentage: 10, value: 14 }),
    ]);
    // The adjustment alone: the totals Zoho recomputes are read back too.
    invoice.adjustment = 3;
    sent.length = 0;
    await invoice.save();
    expect(lastWrite()).toEqual({ id: invoice.id, Adjustment: 3 });
    expect(invoice.grandTotal).toBe(157);
    // A field the totals do not depend on: no re-read.
    invoice.description = 'no totals change';
    sent.length = 0;
    await invoice.save();
    expect(sent.map((r) => r.method)).toEqual(['PUT']);
  });

  test('line items a query did not read cannot be saved over', async () => {
    const invoice = Invoice.create({ subject: 'Unread lines' });
    invoice.lines.push(new LineItem({ product: product.id!, quantity: 3 }));
    await invoice.save();
    // A COQL read loads the lines by id unless `select` leaves them out.
    const [viaCoql] = await Invoice.find({
      where: { subject: 'Unread lines' },
      order: { subject: 'ASC' },
      select: ['subject', 'status'],
    });
    expect(viaCoql.lines).toEqual([]);
    viaCoql.status = 'Approved';
    await viaCoql.save(); // lines untouched: fine
    expect(lastWrite()).toEqual({ id: invoice.id, Status: 'Approved' });
    viaCoql.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
    await expect(viaCoql.save()).rejects.toMatchObject({
      fields: [
        expect.objectContaining({ property: 'lines', messages: [expect.stringContaining('reload()')] }),
      ],
    });
    await viaCoql.reload();
    expect(viaCoql.lines).toHaveLength(1);
    expect(viaCoql.lines[0].quantity).toBe(3);
  });
});

describe('reads', () => {
  test('findById: the record, null for a missing id, an error for a malformed one', async () => {
    const found = await Account.findById(account.id!);
    expect(found).toBeInstanceOf(Account);
    expect(found).toMatchObject({
      id: account.id,
      name: 'Zylker',
      owner: { id: expect.any(String), email: 'patricia.boyle@zylker.com' },
      tags: [],
    });
    expect(await Account.findById('3652397000009999999')).toBeNull();
    await expect(Account.findById('abc')).rejects.toMatchObject({ errorCode: 'INVALID_ID', statusCode: 0 });
    await expect(Account.findByIdOrFail('3652397000009999999')).rejects.toBeInstanceOf(
      CrmRecordNotFoundError,
    );
  });

  test('findOneBy / findOneByOrFail: null or CrmRecordNotFoundError, also by id', async () => {
    expect(await Account.findOneBy({ name: 'Zylker' })).toMatchObject({ id: account.id });
    expect(await Account.findOneBy({ name: 'Nobody' })).toBeNull();
    expect(await Account.findOneBy({ id: account.id })).toMatchObject({ name: 'Zylker' });
    const error = await Account.findOneByOrFail({ name: 'Nobody' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmRecordNotFoundError);
    expect(error).toBeInstanceOf(ZCRMException);
    expect((error as CrmRecordNotFoundError).message).toContain(
      'No Account record (module Accounts) matches {"name":"Nobody"}',
    );
    await expect(Account.findOneByOrFail({ id: '3652397000009999998' })).rejects.toBeInstanceOf(
      CrmRecordNotFoundError,
    );
    expect(await Account.findOneOrFail({ where: { name: 'Zylker' } })).toBeInstanceOf(Account);
  });

  test('date-times are Dates at the instant Zoho sent (offset honoured); dates stay strings', async () => {
    const lead = await Lead.create({ lastName: 'Dates' }).save();
    const raw = await fx.client.request<{ data: Array<Record<string, string>> }>({
      path: `Leads/${lead.id}`,
    });
    const text = raw.data!.data[0].Created_Time;
    expect(text).toMatch(/\+05:30$/);
    const read = (await Lead.findById(lead.id!))!;
    expect(read.createdTime!.getTime()).toBe(Date.parse(text));
    const p = await Product.create({ name: 'Dated', salesStart: '2024-01-31' }).save();
    expect((await Product.findById(p.id!))!.salesStart).toBe('2024-01-31');
  });

  test('reload re-reads every field; reload of a deleted record fails', async () => {
    const lead = await Lead.create({ lastName: 'Reload', company: 'Before' }).save();
    const other = (await Lead.findById(lead.id!))!;
    other.company = 'After';
    await other.save();
    lead.description = 'local edit';
    await lead.reload();
    expect(lead.company).toBe('After');
    expect(lead.description).toBeUndefined();
    expect(getChanges(lead)).toEqual({});
    await other.remove();
    await expect(lead.reload()).rejects.toBeInstanceOf(CrmRecordNotFoundError);
    await expect(Lead.create({ lastName: 'New' }).reload()).rejects.toMatchObject({
      errorCode: 'NOT_SAVED',
      statusCode: 0,
    });
  });

  test('refs load their records on demand', async () => {
    const invoice = Invoice.create({ subject: 'With account', account: Account.ref(account.id!) });
    invoice.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
    await invoice.save();
    const read = (await Invoice.findById(invoice.id!))!;
    await fx.clearLog();
    const loaded = await read.account!.load();
    expect(loaded).toBeInstanceOf(Account);
    expect(loaded).toMatchObject({ id: account.id, name: 'Zylker' });
    expect(await fx.crmCalls()).toEqual([{ method: 'GET', path: `Accounts/${account.id}` }]);
    expect(() => Account.ref('not-an-id')).toThrow(/a record id is a string of digits/);
    await expect(new Ref('123').load()).rejects.toMatchObject({ errorCode: 'NO_MODEL' });
  });
});

describe('remove', () => {
  test('deletes the record and unsets its id; errors for a missing or new record', async () => {
    const lead = await Lead.create({ lastName: 'Remove me' }).save();
    const id = lead.id!;
    await lead.remove();
    expect(lead.id).toBeUndefined();
    expect(await Lead.findById(id)).toBeNull();
    const ghost = Lead.create({ id, lastName: 'ghost' });
    await expect(ghost.remove()).rejects.toMatchObject({ errorCode: 'INVALID_DATA' });
    await expect(Lead.create({ lastName: 'never saved' }).remove()).rejects.toMatchObject({
      errorCode: 'NOT_SAVED',
    });
  });
});

describe('several orgs in one process', () => {
  test('a repository on another client reads and writes there, and its records stay bound to it', async () => {
    const other = await startEmulator({ demoData: false });
    try {
      const otherClient = await ormClient(other);
      const leads = new Repository(Lead, otherClient);
      const created = await leads.create({ lastName: 'Elsewhere' }).save();
      expect(await Lead.findOneBy({ lastName: 'Elsewhere' })).toBeNull(); // not in the default org
      await fx.clearLog();
      const read = (await leads.findById(created.id!))!;
      expect(recordContext(read).client).toBe(otherClient);
      read.company = 'Other org';
      await read.save(); // goes back to the other org
      expect((await leads.findById(created.id!))!.company).toBe('Other org');
      expect(await fx.crmCalls()).toEqual([]);
      expect(await leads.count()).toBe(1);
      expect(recordContext(Lead.create({ lastName: 'x' })).client).toBe(fx.client);
      await otherClient.close();
    } finally {
      await other.stop();
    }
  });

  test('a repository refuses records of another model', async () => {
    const repository = Invoice.getRepository();
    await expect(repository.save(Lead.create({ lastName: 'x' }) as unknown as Invoice)).rejects.toMatchObject(
      { errorCode: 'WRONG_MODEL' },
    );
  });
});

describe('models', () => {
  test('a class without @CrmModule is refused when used', () => {
    class NotAModel extends CrmRecord {
      @Field('Name') @IsNotEmpty() name!: string;
    }
    expect(() => new Repository(NotAModel)).toThrow(/is not a CRM model/);
  });

  test('a model may declare its own system-field property types and custom modules work', async () => {
    @CrmModule('Leads')
    class LeadWithStringTimes extends CrmRecord {
      @Field('Last_Name') lastName!: string;
    }
    const lead = await LeadWithStringTimes.create({ lastName: 'Custom' }).save();
    expect(lead).toBeInstanceOf(LeadWithStringTimes);
    expect((await Lead.findById(lead.id!))!.lastName).toBe('Custom');
  });
});
