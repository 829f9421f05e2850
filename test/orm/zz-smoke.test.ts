import { startOrmEmulator, OrmFixture } from './support/orm-emulator';
import { Account, Invoice, Product } from './support/models';
import { LineItem } from '../../src/orm';
import { In, MoreThan } from '../../src/query';

let fx: OrmFixture;
beforeAll(async () => { fx = await startOrmEmulator(); });
afterAll(async () => fx?.stop());

test('smoke', async () => {
  const acc = Account.create({ name: 'Zylker' });
  await acc.save();
  expect(acc.id).toMatch(/^\d+$/);
  const prod = await Product.create({ name: 'Licence', unitPrice: 8 }).save();
  const inv = Invoice.create({ subject: 'Q3 licences', account: Account.ref(acc.id!) });
  inv.lines.push(new LineItem({ product: prod.id!, quantity: 100, listPrice: 8, discount: '10%', description: 'Licences', taxes: [{ name: 'Vat', percentage: 5 }] }));
  await inv.save();
  console.log(JSON.stringify(inv, null, 1));
  const open = await Invoice.find({ where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(100) }, order: { createdTime: 'DESC' }, take: 50 });
  console.log(open.length, Invoice.compile({ where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(100) }, order: { createdTime: 'DESC' }, take: 50 }).text);
  const all = await Invoice.find();
  console.log(all.length, all[0].lines.length, all[0].grandTotal, all[0].account?.name);
  all[0].status = 'Approved';
  await fx.clearLog();
  await all[0].save();
  console.log(await fx.crmCalls());
});
