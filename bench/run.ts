/**
 * `npm run bench`: runs every benchmark, one after another, each in its own process (so one benchmark's warm
 * caches or leftover handles cannot flatter or slow the next). Every top-level `.ts` file here except this one
 * is a benchmark; helpers live in subfolders.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const scripts = readdirSync(__dirname)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== 'run.ts')
  .sort();

let failures = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const run = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, script)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    failures++;
    console.error(`${script} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
