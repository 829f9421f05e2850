/**
 * Record mapping over Zoho's documented sample responses (test/api/fixtures/wire-samples.ts), served verbatim through the client's transport hook
 * (the whole pipeline runs): JSON → model instances (list, COQL, inventory, participants and
 * price ranges, subforms) and model instances → the write body Zoho documents for inventory input, write
 * results matched to their inputs (write results), and class-transformer used directly on the models.
 */
import { instanceToPlain, plainToInstance } from 'class-transformer';
import {
  CrmModule,
  Field,
  LineItems,
  LineTaxes,
  Lookup,
  Participants,
  PricingDetails,
  Subform,
  UserLookup,
} from '../../decorators';
import {
  CrmRecord,
  getChanges,
  getRepository,
  LineItem,
  Participant,
  PricingRange,
  Ref,
  Tax,
  UserRef,
} from '../../src/orm';
import type { HttpRequest } from '../../src/http/http-types';
import { cannedClient, CannedResponse } from '../support/record-helpers';
import { WRITE_RESULTS_SAMPLE } from '../api/fixtures/wire-samples';

@CrmModule('Accounts')
class Account extends CrmRecord {
  @Field('Account_Name') name!: string;
}

@CrmModule('Leads')
class Lead extends CrmRecord {
  @Field('First_Name') firstName?: string;
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email' }) email?: string;
  @Field('Lead_Status', { type: 'picklist' }) status?: string;
  @Field('Full_Name', { readonly: true }) fullName?: string;
}

@CrmModule('Quotes')
class Quote extends CrmRecord {
  @Field('Subject') subject!: string;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
  @LineItems() lines: LineItem[] = [];
  @LineTaxes() taxes: Tax[] = [];
  @Field('Sub_Total', { readonly: true, type: 'currency' }) subTotal?: number;
  @Field('Grand_Total', { readonly: true, type: 'currency' }) grandTotal?: number;
}

@CrmModule('Events')
class Meeting extends CrmRecord {
  @Field('Event_Title') title!: string;
  @Field('Start_DateTime') start?: Date;
  @Participants() participants: Participant[] = [];
  @Lookup('What_Id') what?: Ref;
}

@CrmModule('Price_Books')
class PriceBook extends CrmRecord {
  @Field('Price_Book_Name') name!: string;
  @Field('Pricing_Model', { type: 'picklist' }) model?: string;
  @PricingDetails() pricing: PricingRange[] = [];
}

class Visit {
  id?: string;
  @Field('Visit_Date', { type: 'date' }) date?: string;
  @UserLookup('Visited_By') by?: UserRef;
  @Field('Notes') notes?: string;
}

@CrmModule('Projects__c')
class Project extends CrmRecord {
  @Field('Name') name!: string;
  @Subform('Visits', () => Visit) visits: Visit[] = [];
}

/** list sample (one record). */
const LEAD = {
  Owner: { name: 'Patricia Boyle', id: '554023000000235011', email: 'p.boyle@zylker.com' },
  Company: 'Zylker',
  Email: 'p.daly@zylker.com',
  $currency_symbol: '$',
  $state: 'save',
  $converted: false,
  id: '554023000000527003',
  $approved: true,
  Created_Time: '2019-05-02T11:17:33+05:30',
  Modified_Time: '2019-05-02T11:17:33+05:30',
  Created_By: { name: 'Patricia Boyle', id: '554023000000235011', email: 'p.boyle@zylker.com' },
  Modified_By: { name: 'Patricia Boyle', id: '554023000000235011', email: 'p.boyle@zylker.com' },
  Last_Name: 'Daly',
  First_Name: 'Paul',
  Full_Name: 'Paul Daly',
  Lead_Status: null,
  Tag: [],
};

/** output: a quote with one line item, line and record taxes. */
const QUOTE = {
  id: '3652397000000624100',
  Subject: 'Quote 1',
  Account_Name: { name: 'Zylker', id: '3652397000000624046' },
  Product_Details: [
    {
      id: '3652397000000624101',
      product: { name: 'Licence', id: '3652397000000416001', Product_Code: 'LIC', Currency: 'USD' },
      quantity: 100,
      Discount: 100,
      total_after_discount: 900,
      net_total: 1012.5,
      book: null,
      Tax: 112.5,
      list_price: 10,
      unit_price: 10,
      quantity_in_stock: 12,
      total: 1000,
      product_description: 'desc',
      line_tax: [{ percentage: 12.5, name: 'Vat', id: '3652397000000072001', value: 112.5 }],
    },
  ],
  $line_tax: [{ percentage: 1.5, name: 'Common Tax', id: '3652397000000072003', value: 13.5 }],
  Sub_Total: 900,
  Grand_Total: 1026,
  Created_Time: '2019-05-02T11:17:33-07:00',
};

