import { mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Transpiles the repository's TypeScript (`src`, `decorators`, `bench`, and `test/support`, which benches share) to CommonJS JavaScript under `outDir`,
 * file by file (as `isolatedModules` allows), keeping decorator metadata. For benchmarks that measure a
 * process's memory: `ts-node` keeps the TypeScript compiler (well over 100 MB) in the process it runs.
 * Run the output with `NODE_PATH` set to the repository's `node_modules` (see {@link nodePathEnv}).
 */
export function transpileRepository(outDir: string): void {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  for (const dir of ['src', 'decorators', 'bench', 'test/support']) {
    for (const file of walk(path.join(ROOT, dir))) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { ...options, sourceMap: false, declaration: false, noEmit: false },
        fileName: file,
      });
      const target = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
  }
}

/** The environment that lets transpiled files outside the repository resolve its dependencies. */
export function nodePathEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield full;
  }
}
