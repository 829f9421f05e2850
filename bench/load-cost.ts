/**
 * What `require('zcrm')` costs an application, measured on the package as users install it (built, packed and
 * installed into an empty project): the modules it loads (target ≤ 150), its load time against
 * `require('axios')`'s (median of fresh processes; target ≤ 4×), and the size of the installed dependency tree.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { packAndInstall, sh } from '../test/support/packed-project';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MAX_MODULES = 150;
const MAX_TIME_RATIO = 4;

/** What one fresh process reports after requiring `specifier`: modules loaded (ours and packages') and ms. */
interface LoadSample {
  modules: number;
  own: number;
  ms: number;
}

// Runs in the child: every module file node loads lands in require.cache, so its size after the require is the
// module count (node's built-ins aside).
const PROBE = `
  const before = new Set(Object.keys(require.cache));
  const start = process.hrtime.bigint();
  require(process.argv[1]);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const loaded = Object.keys(require.cache).filter((file) => !before.has(file));
  const own = loaded.filter((file) => /node_modules[\\\\/]zcrm[\\\\/]/.test(file)).length;
  console.log(JSON.stringify({ modules: loaded.length, own, ms }));`;

function sample(app: string, specifier: string): LoadSample {
  const run = spawnSync(process.execPath, ['-e', PROBE, specifier], { cwd: app, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loading ${specifier} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as LoadSample;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const { work, app } = await packAndInstall();
  try {
    const zcrm: LoadSample[] = [];
    const axios: LoadSample[] = [];
    // Interleaved, so load on the machine weighs on both alike.
    for (let i = 0; i < RUNS; i++) {
      zcrm.push(sample(app, 'zcrm'));
      axios.push(sample(app, 'axios'));
    }
    const zcrmMs = median(zcrm.map((s) => s.ms));
    const axiosMs = median(axios.map((s) => s.ms));
    const ratio = zcrmMs / axiosMs;
    const kib = Number((await sh('du', ['-sk', 'node_modules'], app)).split('\t')[0]);
    const packages = (await sh('npm', ['ls', '--all', '--parseable'], app)).trim().split('\n').length - 1;
    console.log(
      `require('zcrm'): ${zcrm[0].modules} modules (${zcrm[0].own} of zcrm's; target ≤ ${MAX_MODULES}), ` +
        `require('axios'): ${axios[0].modules} modules`,
    );
    console.log(
      `load time, median of ${RUNS} fresh processes: zcrm ${zcrmMs.toFixed(1)} ms, axios ${axiosMs.toFixed(1)} ms, ` +
        `ratio ${ratio.toFixed(2)}× (target ≤ ${MAX_TIME_RATIO}×)`,
    );
    console.log(
      `installed dependency tree: ${(kib / 1024).toFixed(1)} MiB in ${packages} packages ` +
        `(node_modules of an empty project after installing the tarball)`,
    );
    if (zcrm[0].modules > MAX_MODULES || ratio > MAX_TIME_RATIO) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