async function canned(answer: (request: HttpRequest) => CannedResponse) {
  return cannedClient(answer);
}

describe('JSON → model instances', () => {
  test('list sample: fields, users, date-times at the instant with their offset, tags', async () => {
    const { client, requests } = await canned(() => ({
      status: 200,
      body: { data: [LEAD], info: { per_page: 200, count: 1, page: 1, more_records: false } },
    }));
    const [lead] = await getRepository(Lead, client).find();
    expect(requests[0].url).toContain('/crm/v2/Leads?sort_order=asc&page=1&per_page=200');
    expect(lead).toBeInstanceOf(Lead);
    expect(lead).toMatchObject({
      id: '554023000000527003',
      lastName: 'Daly',
      firstName: 'Paul',
      company: 'Zylker',
      email: 'p.daly@zylker.com',
      fullName: 'Paul Daly',
      owner: { id: '554023000000235011', name: 'Patricia Boyle', email: 'p.boyle@zylker.com' },
      createdBy: { id: '554023000000235011', name: 'Patricia Boyle' },
      tags: [],
    });
    expect(lead.status).toBeUndefined();
    expect(lead.createdTime!.toISOString()).toBe('2019-05-02T05:47:33.000Z');
    expect(Object.keys(lead)).not.toContain('$state');
    expect(JSON.parse(JSON.stringify(lead))).not.toHaveProperty('$currency_symbol');
    expect(getChanges(lead)).toEqual({});
  });

  test('COQL sample: lookups as ids only; 204 → no records', async () => {
    const body = {
      data: [{ Last_Name: 'Boyle', Account_Name: { id: '554023000000238121' }, id: '554023000000310003' }],
      info: { count: 1, more_records: false },
    };
    @CrmModule('Contacts')
    class Contact extends CrmRecord {
      @Field('Last_Name') lastName!: string;
      @Lookup('Account_Name', () => Account) account?: Ref<Account>;
    }
    let calls = 0;
    const { client, requests } = await canned(() =>
      calls++ === 0 ? { status: 200, body } : { status: 204 },
    );
    const repository = getRepository(Contact, client);
    const [contact] = await repository.find({ where: { lastName: 'Boyle' }, order: { lastName: 'ASC' } });
    expect(requests[0].body).toEqual({
      select_query:
        "select Last_Name, Account_Name, Owner, Created_Time, Modified_Time, Created_By, Modified_By from Contacts where Last_Name = 'Boyle' order by Last_Name asc limit 200",
    });
    expect(contact.account).toBeInstanceOf(Ref);
    expect(contact.account!.toJSON()).toEqual({ id: '554023000000238121' });
    expect(contact.account!.model).toBe(Account);
    expect(await repository.find({ where: { lastName: 'None' }, order: { lastName: 'ASC' } })).toEqual([]);
  });

  test('inventory output: line items with product refs, discounts, taxes and computed amounts', async () => {
    const { client } = await canned(() => ({ status: 200, body: { data: [QUOTE] } }));
    const quote = (await getRepository(Quote, client).findById('3652397000000624100'))!;
    expect(quote.account).toMatchObject({ id: '3652397000000624046', name: 'Zylker' });
    expect(quote.lines).toHaveLength(1);
    const [line] = quote.lines;
    expect(line).toBeInstanceOf(LineItem);
    expect(line.product!.toJSON()).toEqual({ id: '3652397000000416001', name: 'Licence' });
    expect(line).toMatchObject({
      id: '3652397000000624101',
      quantity: 100,
      listPrice: 10,
      discount: 100,
      description: 'desc',
      total: 1000,
      totalAfterDiscount: 900,
      taxAmount: 112.5,
      netTotal: 1012.5,
      unitPrice: 10,
      quantityInStock: 12,
      taxes: [{ name: 'Vat', percentage: 12.5, value: 112.5, id: '3652397000000072001' }],
    });
    expect(quote.taxes).toEqual([
      { name: 'Common Tax', percentage: 1.5, value: 13.5, id: '3652397000000072003' },
    ]);
    expect(quote).toMatchObject({ subTotal: 900, grandTotal: 1026 });
    expect(quote.createdTime!.toISOString()).toBe('2019-05-02T18:17:33.000Z');
    expect(getChanges(quote)).toEqual({});
    quote.lines[0].quantity = 101;
    expect(getChanges(quote)).toEqual({
      Product_Details: [
        {
          id: '3652397000000624101',
          product: { id: '3652397000000416001' },
          product_description: 'desc',
          list_price: 10,
          quantity: 101,
          Discount: 100,
          line_tax: [{ name: 'Vat', percentage: 12.5 }],
        },
      ],
    });
  });

  test('participants, price ranges, polymorphic lookups; subform rows', async () => {
    const event = {
      id: '1',
      Event_Title: 'Kick-off',
      Start_DateTime: '2024-05-02T10:00:00+05:30',
      What_Id: { name: 'Zylker', id: '3652397000000624046' },
      $se_module: 'Accounts',
      Participants: [
        {
          participant: '3652397000000190001',
          type: 'contact',
          name: 'John',
          Email: 'john@zylker.com',
          invited: false,
          status: 'not_known',
        },
        { participant: 'guest@example.com', type: 'email', invited: true, status: 'accepted' },
      ],
    };
    const book = {
      id: '2',
      Price_Book_Name: 'Volume',
      Pricing_Model: 'Differential',
      Pricing_Details: [{ id: '21', from_range: 1, to_range: 100, discount: 5 }],
    };
    const project = {
      id: '3',
      Name: 'Apollo',
      Visits: [{ id: '31', Visit_Date: '2024-02-29', Visited_By: { name: 'Kevin', id: '55' }, Notes: 'ok' }],
    };
    const { client } = await canned((request) => {
      const path = new URL(request.url).pathname;
      const body = path.includes('Events') ? event : path.includes('Price_Books') ? book : project;
      return { status: 200, body: { data: [body] } };
    });
    const meeting = (await getRepository(Meeting, client).findById('1'))!;
    expect(meeting.start!.toISOString()).toBe('2024-05-02T04:30:00.000Z');
    expect(meeting.participants).toHaveLength(2);
    expect(meeting.participants[0]).toBeInstanceOf(Participant);
    expect(meeting.participants[0]).toMatchObject({
      type: 'contact',
      id: '3652397000000190001',
      name: 'John',
      email: 'john@zylker.com',
      isInvited: false,
      status: 'not_known',
    });
    expect(meeting.participants[1]).toMatchObject({
      type: 'email',
      email: 'guest@example.com',
      isInvited: true,
    });
    expect(meeting.what!.toJSON()).toEqual({ id: '3652397000000624046', name: 'Zylker' });
    expect(meeting.what!.model).toBeUndefined();

    const priceBook = (await getRepository(PriceBook, client).findById('2'))!;
    expect(priceBook.pricing).toEqual([
      Object.assign(new PricingRange({ id: '21', fromRange: 1, toRange: 100, discount: 5 })),
    ]);

    const p = (await getRepository(Project, client).findById('3'))!;
    expect(p.visits[0]).toBeInstanceOf(Visit);
    expect(p.visits[0]).toEqual(
      Object.assign(new Visit(), {
        id: '31',
        date: '2024-02-29',
        by: { id: '55', name: 'Kevin' },
        notes: 'ok',
      }),
    );
    p.visits.push(Object.assign(new Visit(), { date: '2024-03-01', notes: 'second' }));
    meeting.participants.push(new Participant({ type: 'lead', id: '77' }));
    priceBook.pricing[0].discount = 6;
    expect(getChanges(p)).toEqual({
      Visits: [
        { id: '31', Visit_Date: '2024-02-29', Visited_By: { id: '55' }, Notes: 'ok' },
        { Visit_Date: '2024-03-01', Notes: 'second' },
      ],
    });
    expect(getChanges(meeting)).toEqual({
      Participants: [
        {
          participant: '3652397000000190001',
          type: 'contact',
          name: 'John',
          Email: 'john@zylker.com',
          invited: false,
          status: 'not_known',
        },
        {
          participant: 'guest@example.com',
          type: 'email',
          Email: 'guest@example.com',
          invited: true,
          status: 'accepted',
        },
        { participant: '77', type: 'lead' },
      ],
    });
    expect(getChanges(priceBook)).toEqual({
      Pricing_Details: [{ id: '21', from_range: 1, to_range: 100, discount: 6 }],
    });
  });
});

