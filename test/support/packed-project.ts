/**
 * The package as users get it: `npm run build`'s script into a staging copy, `npm pack`, and the tarball
 * installed into an empty project. Used by the pack test and by `bench/load-cost.ts`.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const ROOT = path.resolve(__dirname, '../..');

/** Runs a command; on failure the error carries its output. */
export async function sh(
  file: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  try {
    const { stdout } = await exec(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

export interface PackedProject {
  /** The temporary folder holding the staging copy, the tarball and the app (remove it when done). */
  work: string;
  tarball: string;
  /** The empty project the tarball is installed in. */
  app: string;
}

/**
 * Builds, packs and installs zcrm into a new empty project. The install runs offline from the npm cache where
 * it can, and without install scripts: the one package that has one, better-sqlite3, gets the native build of
 * this checkout's copy (same version), since compiling SQLite again takes minutes and tests nothing of ours.
 */
export async function packAndInstall(): Promise<PackedProject> {
  const work = mkdtempSync(path.join(tmpdir(), 'zcrm-pack-'));
  const stage = path.join(work, 'stage');
  // The build goes to a staging copy, so the checkout's dist/ is left alone.
  await sh(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), path.join(stage, 'dist')], ROOT);
  for (const file of ['package.json', 'README.md', 'LICENSE'])
    cpSync(path.join(ROOT, file), path.join(stage, file));
  await sh('npm', ['pack', '--pack-destination', work, '--silent'], stage);
  const tarball = path.join(
    work,
    readdirSync(work).find((f) => f.endsWith('.tgz'))!,
  );

  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true }),
  );
  await sh(
    'npm',
    [
      'install',
      tarball,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--ignore-scripts',
    ],
    app,
  );
  const sqlite = (root: string): string => path.join(root, 'node_modules/better-sqlite3');
  const version = (dir: string): string =>
    (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (
    existsSync(path.join(sqlite(ROOT), 'build/Release')) &&
    version(sqlite(ROOT)) === version(sqlite(app))
  ) {
    const release = path.join(sqlite(app), 'build/Release');
    mkdirSync(release, { recursive: true });
    cpSync(
      path.join(sqlite(ROOT), 'build/Release/better_sqlite3.node'),
      path.join(release, 'better_sqlite3.node'),
    );
  } else {
    await sh('npm', ['rebuild', 'better-sqlite3', '--loglevel=error'], app);
  }
  return { work, tarball, app };
}
