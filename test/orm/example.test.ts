/**
 * examples/orm-invoices.ts runs against the emulator: in process (asserting what it stored and printed) and as
 * a standalone script starting its own embedded emulator.
 */
import { Invoice, ormInvoices } from '../../examples/orm-invoices';
import { ExampleSession, openSession } from '../../examples/support/example-session';
import { runTs } from '../support/child-processes';

describe('examples/orm-invoices.ts in process', () => {
  let session: ExampleSession;
  beforeAll(async () => {
    session = await openSession({});
  });
  afterAll(() => session.close());

  it('saves the invoice with its taxed line, queries it, and adds a note, an attachment and tags', async () => {
    const lines: string[] = [];
    const { invoice, openInvoices, attachmentBytesMatch } = await ormInvoices((line) => lines.push(line), {});
    expect(invoice).toBeInstanceOf(Invoice);
    expect(invoice.id).toMatch(/^\d+$/);
    expect(invoice.grandTotal).toBe(756);
    expect(openInvoices.every((i) => i instanceof Invoice)).toBe(true);
    expect(openInvoices.map((i) => i.id)).toContain(invoice.id);
    expect(attachmentBytesMatch).toBe(true);

    // What Zoho has, read with raw requests (not through the ORM).
    const client = session.client;
    const stored = (
      await client.request<{ data: Array<Record<string, any>> }>({ path: `Invoices/${invoice.id}` })
    ).data!.data[0];
    expect(stored).toMatchObject({
      Subject: 'Q3 licences',
      Status: 'Approved',
      Due_Date: '2025-09-30',
      Grand_Total: 756,
    });
    expect(stored.Product_Details).toHaveLength(1);
    expect(stored.Product_Details[0]).toMatchObject({
      quantity: 100,
      list_price: 8,
      total: 800,
      net_total: 756,
    });
    expect(stored.Product_Details[0].line_tax).toEqual([
      expect.objectContaining({ name: 'Vat', percentage: 5 }),
    ]);
    expect(stored.Tag.map((t: { name: string }) => t.name).sort()).toEqual(['licences', 'q3']);
    const notes = (
      await client.request<{ data: Array<Record<string, any>> }>({ path: `Invoices/${invoice.id}/Notes` })
    ).data!.data;
    expect(notes.map((n) => [n.Note_Title, n.Note_Content])).toEqual([['Sent', 'Mailed to finance']]);
    const files = (
      await client.request<{ data: Array<Record<string, any>> }>({
        path: `Invoices/${invoice.id}/Attachments`,
      })
    ).data!.data;
    expect(files.map((f) => f.File_Name)).toEqual(['q3.pdf']);

    expect(lines).toEqual([
      `saved invoice ${invoice.id}: "Q3 licences", grand total 756, due 2025-09-30`,
      '  line: 100 × 8, total 800, after discount 720, net 756',
      `approved invoice ${invoice.id}`,
      expect.stringMatching(
        /^query \(coql\): select .* from Invoices where \(Status in \('Created', 'Approved'\) and Grand_Total > 700\) order by Created_Time desc limit 50$/,
      ),
      expect.stringMatching(/^open invoices over 700: \d+, this one among them: yes \(Approved\)$/),
      expect.stringMatching(/^note \d+: Sent — Mailed to finance$/),
      expect.stringMatching(/^attached q3\.pdf as \d+$/),
      expect.stringMatching(/^attachment \d+: q3\.pdf, 37 bytes$/),
      'downloaded q3.pdf (application/x-download): identical',
      'tags: licences, q3',
    ]);
  });
});

describe('examples/orm-invoices.ts as a script', () => {
  it('runs against its embedded emulator', async () => {
    const run = runTs('examples/orm-invoices.ts');
    const code = await run.exited;
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    expect(run.stdout()).toMatch(
      /^Running the ORM invoice example on the embedded emulator at http:\/\/127\.0\.0\.1:\d+$/m,
    );
    expect(run.stdout()).toMatch(/grand total 756/);
    expect(run.stdout()).toMatch(/downloaded q3\.pdf \(application\/x-download\): identical/);
    expect(run.stdout()).toMatch(/^tags: licences, q3$/m);
  }, 60_000);
});
