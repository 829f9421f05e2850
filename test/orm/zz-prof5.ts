import 'reflect-metadata';
import { Lead } from '../../bench/support/bench-models';
import { openOrmBenchSession } from '../../bench/support/orm-session';
(async () => {
  const s = await openOrmBenchSession();
  await s.admin('POST', 'faults', { path: '/crm/v2/*', delayMs: 100 });
  const t0 = performance.now();
  s.client.pipeline = s.client.pipeline.insertAfter('default-headers', { name: 'x', async handle(req: any, next: any) { const t = performance.now(); const r = await next(req); console.log('call', (t - t0).toFixed(0), (performance.now() - t).toFixed(0), r.status); return r; } });
  const records = Array.from({ length: 1000 }, (_, i) => Lead.create({ lastName: `ORM ${i}`, company: "Zylker" }));
  const res = await Lead.saveMany(records);
  console.log('total', performance.now() - t0, res.filter(r => !r.ok).map(r => !r.ok && r.error.message).slice(0, 3));
  await s.close();
})();
