// `npm run build`: tsc emits the JavaScript and the type declarations, then esbuild bundles the emitted
// JavaScript per entry point, so `require('zcrm')` reads two files of ours rather than hundreds (the bench
// `bench/load-cost.ts` measures it). Usage: `node scripts/build.mjs [outDir]` (default `dist`).
//
// Layout of outDir after the build:
//   src/zcrm.js                 every module of the root, `zcrm/decorators` and the CLI, in one bundle, so
//                               that the entries share one model registry and one set of classes
//   src/index.js                `zcrm`: the bundle's `root`
//   decorators/index.js         `zcrm/decorators`: the bundle's `decorators`
//   src/cli/main.js             the `zcrm` bin: the bundle's `cli`, run
//   src/emulator/index.js       `zcrm/emulator`, a bundle of its own (it shares no module with the others)
//   **/*.d.ts                   tsc's declarations, unchanged
// Packages stay external (`require`d from node_modules), and what the bundle loads lazily (TypeORM, ioredis,
// class-validator, the emulator from the CLI) stays lazy: esbuild runs a bundled module on its first require.
import { execFileSync } from 'node:child_process';
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(ROOT, process.argv[2] ?? 'dist');
const require = createRequire(import.meta.url);

rmSync(outDir, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
  { cwd: ROOT, stdio: 'inherit' },
);

const src = path.join(outDir, 'src');
const EMULATOR = path.join(src, 'emulator/index.js');

/** Bundles `entry` (tsc output, CommonJS) into `outfile`; `external` resolves chosen imports to other files. */
async function bundle(entry, outfile, redirect = {}) {
  await build({
    ...entry,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    // Without it esbuild renames classes with static members (`_ConfigurationException`), and users see
    // that name in `err.name`, stacks and `constructor.name`.
    keepNames: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'redirect',
        setup(b) {
          b.onResolve({ filter: /^\./ }, (args) => {
            const resolved = require.resolve(path.resolve(args.resolveDir, args.path));
            const target = redirect[resolved];
            if (target === undefined) return undefined;
            return { path: `./${path.relative(path.dirname(outfile), target)}`, external: true };
          });
        },
      },
    ],
  });
}

/**
 * A CommonJS facade: `module.exports` is `expression`, plus a never-run object literal naming its exports, the
 * form Node's ESM loader reads to offer named imports of a CommonJS module.
 */
function facade(file, expression, names, prelude = '', epilogue = '') {
  const hint = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default').join(', ');
  writeFileSync(
    file,
    `${prelude}"use strict";\nmodule.exports = ${expression};\n0 && (module.exports = { ${hint} });\n${epilogue}`,
  );
}

const temp = `${outDir}.bundle`;
rmSync(temp, { recursive: true, force: true });
// The shared bundle's entry: each public entry as a lazily evaluated namespace.
await bundle(
  {
    stdin: {
      resolveDir: src,
      sourcefile: 'zcrm-entries.js',
      contents: [
        "Object.defineProperty(exports, 'root', { enumerable: true, get: () => require('./index.js') });",
        "Object.defineProperty(exports, 'decorators', { enumerable: true, get: () => require('../decorators/index.js') });",
        "Object.defineProperty(exports, 'cli', { enumerable: true, get: () => require('./cli/main.js') });",
      ].join('\n'),
    },
  },
  path.join(temp, 'src/zcrm.js'),
  { [EMULATOR]: path.join(temp, 'src/emulator/index.js') },
);
await bundle({ entryPoints: [EMULATOR] }, path.join(temp, 'src/emulator/index.js'));

// Only the bundles and the declarations remain of tsc's output.
(function prune(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) prune(file);
    else if (!name.endsWith('.d.ts')) rmSync(file);
  }
})(outDir);
for (const name of ['zcrm.js', 'zcrm.js.map']) renameSync(path.join(temp, 'src', name), path.join(src, name));
for (const name of ['index.js', 'index.js.map'])
  renameSync(path.join(temp, 'src/emulator', name), path.join(src, 'emulator', name));
rmSync(temp, { recursive: true, force: true });

/** The export names of the bundle's `entry`, read in a child process that finds packages in this checkout. */
function exportNames(entry) {
  const script = `console.log(JSON.stringify(Object.keys(require(process.argv[1]).${entry})))`;
  const out = execFileSync(process.execPath, ['-e', script, path.join(src, 'zcrm.js')], {
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}
facade(path.join(src, 'index.js'), "require('./zcrm.js').root", exportNames('root'));
facade(
  path.join(outDir, 'decorators/index.js'),
  "require('../src/zcrm.js').decorators",
  exportNames('decorators'),
);
facade(
  path.join(src, 'cli/main.js'),
  "require('../zcrm.js').cli",
  [],
  '#!/usr/bin/env node\n',
  'if (require.main === module) void module.exports.main();\n',
);
