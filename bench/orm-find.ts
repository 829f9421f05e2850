/**
 * `Invoice.find({ take: 200 })` (request through the zcrm pipeline, then hydrate every record into an
 * `Invoice` with its line items, and validate each with class-validator) against a raw axios GET of the same
 * page plus `JSON.parse`. The emulator runs in its own process. Prints the median of each and their ratio
 * (target ≤ 1.3×).
 */
import http from 'node:http';
import axios from 'axios';
import { validate } from 'class-validator';
import { LineItem } from '../src/orm';
import { Account, Invoice, Product } from './support/bench-models';
import { median, openOrmBenchSession } from './support/orm-session';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const RECORDS = 200;

async function main(): Promise<void> {
  const session = await openOrmBenchSession();
  try {
    const account = await Account.create({ name: 'Zylker' }).save();
    const product = await Product.create({ name: 'Licence', unitPrice: 8 }).save();
    const invoices = Array.from({ length: RECORDS }, (_, i) => {
      const invoice = Invoice.create({
        subject: `Invoice ${i}`,
        status: 'Created',
        dueDate: '2024-09-30',
        account: Account.ref(account.id!),
      });
      invoice.lines.push(
        new LineItem({
          product: product.id!,
          quantity: 10 + i,
          listPrice: 8,
          discount: '10%',
          taxes: [{ name: 'Vat', percentage: 5 }],
        }),
      );
      invoice.lines.push(new LineItem({ product: product.id!, quantity: 1, description: 'Support' }));
      return invoice;
    });
    const saved = await Invoice.saveMany(invoices, { reload: false });
    if (saved.some((r) => !r.ok)) throw new Error('seeding failed');

    const query = Invoice.compile({ take: RECORDS });
    const url = `${session.emulator.url}/crm/v2/${query.path}?${new URLSearchParams(Object.entries(query.params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    const raw = axios.create({
      httpAgent: new http.Agent({ keepAlive: true }),
      responseType: 'text',
      transformResponse: (d: unknown) => d,
    });
    const headers = { Authorization: `Zoho-oauthtoken ${session.token}` };

    const runs: Record<string, () => Promise<number>> = {
      'raw axios GET + JSON.parse': async () => {
        const res = await raw.get<string>(url, { headers });
        return (JSON.parse(res.data) as { data: unknown[] }).data.length;
      },
      'Invoice.find (hydrate + validate)': async () => {
        const found = await Invoice.find({ take: RECORDS });
        for (const invoice of found) {
          const errors = await validate(invoice, { forbidUnknownValues: false });
          if (errors.length > 0) throw new Error('unexpected validation errors');
        }
        return found.length;
      },
    };
    for (const run of Object.values(runs))
      for (let i = 0; i < 10; i++) if ((await run()) !== RECORDS) throw new Error('short page');
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, run] of Object.entries(runs)) {
        const started = performance.now();
        await run();
        samples[name].push(performance.now() - started);
      }
    }
    const [rawName, ormName] = Object.keys(runs);
    const rawMs = median(samples[rawName]);
    const ormMs = median(samples[ormName]);
    console.log(`${RECORDS} invoices (2 line items each), median of ${ROUNDS} rounds`);
    console.log(`  ${rawName}: ${rawMs.toFixed(2)} ms`);
    console.log(`  ${ormName}: ${ormMs.toFixed(2)} ms`);
    console.log(`  ratio: ${(ormMs / rawMs).toFixed(2)}x (target <= 1.3x)`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
