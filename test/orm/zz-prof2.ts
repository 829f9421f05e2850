import 'reflect-metadata';
import { Invoice } from './support/models';
import { getRepository } from '../../src/orm';
import { plainToInstance } from 'class-transformer';
import { readFileSync } from 'fs';
const line = { product: { Product_Code: null, name: 'Lic', id: '3652397000001000000' }, quantity: 10, Discount: 8, total_after_discount: 72, net_total: 75.6, book: null, Tax: 3.6, list_price: 8, unit_price: 8, quantity_in_stock: null, total: 80, product_description: null, line_tax: [{ name: 'Vat', percentage: 5, id: '3652397000000072001', value: 3.6 }], id: '3652397000001000003' };
const rec: any = {"Owner":{"name":"Patricia Boyle","id":"3652397000000235011","email":"patricia.boyle@zylker.com"},"Created_By":{"name":"Patricia Boyle","id":"3652397000000235011","email":"patricia.boyle@zylker.com"},"Modified_By":{"name":"Patricia Boyle","id":"3652397000000235011","email":"patricia.boyle@zylker.com"},"Created_Time":"2026-11-28T11:26:45+05:30","Modified_Time":"2026-11-28T11:26:45+05:30","Last_Activity_Time":null,"Tag":[],"Subject":"X","Product_Details":[line, line],"Sub_Total":72,"Discount":null,"Tax":3.6,"Adjustment":null,"Grand_Total":75.6,"$line_tax":[],"Terms_and_Conditions":null,"Description":null,"Billing_Street":null,"Status":"Created","Invoice_Number":"1","Account_Name":{"name":"Zylker","id":"3652397000001000001"},"Contact_Name":null,"Due_Date":"2024-09-30","$currency_symbol":"$","$state":"save","$approval":{"delegate":false,"approve":false,"reject":false,"resubmit":false},"id":"3652397000001000002"};
const repo = getRepository(Invoice);
const recs = Array.from({length: 200}, () => JSON.parse(JSON.stringify(rec)));
function cpu(label: string, fn: () => void) {
  for (let w = 0; w < 30; w++) fn();
  const samples: number[] = [];
  for (let k = 0; k < 30; k++) { const c = process.cpuUsage(); fn(); const d = process.cpuUsage(c); samples.push((d.user + d.system) / 1000); }
  samples.sort((a, b) => a - b);
  console.log(label, samples[15].toFixed(2), 'ms cpu per 200');
}
cpu('stub hydrate', () => { for (const r of recs) repo.hydrate(r); });
cpu('plainToInstance full', () => { for (const r of recs) plainToInstance(Invoice, r, { excludeExtraneousValues: true, exposeDefaultValues: true }); });
cpu('JSON.parse 200', () => { JSON.parse(JSON.stringify(recs)); });
