import { startEmulatorProcess } from '../../bench/support/emulator-process';
import { spawnSync } from 'child_process';
(async () => {
  const em = await startEmulatorProcess(['--edition', 'ultimate', '--seed', '/tmp/orm1/seed.json']);
  await em.setLimits({ creditsPerDay: 100000000, resetCredits: true });
  for (const n of ['6000', '0']) {
    const r = spawnSync(process.execPath, ['/tmp/orm1/b/bench/orm-iterate-memory.js', 'reader', em.url, em.clientId, em.clientSecret, n], { env: { ...process.env, TRACE: '1', NODE_PATH: '/work/main/node_modules' }, encoding: 'utf8' });
    console.log(n, r.stdout.trim(), r.stderr.trim().split('\n').filter((_, i) => i % 6 === 0).join(' | '));
  }
  await em.stop();
})();
