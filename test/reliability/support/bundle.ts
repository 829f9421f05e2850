import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const bundles = new Map<string, string>();

/**
 * Bundles a TypeScript entry point of the tests (and the repository sources it imports) into one JavaScript
 * file, packages left as `require`s. A forked child then starts in tens of milliseconds, where ts-node would
 * spend seconds compiling in every process. Bundles are made once per test process.
 */
export function bundleScript(entry: string): string {
  const cached = bundles.get(entry);
  if (cached) return cached;
  const outfile = join(mkdtempSync(join(tmpdir(), 'zcrm-bundle-')), basename(entry).replace(/\.ts$/, '.js'));
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    absWorkingDir: ROOT,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  bundles.set(entry, outfile);
  return outfile;
}

/** The environment that lets a bundle outside the repository resolve the repository's packages. */
export function bundleEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), ...extra };
}