describe('model instances → the write body', () => {
  test('input sample, and the result sets id and system fields', async () => {
    const { client, requests } = await canned(() => ({
      status: 201,
      body: { data: [WRITE_RESULTS_SAMPLE.data[0]] },
    }));
    const quotes = getRepository(Quote, client);
    const quote = quotes.create({ subject: 'Quote 1', account: Account.ref('3652397000000624046') });
    quote.lines.push(
      new LineItem({
        product: '3652397000000416001',
        quantity: 100,
        discount: 10,
        listPrice: 10.0,
        description: 'desc',
        taxes: [{ name: 'Vat', percentage: 12.5 }],
      }),
    );
    quote.taxes.push({ name: 'Common Tax', percentage: 1.5 });
    await quote.save({ reload: false, trigger: ['workflow'] });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].body).toEqual({
      data: [
        {
          Subject: 'Quote 1',
          Account_Name: { id: '3652397000000624046' },
          Product_Details: [
            {
              product: { id: '3652397000000416001' },
              quantity: 100,
              Discount: 10,
              list_price: 10.0,
              product_description: 'desc',
              line_tax: [{ name: 'Vat', percentage: 12.5 }],
            },
          ],
          $line_tax: [{ name: 'Common Tax', percentage: 1.5 }],
        },
      ],
      trigger: ['workflow'],
    });
    expect(quote.id).toBe('554023000000527003');
    expect(quote.createdTime!.toISOString()).toBe('2019-05-02T05:47:33.000Z');
    expect(quote.createdBy).toEqual({ id: '554023000000235011', name: 'Patricia Boyle' });
    expect(getChanges(quote)).toEqual({});
  });

  test('mixed results are matched to their inputs by position', async () => {
    const { client } = await canned(() => ({ status: 202, body: WRITE_RESULTS_SAMPLE }));
    const leads = getRepository(Lead, client);
    const records = [leads.create({ lastName: 'Daly' }), leads.create({ lastName: 'Second' })];
    const results = await leads.saveMany(records);
    expect(results[0]).toMatchObject({
      ok: true,
      id: '554023000000527003',
      action: 'insert',
      record: records[0],
    });
    expect(results[1]).toMatchObject({
      ok: false,
      code: 'MANDATORY_NOT_FOUND',
      message: 'Lead.lastName (Last_Name): required field not found (MANDATORY_NOT_FOUND)',
      record: records[1],
    });
    expect(records[1].id).toBeUndefined();
  });

  test('an update result naming another id than its input is not taken for it', async () => {
    const body = {
      data: [
        { ...WRITE_RESULTS_SAMPLE.data[0], details: { ...WRITE_RESULTS_SAMPLE.data[0].details, id: '999' } },
      ],
    };
    const { client } = await canned(() => ({ status: 200, body }));
    const leads = getRepository(Lead, client);
    const record = leads.create({ id: '111', company: 'x' });
    const [result] = await leads.saveMany([record]);
    expect(result).toMatchObject({ ok: false, code: 'NO_RESULT' });
  });
});

