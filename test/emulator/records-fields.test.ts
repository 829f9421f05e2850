import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';
import { create, fetchRecord, ID, idOf, itemError, listAll, v2 } from './records-support';

/** Computed and structured fields: line items and totals, participants, pricing rows, parents (docs/zoho-v2-notes.md §5.17, §5.18). */
describe('emulator records: computed and structured fields', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let router: string;
  let zswitch: string;
  let king: string;
  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    emulator.reset();
    router = await idOf(client, 'Products', 'Product_Code', 'ZR-100');
    zswitch = await idOf(client, 'Products', 'Product_Code', 'ZS-24');
    king = await idOf(client, 'Accounts', 'Account_Name', 'King');
  });

  const quote = () => ({
    Subject: 'Arithmetic',
    Account_Name: { id: king },
    Product_Details: [
      // Router: list price defaults to its Unit_Price (250); 10 % discount; Vat 12.5 %.
      {
        product: { id: router },
        quantity: 3,
        Discount: '10%',
        product_description: 'Rack mounted',
        line_tax: [{ name: 'Vat' }],
      },
      // Switch: own list price, an amount discount, Sales Tax at an explicit 5 %.
      {
        product: zswitch,
        quantity: 2,
        list_price: 400,
        Discount: 50,
        line_tax: [{ name: 'Sales Tax', percentage: 5 }],
      },
    ],
    Discount: 25,
    Adjustment: 10,
    $line_tax: [{ name: 'Common Tax' }],
  });

  describe('inventory line items', () => {
    it('computes every line amount and the record totals', async () => {
      const id = await create(client, 'Quotes', quote());
      const record = await fetchRecord(client, 'Quotes', id);
      expect(record!.Product_Details).toEqual([
        {
          id: ID,
          product: { Product_Code: 'ZR-100', name: 'Zylker Router ZR-100', id: router },
          quantity: 3,
          list_price: 250,
          unit_price: 250,
          quantity_in_stock: 120,
          total: 750,
          Discount: 75,
          total_after_discount: 675,
          line_tax: [{ name: 'Vat', percentage: 12.5, id: ID, value: 84.38 }],
          Tax: 84.38,
          net_total: 759.38,
          book: null,
          product_description: 'Rack mounted',
        },
        {
          id: ID,
          product: { Product_Code: 'ZS-24', name: 'Zylker Switch ZS-24', id: zswitch },
          quantity: 2,
          list_price: 400,
          unit_price: 480,
          quantity_in_stock: 40,
          total: 800,
          Discount: 50,
          total_after_discount: 750,
          line_tax: [{ name: 'Sales Tax', percentage: 5, id: ID, value: 37.5 }],
          Tax: 37.5,
          net_total: 787.5,
          book: null,
          product_description: null,
        },
      ]);
      // Sub_Total 675 + 750; record tax 1.5 % of (1425 − 25) = 21; Tax = 84.38 + 37.5 + 21.
      expect(record).toMatchObject({
        Sub_Total: 1425,
        Discount: 25,
        $line_tax: [{ name: 'Common Tax', percentage: 1.5, id: ID, value: 21 }],
        Tax: 142.88,
        Adjustment: 10,
        Grand_Total: 1552.88,
      });
    });

    it('numbers quotes with their autonumber field', async () => {
      const first = await create(client, 'Quotes', quote());
      const second = await create(client, 'Quotes', { ...quote(), Subject: 'Next' });
      const [a, b] = [
        await fetchRecord(client, 'Quotes', first),
        await fetchRecord(client, 'Quotes', second),
      ];
      expect(Number(b!.Quote_Number)).toBe(Number(a!.Quote_Number) + 1);
      const ignored = await create(client, 'Quotes', { ...quote(), Subject: 'Forged', Quote_Number: '999' });
      expect((await fetchRecord(client, 'Quotes', ignored))!.Quote_Number).toBe(
        String(Number(b!.Quote_Number) + 1),
      );
    });

    it.each([
      [
        'no line items',
        { Product_Details: [] },
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Product_Details' }),
      ],
      [
        'no product',
        { Product_Details: [{ quantity: 1 }] },
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'product' }),
      ],
      [
        'no quantity',
        { Product_Details: [{ product: 'R' }] },
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'quantity' }),
      ],
      [
        'zero quantity',
        { Product_Details: [{ product: 'R', quantity: 0 }] },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'quantity', expected_data_type: 'double' }),
      ],
      [
        'unknown product',
        { Product_Details: [{ product: '3652397000009999999', quantity: 1 }] },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'product', expected_data_type: 'lookup' }),
      ],
      [
        'unknown tax',
        { Product_Details: [{ product: 'R', quantity: 1, line_tax: [{ name: 'GST' }] }] },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'line_tax' }),
      ],
      [
        'discount over 100 %',
        { Product_Details: [{ product: 'R', quantity: 1, Discount: '120%' }] },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'Discount' }),
      ],
      [
        'negative list price',
        { Product_Details: [{ product: 'R', quantity: 1, list_price: -1 }] },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'list_price', expected_data_type: 'double' }),
      ],
      [
        'unknown record tax',
        { $line_tax: [{ name: 'Nope' }] },
        itemError('INVALID_DATA', 'invalid data', { api_name: '$line_tax' }),
      ],
    ])('rejects %s', async (_case, fields, error) => {
      const withRouter = JSON.parse(JSON.stringify(fields).replace(/"R"/g, JSON.stringify(router)));
      const before = await listAll(client, 'Quotes');
      const res = await client.post(v2('/Quotes'), { data: [{ ...quote(), ...withRouter }] });
      expect([res.status, res.json.data]).toEqual([400, [error]]);
      expect(await listAll(client, 'Quotes')).toEqual(before);
    });

    it('replaces lines on update, keeping the ids of lines sent back with their id', async () => {
      const id = await create(client, 'Quotes', quote());
      const [kept, dropped] = (await fetchRecord(client, 'Quotes', id))!.Product_Details;
      const res = await client.put(v2(`/Quotes/${id}`), {
        data: [
          {
            Product_Details: [
              { id: kept.id, quantity: 4 },
              { product: { id: zswitch }, quantity: 1 },
            ],
            $line_tax: [],
          },
        ],
      });
      expect(res.status).toBe(200);
      const record = await fetchRecord(client, 'Quotes', id);
      const lines = record!.Product_Details;
      expect(lines).toHaveLength(2);
      // The kept line keeps its product, price, discount amount and taxes; only the quantity changes.
      expect(lines[0]).toMatchObject({
        id: kept.id,
        quantity: 4,
        total: 1000,
        Discount: 75,
        total_after_discount: 925,
        Tax: 115.63,
        net_total: 1040.63,
      });
      expect(lines[1]).toMatchObject({
        id: ID,
        quantity: 1,
        list_price: 480,
        total: 480,
        Discount: 0,
        Tax: 0,
      });
      expect([kept.id, dropped.id]).not.toContain(lines[1].id);
      // Sub_Total 925 + 480 = 1405; no record taxes now: Grand_Total = 1405 − 25 + 115.63 + 10.
      expect(record).toMatchObject({ Sub_Total: 1405, $line_tax: [], Tax: 115.63, Grand_Total: 1505.63 });
      const totals = await client.put(v2(`/Quotes/${id}`), { data: [{ Adjustment: -5.5, Discount: 0 }] });
      expect(totals.status).toBe(200);
      expect(await fetchRecord(client, 'Quotes', id)).toMatchObject({
        Sub_Total: 1405,
        Grand_Total: 1515.13,
      });
    });

    it('leaves the record unchanged when a line is invalid or names an unknown line id', async () => {
      const id = await create(client, 'Quotes', quote());
      const before = await fetchRecord(client, 'Quotes', id);
      const bad = await client.put(v2(`/Quotes/${id}`), {
        data: [{ Subject: 'Changed', Product_Details: [{ product: router, quantity: -2 }] }],
      });
      expect(bad.json.data).toEqual([
        itemError('INVALID_DATA', 'invalid data', { api_name: 'quantity', expected_data_type: 'double' }),
      ]);
      const unknownLine = await client.put(v2(`/Quotes/${id}`), {
        data: [{ Product_Details: [{ id: '3652397000009999999', quantity: 1 }] }],
      });
      expect(unknownLine.json.data).toEqual([
        itemError('INVALID_DATA', 'the id given seems to be invalid', { id: '3652397000009999999' }),
      ]);
      expect(await fetchRecord(client, 'Quotes', id)).toEqual(before);
    });

    it('requires a vendor on purchase orders', async () => {
      const res = await client.post(v2('/Purchase_Orders'), {
        data: [{ Subject: 'PO', Product_Details: [{ product: router, quantity: 1 }] }],
      });
      expect(res.json.data).toEqual([
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Vendor_Name' }),
      ]);
    });
  });

  describe('event participants', () => {
    it('resolves contacts, leads and users, and accepts email invitees as the Python SDK sends them', async () => {
      const kris = await idOf(client, 'Contacts', 'Email', 'kris.marrier@king.example.com');
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const id = await create(client, 'Events', {
        Event_Title: 'Kick-off',
        Start_DateTime: '2025-04-01T09:00:00+05:30',
        End_DateTime: '2025-04-01T10:00:00+05:30',
        Participants: [
          { type: 'contact', participant: kris, invited: 'True', status: 'None' },
          { type: 'lead', participant: paul },
          { type: 'user', participant: '3652397000000235017', status: 'accepted' },
          { type: 'email', participant: 'None', name: 'None', Email: 'guest@example.com' },
        ],
      });
      expect((await fetchRecord(client, 'Events', id))!.Participants).toEqual([
        {
          participant: kris,
          type: 'contact',
          name: 'Kris Marrier',
          Email: 'kris.marrier@king.example.com',
          invited: true,
          status: 'not_known',
        },
        {
          participant: paul,
          type: 'lead',
          name: 'Paul Daly',
          Email: 'p.daly@zylker.com',
          invited: false,
          status: 'not_known',
        },
        {
          participant: '3652397000000235017',
          type: 'user',
          name: 'Priya Raman',
          Email: 'priya.raman@zylker.com',
          invited: false,
          status: 'accepted',
        },
        {
          participant: 'guest@example.com',
          type: 'email',
          name: null,
          Email: 'guest@example.com',
          invited: false,
          status: 'not_known',
        },
      ]);
    });

    const event = (participants: unknown) => ({
      Event_Title: 'E',
      Start_DateTime: '2025-04-01T09:00:00+05:30',
      End_DateTime: '2025-04-01T10:00:00+05:30',
      Participants: participants,
    });
    it.each([
      [
        'more than 50',
        Array.from({ length: 51 }, (_, i) => ({ type: 'email', participant: `p${i}@example.com` })),
        itemError('LIMIT_EXCEEDED', 'Only 50 participants can be added to an event.', {
          api_name: 'Participants',
          limit: 50,
        }),
      ],
      [
        'no type',
        [{ participant: 'a@example.com' }],
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'type' }),
      ],
      [
        'no participant',
        [{ type: 'email' }],
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'participant' }),
      ],
      [
        'an unknown type',
        [{ type: 'robot', participant: 'r2' }],
        itemError('INVALID_DATA', 'invalid data', { api_name: 'type' }),
      ],
      [
        'an unknown contact',
        [{ type: 'contact', participant: '3652397000009999999' }],
        itemError('INVALID_DATA', 'invalid data', { api_name: 'participant' }),
      ],
    ])('rejects %s', async (_case, participants, error) => {
      const res = await client.post(v2('/Events'), { data: [event(participants)] });
      expect([res.status, res.json.data]).toEqual([400, [error]]);
    });

    it('takes exactly 50', async () => {
      const res = await client.post(v2('/Events'), {
        data: [
          event(Array.from({ length: 50 }, (_, i) => ({ type: 'email', participant: `p${i}@example.com` }))),
        ],
      });
      expect(res.status).toBe(201);
    });
  });

  describe('price book pricing details', () => {
    it('stores rows with ids and requires all three numbers', async () => {
      const id = await create(client, 'Price_Books', {
        Price_Book_Name: 'Volume',
        Pricing_Model: 'Differential',
        Pricing_Details: [{ from_range: 1, to_range: 50, discount: 2.5 }],
      });
      expect((await fetchRecord(client, 'Price_Books', id))!.Pricing_Details).toEqual([
        { id: ID, from_range: 1, to_range: 50, discount: 2.5 },
      ]);
      const missing = await client.post(v2('/Price_Books'), {
        data: [
          {
            Price_Book_Name: 'Bad',
            Pricing_Model: 'Flat',
            Pricing_Details: [{ from_range: 1, to_range: 5 }],
          },
        ],
      });
      expect(missing.json.data).toEqual([
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'discount' }),
      ]);
      const inverted = await client.post(v2('/Price_Books'), {
        data: [
          {
            Price_Book_Name: 'Bad',
            Pricing_Model: 'Flat',
            Pricing_Details: [{ from_range: 9, to_range: 5, discount: 1 }],
          },
        ],
      });
      expect(inverted.json.data).toEqual([
        itemError('INVALID_DATA', 'invalid data', { api_name: 'to_range' }),
      ]);
    });
  });

  describe('polymorphic parents (What_Id + $se_module)', () => {
    it('links a task to a record of the named module', async () => {
      const id = await create(client, 'Tasks', {
        Subject: 'Call back',
        What_Id: king,
        $se_module: 'accounts',
      });
      expect(await fetchRecord(client, 'Tasks', id)).toMatchObject({
        What_Id: { name: 'King', id: king },
        $se_module: 'Accounts',
      });
      const cleared = await client.put(v2(`/Tasks/${id}`), { data: [{ What_Id: null }] });
      expect(cleared.status).toBe(200);
      expect(await fetchRecord(client, 'Tasks', id)).toMatchObject({ What_Id: null, $se_module: null });
    });

    it.each([
      [
        'without $se_module',
        { What_Id: 'K' },
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: '$se_module' }),
      ],
      [
        'with an unknown module',
        { What_Id: 'K', $se_module: 'Planets' },
        itemError('INVALID_DATA', 'invalid data', { api_name: '$se_module' }),
      ],
      [
        'to a record of another module',
        { What_Id: 'K', $se_module: 'Deals' },
        itemError('INVALID_DATA', 'invalid data', { api_name: 'What_Id', expected_data_type: 'lookup' }),
      ],
    ])('rejects a parent %s', async (_case, fields, error) => {
      const input = JSON.parse(JSON.stringify(fields).replace('"K"', JSON.stringify(king)));
      const res = await client.post(v2('/Calls'), {
        data: [
          {
            Subject: 'C',
            Call_Type: 'Outbound',
            Call_Start_Time: '2025-03-10T15:30:00+05:30',
            Call_Duration: '05:00',
            ...input,
          },
        ],
      });
      expect([res.status, res.json.data]).toEqual([400, [error]]);
    });

    it('revalidates the stored parent when only the module changes', async () => {
      const id = await create(client, 'Tasks', { Subject: 'Move', What_Id: king, $se_module: 'Accounts' });
      const res = await client.put(v2(`/Tasks/${id}`), { data: [{ $se_module: 'Contacts' }] });
      expect(res.json.data).toEqual([
        itemError('INVALID_DATA', 'invalid data', { api_name: 'What_Id', expected_data_type: 'lookup' }),
      ]);
    });
  });

  describe('other computed fields', () => {
    it('derives deal probability from the stage and the expected revenue', async () => {
      const id = await create(client, 'Deals', {
        Deal_Name: 'Calc',
        Stage: 'Value Proposition',
        Amount: 1000,
      });
      expect(await fetchRecord(client, 'Deals', id)).toMatchObject({
        Probability: 40,
        Expected_Revenue: 400,
      });
      await client.put(v2(`/Deals/${id}`), { data: [{ Probability: 55 }] });
      expect(await fetchRecord(client, 'Deals', id)).toMatchObject({
        Stage: 'Value Proposition',
        Probability: 55,
        Expected_Revenue: 550,
      });
      await client.put(v2(`/Deals/${id}`), { data: [{ Stage: 'Closed Won', Amount: 1200 }] });
      expect(await fetchRecord(client, 'Deals', id)).toMatchObject({
        Probability: 100,
        Expected_Revenue: 1200,
      });
    });

    it('keeps Full_Name in step with the name fields and counts call seconds', async () => {
      const id = await create(client, 'Contacts', { First_Name: 'Grace', Last_Name: 'Brewster' });
      await client.put(v2(`/Contacts/${id}`), { data: [{ Last_Name: 'Hopper' }] });
      expect((await fetchRecord(client, 'Contacts', id))!.Full_Name).toBe('Grace Hopper');
      await client.put(v2(`/Contacts/${id}`), { data: [{ First_Name: null }] });
      expect((await fetchRecord(client, 'Contacts', id))!.Full_Name).toBe('Hopper');
      const call = await create(client, 'Calls', {
        Subject: 'C',
        Call_Type: 'Inbound',
        Call_Start_Time: '2025-03-10T15:30:00+05:30',
        Call_Duration: '12:34',
      });
      expect((await fetchRecord(client, 'Calls', call))!.Call_Duration_in_seconds).toBe(754);
    });
  });
});
