import { startOrmEmulator, OrmFixture } from './support/orm-emulator';
import { Account, Invoice, Product } from './support/models';
import { LineItem } from '../../src/orm';
import { validate } from 'class-validator';
import { getRepository } from '../../src/orm';

let fx: OrmFixture;
beforeAll(async () => { fx = await startOrmEmulator(); });
afterAll(async () => fx?.stop());

test('perf', async () => {
  const acc = await Account.create({ name: 'Zylker' }).save();
  const prod = await Product.create({ name: 'Licence', unitPrice: 8 }).save();
  const invs = Array.from({ length: 200 }, (_, i) => {
    const inv = Invoice.create({ subject: `Inv ${i}`, account: Account.ref(acc.id!), status: 'Created', dueDate: '2024-09-30' });
    inv.lines.push(new LineItem({ product: prod.id!, quantity: 100, listPrice: 8, discount: '10%', taxes: [{ name: 'Vat', percentage: 5 }] }));
    inv.lines.push(new LineItem({ product: prod.id!, quantity: 10, listPrice: 8 }));
    return inv;
  });
  let t = performance.now();
  const res = await Invoice.saveMany(invs, { reload: false });
  console.log('saveMany', performance.now() - t, res.filter(r => !r.ok).length);
  const raw = await fx.client.request<any>({ path: 'Invoices', params: { per_page: 200 } });
  const rows = raw.data.data;
  console.log('json size', JSON.stringify(raw.data).length);
  const repo = getRepository(Invoice);
  for (let k = 0; k < 5; k++) {
    t = performance.now();
    const recs = rows.map((j: any) => repo.hydrate(j));
    const t1 = performance.now();
    for (const r of recs) await validate(r);
    const t2 = performance.now();
    const s = JSON.parse(JSON.stringify(raw.data));
    const t3 = performance.now();
    console.log('hydrate', t1 - t, 'validate', t2 - t1, 'parse', t3 - t2);
  }
  for (let k = 0; k < 3; k++) {
    t = performance.now();
    await Invoice.find({ take: 200 });
    const t1 = performance.now();
    await fx.client.request<any>({ path: 'Invoices', params: { per_page: 200 } });
    console.log('find', t1 - t, 'raw', performance.now() - t1);
  }
});
