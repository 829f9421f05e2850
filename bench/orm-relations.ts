/**
 * `Invoice.find({ relations: { account: true } })` (the accounts read by id, 100 per call) against the N+1
 * way (`find`, then `invoice.account.load()` for each invoice), 200 invoices over `BENCH_ACCOUNTS` accounts
 * (default 150), with 100 ms of emulator latency on every CRM call. Prints the CRM calls each way counted in
 * the emulator's request log (target for relations: ≤ 1 + ⌈distinct accounts / 100⌉) and the median times
 * and their ratio.
 */
import { LineItem } from '../src/orm';
import { Account, Invoice, Product } from './support/bench-models';
import { median, openOrmBenchSession } from './support/orm-session';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const INVOICES = 200;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 150);
const LATENCY_MS = 100;

async function main(): Promise<void> {
  const session = await openOrmBenchSession();
  try {
    const made = await Account.saveMany(
      Array.from({ length: ACCOUNTS }, (_, i) => Account.create({ name: `Account ${i}` })),
    );
    if (made.some((r) => !r.ok)) throw new Error('seeding accounts failed');
    const product = await Product.create({ name: 'Licence', unitPrice: 8 }).save();
    const invoices = Array.from({ length: INVOICES }, (_, i) => {
      const invoice = Invoice.create({
        subject: `Invoice ${i}`,
        account: Account.ref(made[i % ACCOUNTS].record.id!),
      });
      invoice.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
      return invoice;
    });
    const saved = await Invoice.saveMany(invoices, { reload: false });
    if (saved.some((r) => !r.ok)) throw new Error('seeding invoices failed');

    const crmCalls = async (): Promise<number> =>
      ((await session.admin('GET', 'requests?path=/crm/v2/*')) as { requests: unknown[] }).requests.length;
    const runs: Record<string, () => Promise<number>> = {
      'find + account.load() per invoice (N+1)': async () => {
        const found = await Invoice.find({ take: INVOICES });
        let names = 0;
        for (const invoice of found) if ((await invoice.account!.load()).name) names++;
        return names;
      },
      'find({ relations: { account: true } })': async () => {
        const found = await Invoice.find({ take: INVOICES, relations: { account: true } });
        return found.filter((invoice) => invoice.account?.name).length;
      },
    };

    await session.admin('POST', 'faults', { path: '/crm/v2/*', delayMs: LATENCY_MS });
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
    const calls: Record<string, number> = {};
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, run] of Object.entries(runs)) {
        await session.admin('DELETE', 'requests');
        const started = performance.now();
        if ((await run()) !== INVOICES) throw new Error(`${name}: not every account was read`);
        samples[name].push(performance.now() - started);
        calls[name] = await crmCalls();
      }
    }
    const [naive, batched] = Object.keys(runs);
    const distinct = Math.min(ACCOUNTS, INVOICES);
    const budget = 1 + Math.ceil(distinct / 100);
    console.log(
      `${INVOICES} invoices over ${distinct} accounts, +${LATENCY_MS} ms per CRM call, median of ${ROUNDS} rounds`,
    );
    for (const name of [naive, batched])
      console.log(`  ${name}: ${calls[name]} CRM calls, ${median(samples[name]).toFixed(0)} ms`);
    console.log(
      `  relations: ${calls[batched]} calls (target ≤ ${budget}: ${calls[batched] <= budget ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  ratio N+1 / relations: ${(median(samples[naive]) / median(samples[batched])).toFixed(1)}×`,
    );
    if (calls[batched] > budget) process.exitCode = 1;
  } finally {
    await session.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
