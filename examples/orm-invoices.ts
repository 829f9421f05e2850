/**
 * The ORM end to end, on the issue's `Invoice` model: declare models with decorators, create an invoice with
 * a discounted, taxed line item, save it (then save only a change), query open invoices, and work with its
 * notes, attachments and tags.
 *
 *   npx ts-node examples/orm-invoices.ts          # against an embedded emulator
 *   ZCRM_CLIENT_ID=… npx ts-node examples/orm-invoices.ts   # a real account (see examples/support/example-session.ts);
 *                                                            # ZCRM_ACCOUNT_ID / ZCRM_PRODUCT_ID pick the records to use
 */
import 'reflect-metadata';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IsNotEmpty } from 'class-validator';
import { CrmModule, Field, LineItems, Lookup } from 'zcrm/decorators';
import { CrmRecord, In, LineItem, MoreThan, Ref, ZCRMException } from 'zcrm';
import { openSession } from './support/example-session';

@CrmModule('Accounts')
export class Account extends CrmRecord {
  @Field('Account_Name') @IsNotEmpty() name!: string;
}

@CrmModule('Products')
export class Product extends CrmRecord {
  @Field('Product_Name') @IsNotEmpty() name!: string;
  @Field('Unit_Price', { type: 'currency' }) unitPrice?: number;
}

@CrmModule('Invoices')
export class Invoice extends CrmRecord {
  @Field('Subject') @IsNotEmpty() subject!: string;
  @Field('Status', { type: 'picklist' }) status?: 'Created' | 'Approved' | (string & {});
  @Field('Due_Date', { type: 'date' }) dueDate?: string; // date fields stay 'YYYY-MM-DD', no time-zone shift
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
  @LineItems() lines: LineItem[] = [];
  @Field('Grand_Total', { readonly: true, type: 'currency' }) grandTotal?: number;
}

/** What the example made, for callers that check it (the tests). */
export interface OrmInvoicesResult {
  invoice: Invoice;
  openInvoices: Invoice[];
  attachmentBytesMatch: boolean;
}

/** Picks the account and product to invoice: from `ZCRM_ACCOUNT_ID`/`ZCRM_PRODUCT_ID`, else the first of each. */
async function pickRecords(env: NodeJS.ProcessEnv): Promise<{ accountId: string; productId: string }> {
  const account = env.ZCRM_ACCOUNT_ID ? { id: env.ZCRM_ACCOUNT_ID } : await Account.findOne();
  const product = env.ZCRM_PRODUCT_ID ? { id: env.ZCRM_PRODUCT_ID } : await Product.findOne();
  if (!account?.id || !product?.id) throw new Error('The org needs at least one account and one product');
  return { accountId: account.id, productId: product.id };
}

/** The example itself, on the process-wide client (`ZCRMRestClient.initialize`). */
export async function ormInvoices(
  log: (line: string) => void = console.log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OrmInvoicesResult> {
  const { accountId, productId } = await pickRecords(env);

  // A new invoice: nothing is sent until save(); class-validator runs first.
  const inv = Invoice.create({
    subject: 'Q3 licences',
    account: Account.ref(accountId),
    dueDate: '2025-09-30',
  });
  inv.lines.push(
    new LineItem({
      product: productId,
      quantity: 100,
      listPrice: 8,
      discount: '10%',
      description: 'Licences',
      taxes: [{ name: 'Vat', percentage: 5 }],
    }),
  );
  await inv.save(); // insert; the id, system fields and Zoho's totals are on the instance afterwards
  log(`saved invoice ${inv.id}: "${inv.subject}", grand total ${inv.grandTotal}, due ${inv.dueDate}`);
  const line = inv.lines[0];
  log(
    `  line: ${line.quantity} × ${line.listPrice}, total ${line.total}, after discount ${line.totalAfterDiscount}, net ${line.netTotal}`,
  );

  inv.status = 'Approved';
  await inv.save(); // an update sending only the changed field
  log(`approved invoice ${inv.id}`);

  // A typed query: compiled to list parameters, search criteria or COQL, whichever can run it.
  const query = {
    where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(700) },
    order: { createdTime: 'DESC' as const },
    take: 50,
  };
  const compiled = Invoice.compile(query);
  log(`query (${compiled.backend}): ${compiled.text}`);
  const openInvoices = await Invoice.find(query);
  const found = openInvoices.find((i) => i.id === inv.id);
  log(
    `open invoices over 700: ${openInvoices.length}, this one among them: ${found ? `yes (${found.status})` : 'no'}`,
  );

  // Notes, attachments and tags of the saved record.
  await inv.addNote({ title: 'Sent', content: 'Mailed to finance' });
  for (const note of await inv.notes()) log(`note ${note.id}: ${note.title} — ${note.content}`);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-orm-example-'));
  let attachmentBytesMatch = false;
  try {
    const pdf = path.join(dir, 'q3.pdf');
    await writeFile(pdf, '%PDF-1.4\n% Q3 licences invoice\n%%EOF\n');
    const attachment = await inv.attach(pdf); // a path, a Buffer or a stream
    log(`attached ${attachment.fileName} as ${attachment.id}`);
    for (const a of await inv.attachments()) log(`attachment ${a.id}: ${a.fileName}, ${a.size} bytes`);
    const copy = await inv.downloadAttachment(attachment, path.join(dir, 'copy.pdf'));
    attachmentBytesMatch = (await readFile(copy.path!)).equals(await readFile(pdf));
    log(
      `downloaded ${copy.fileName} (${copy.contentType}): ${attachmentBytesMatch ? 'identical' : 'DIFFERENT'}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const tags = await inv.addTags(['q3', 'licences']);
  log(`tags: ${[...tags].sort().join(', ')}`);
  return { invoice: inv, openInvoices, attachmentBytesMatch };
}

async function main(): Promise<void> {
  const session = await openSession();
  try {
    console.log(`Running the ORM invoice example on ${session.target}`);
    await ormInvoices();
  } catch (error) {
    if (!(error instanceof ZCRMException)) throw error;
    console.error(
      `${error.statusCode} ${error.errorCode}: ${error.errorMessage} ${JSON.stringify(error.errorDetails)}`,
    );
    process.exitCode = 1;
  } finally {
    await session.close();
  }
}

if (require.main === module) void main();
