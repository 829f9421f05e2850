/**
 * The Python SDK README's first sample in TypeScript: create two invoices, each with a line item that has a
 * discount and a tax, in one `createRecords` call, then print each record's result.
 *
 *   npx ts-node examples/create-invoices.ts          # against an embedded emulator
 *   ZCRM_CLIENT_ID=… ZCRM_PRODUCT_ID=… ZCRM_ACCOUNT_ID=… npx ts-node examples/create-invoices.ts   # a real account
 */
import {
  BulkAPIResponse,
  ZCRMInventoryLineItem,
  ZCRMModule,
  ZCRMRecord,
  ZCRMTax,
  ZCRMUser,
  ZCRMException,
} from 'zcrm';
import { openSession } from './support/example-session';

/** What the sample works with: a product to sell, an account to bill and the invoices' owner. */
export interface InvoiceInputs {
  productId: string;
  accountId: string;
  ownerId?: string;
}

/** The sample itself: two invoices, one line item each (100 × 8.00, discount 10, tax "Vat" at 5 %). */
export async function createInvoices(
  inputs: InvoiceInputs,
  log: (line: string) => void = console.log,
): Promise<BulkAPIResponse<ZCRMRecord>> {
  const records: ZCRMRecord[] = [];
  for (let i = 0; i < 2; i++) {
    const record = ZCRMRecord.getInstance('Invoices'); // module API name
    record.setFieldValue('Subject', `Invoice${i}`);
    record.setFieldValue('Account_Name', ZCRMRecord.getInstance('Accounts', inputs.accountId));
    if (inputs.ownerId) record.setFieldValue('Owner', ZCRMUser.getInstance(inputs.ownerId));
    const lineItem = ZCRMInventoryLineItem.getInstance(ZCRMRecord.getInstance('Products', inputs.productId));
    lineItem.discount = 10;
    lineItem.listPrice = 8;
    lineItem.description = 'Product Description';
    lineItem.quantity = 100;
    const tax = ZCRMTax.getInstance('Vat');
    tax.percentage = 5;
    lineItem.lineTax.push(tax);
    record.addLineItem(lineItem);
    records.push(record);
  }
  const response = await ZCRMModule.getInstance('Invoices').createRecords(records);
  log(`status: ${response.statusCode}`);
  for (const entityResponse of response.bulkEntityResponse) {
    log(
      `${entityResponse.status} ${entityResponse.code}: ${entityResponse.message} ${JSON.stringify(entityResponse.details)}`,
    );
    const record = entityResponse.data;
    if (entityResponse.isSuccess && record) {
      log(
        `  id ${record.entityId}, created by ${record.createdBy?.id} at ${record.createdTime}, modified by ${record.modifiedBy?.id}`,
      );
    }
  }
  return response;
}

/** Finds a product and an account to use on the emulator (or takes them from `ZCRM_PRODUCT_ID`/`ZCRM_ACCOUNT_ID`). */
export async function pickInputs(env: NodeJS.ProcessEnv = process.env): Promise<InvoiceInputs> {
  if (env.ZCRM_PRODUCT_ID && env.ZCRM_ACCOUNT_ID) {
    return { productId: env.ZCRM_PRODUCT_ID, accountId: env.ZCRM_ACCOUNT_ID, ownerId: env.ZCRM_OWNER_ID };
  }
  const product = (await ZCRMModule.getInstance('Products').getRecords({ perPage: 1 })).data[0];
  const account = (await ZCRMModule.getInstance('Accounts').getRecords({ perPage: 1 })).data[0];
  if (!product?.entityId || !account?.entityId)
    throw new Error('The org needs at least one product and one account');
  return { productId: product.entityId, accountId: account.entityId, ownerId: account.owner?.id };
}

async function main(): Promise<void> {
  const session = await openSession();
  try {
    console.log(`Creating two invoices on ${session.target}`);
    await createInvoices(await pickInputs());
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
