import { In } from '../../../src/query';
import { LineItem, Ref } from './zcrm-runtime';
import { Account, Invoice, Lead, Product } from './index';

const lead = Lead.create({ lastName: 'Rivera', leadStatus: 'Contacted' });
lead.leadStatus = 'A status the org does not have yet';
// @ts-expect-error a picklist holds strings
lead.leadStatus = 42;
// @ts-expect-error no such field
lead.nonexistent = 1;
const invoice = new Invoice();
// @ts-expect-error read-only fields cannot be assigned
invoice.grandTotal = 3;
invoice.lines.push(new LineItem({ product: '1', quantity: 1 }));
const account: Ref<Account> | null | undefined = invoice.accountName;
const product = new Product();
product.tax = ['Vat', 'Another tax'];
// @ts-expect-error a multi-select picklist is an array
product.tax = 'Vat';
export const query = (): Promise<Lead[]> => Lead.find({ where: { leadStatus: In(['Contacted']) } });
export { account };
