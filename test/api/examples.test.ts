/**
 * The two README samples in examples/ run against the emulator: in process (asserting what they created and
 * printed) and as standalone scripts (each starting its own embedded emulator).
 */
import { createInvoices, pickInputs } from '../../examples/create-invoices';
import { describeValue, listProducts } from '../../examples/list-products';
import { openSession, ExampleSession } from '../../examples/support/example-session';
import { ZCRMModule, ZCRMRecord } from '../../src/api';
import { runTs } from '../support/child-processes';

describe('examples in process', () => {
  let session: ExampleSession;
  beforeAll(async () => {
    session = await openSession({});
  });
  afterAll(async () => {
    await session.close();
  });

  it('create-invoices creates two invoices with a discounted, taxed line item', async () => {
    const lines: string[] = [];
    const inputs = await pickInputs({});
    const response = await createInvoices(inputs, (line) => lines.push(line));
    expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'success']);
    expect(lines.filter((l) => l.startsWith('success SUCCESS: record added'))).toHaveLength(2);
    const invoice = (await ZCRMModule.getInstance('Invoices').getRecord(response.data[0].entityId!)).data!;
    expect(invoice.getFieldValue('Subject')).toBe('Invoice0');
    expect((invoice.getFieldValue('Account_Name') as ZCRMRecord).entityId).toBe(inputs.accountId);
    expect(invoice.lineItems).toHaveLength(1);
    const item = invoice.lineItems[0];
    expect(item.product!.entityId).toBe(inputs.productId);
    expect(item).toMatchObject({
      quantity: 100,
      listPrice: 8,
      discount: 10,
      total: 800,
      totalAfterDiscount: 790,
      description: 'Product Description',
    });
    expect(item.lineTax.map((t) => [t.name, t.percentage, t.value])).toEqual([['Vat', 5, 39.5]]);
    expect(item.netTotal).toBe(829.5);
  });

  it('list-products prints every product with its fields, lookups by label', async () => {
    const lines: string[] = [];
    const response = await listProducts((line) => lines.push(line));
    expect(response.data.length).toBeGreaterThanOrEqual(3);
    expect(lines).toContain('  Product_Name: Zylker Router ZR-100');
    expect(lines.some((l) => /^ {2}Vendor_Name: Feltz Printing Service \(Vendors \d+\)$/.test(l))).toBe(true);
    expect(lines).toContain('  Tax: Vat');
    expect(describeValue(['a', 1])).toBe('[a, 1]');
  });
});

/** Runs an example as its own process without any ZCRM_* configuration. */
async function runExample(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = runTs(script);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('examples as scripts', () => {
  it('create-invoices.ts runs against its embedded emulator', async () => {
    const { code, stdout, stderr } = await runExample('examples/create-invoices.ts');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Creating two invoices on the embedded emulator/);
    expect(stdout.match(/success SUCCESS: record added/g)).toHaveLength(2);
  }, 60_000);

  it('list-products.ts runs against its embedded emulator', async () => {
    const { code, stdout, stderr } = await runExample('examples/list-products.ts');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Product_Name: Zylker Switch ZS-24/);
  }, 60_000);
});
