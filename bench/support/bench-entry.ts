import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * Benches that measure a reader in a process of its own (peak RSS): the script runs `main` in the parent,
 * which transpiles the repository once and forks the script's JavaScript copy with the argument `reader`.
 * The TypeScript compiler is required lazily, so the measured child never holds it.
 */
type Transpile = typeof import('./transpile');

/** Runs a bench script: `main` in the parent process, or `reader` in a child forked by {@link runReader}. */
export function runBench(main: () => Promise<void>, reader: () => Promise<void>): void {
  if (process.argv[2] === 'reader') {
    reader().catch((error: unknown) => {
      console.error(error);
      // The client's keep-alive sockets would hold the process (and the parent waiting for it) open.
      process.exit(1);
    });
  } else {
    main().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}

/** Writes plain JavaScript of the repository into `buildDir`, for {@link runReader}. */
export function transpileForReaders(buildDir: string): void {
  (require('./transpile') as Transpile).transpileRepository(buildDir); // eslint-disable-line @typescript-eslint/no-require-imports
}

/**
 * Runs `bench/<bench>.js` of the transpiled copy as a reader with `args`, and resolves with the JSON report
 * it prints last.
 */
export function runReader<T>(buildDir: string, bench: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = path.join(buildDir, 'bench', `${bench}.js`);
    const { nodePathEnv } = require('./transpile') as Transpile; // eslint-disable-line @typescript-eslint/no-require-imports
    const child = spawn(process.execPath, [script, 'reader', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: nodePathEnv(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`reader exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
    });
  });
}
