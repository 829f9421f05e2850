import 'reflect-metadata';
import { Lead } from '../../bench/support/bench-models';
import { openOrmBenchSession } from '../../bench/support/orm-session';
(async () => {
  const s = await openOrmBenchSession();
  await s.admin('POST', 'faults', { path: '/crm/v2/*', delayMs: 100 });
  for (let k = 0; k < 2; k++) {
  const records = Array.from({ length: 10000 }, (_, i) => Lead.create({ lastName: `ORM ${i}`, company: 'Zylker', description: 'x' }));
  const c = process.cpuUsage();
  const t0 = performance.now();
  const res = await Lead.saveMany(records);
  const d = process.cpuUsage(c);
  console.log('total', performance.now() - t0, 'client cpu', (d.user + d.system) / 1000, res.filter(r => !r.ok).length);
  }
  await s.close();
})();