describe('class-transformer on the models', () => {
  test("the ORM registers nothing with class-transformer: a user's instanceToPlain is the same before and after the ORM saves and reads the class", async () => {
    @CrmModule('Deals')
    class Deal extends CrmRecord {
      @Field('Deal_Name') name!: string;
      @Field('Amount', { type: 'currency' }) amount?: number;
      @Field('Closing_Date', { type: 'date' }) closingDate?: string;
      @Lookup('Account_Name', () => Account) account?: Ref<Account>;
    }
    const make = () =>
      Object.assign(new Deal(), { name: 'Big one', amount: 1200.5, closingDate: '2026-12-24' });
    const before = instanceToPlain(make());
    const { client, requests } = await canned((request) =>
      request.method === 'POST'
        ? {
            status: 201,
            body: {
              data: [{ code: 'SUCCESS', status: 'success', message: 'record added', details: { id: '42' } }],
            },
          }
        : {
            status: 200,
            body: { data: [{ id: '42', Deal_Name: 'Big one', Amount: 1200.5, Closing_Date: '2026-12-24' }] },
          },
    );
    const deals = getRepository(Deal, client);
    await deals.save(make());
    const read = (await deals.findById('42'))!;
    expect(read.amount).toBe(1200.5);
    expect((requests[0].body as { data: unknown[] }).data[0]).toMatchObject({
      Deal_Name: 'Big one',
      Amount: 1200.5,
    });
    // Property names as the class has them, not API names; nothing the ORM maps leaks in.
    expect(instanceToPlain(make())).toEqual(before);
    expect(before).toEqual({ name: 'Big one', amount: 1200.5, closingDate: '2026-12-24' });
    expect(plainToInstance(Deal, { name: 'x', Deal_Name: 'y' }).name).toBe('x');
  });
});
