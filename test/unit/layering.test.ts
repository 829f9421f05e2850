import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import direction between layers (README, "Architecture"): a file may import its own layer and the
 * layers below it, never one above. Every relative import counts (type-only ones, re-exports and dynamic
 * `import()` too): a type import upward is a dependency upward all the same.
 */

const ROOT = path.resolve(__dirname, '../..');

/** The layers of `src/`, lowest first. `version.ts` is a leaf every layer may read. */
const LAYERS = [
  'version',
  'errors',
  'config',
  'http',
  'auth',
  'api',
  'metadata',
  'query',
  'orm',
  'codegen',
  'cli',
] as const;

/**
 * Layers outside the stack: what each may import besides itself. The emulator stands alone (it shares no
 * code with the SDK it stands in for); the package entry points sit on top of what they export.
 */
const OUTSIDE: Record<string, readonly string[]> = {
  emulator: ['version'],
  index: ['version', 'errors', 'config', 'http', 'auth', 'api', 'metadata', 'query', 'orm', 'codegen'],
  decorators: ['metadata'],
};

/** Which layers may import which (besides themselves). */
function allowedFrom(layer: string): readonly string[] {
  const rank = (LAYERS as readonly string[]).indexOf(layer);
  if (rank >= 0) return [...LAYERS.slice(0, rank), ...(layer === 'cli' ? ['emulator'] : [])];
  return OUTSIDE[layer] ?? [];
}

/** The layer of a path relative to the repository (`src/orm/repository.ts` → `orm`). */
export function layerOf(relative: string): string {
  const parts = relative.split(path.sep).join('/').split('/');
  if (parts[0] === 'decorators') return 'decorators';
  if (parts[0] !== 'src') return `outside:${parts[0]}`;
  return parts.length === 2 ? parts[1].replace(/\.ts$/, '') : parts[1];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `file imports target` edges that go against the layering, as readable lines. */
export function violations(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file);
    const allowed = allowedFrom(from);
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
      const to = layerOf(target);
      if (to !== from && !allowed.includes(to)) out.push(`${file} (${from}) imports ${specifier} (${to})`);
    }
  }
  return out;
}

describe('layering', () => {
  const files = ['src', 'decorators'].flatMap((dir) =>
    sourceFiles(path.join(ROOT, dir)).map((full) => ({
      file: path.relative(ROOT, full),
      text: fs.readFileSync(full, 'utf8'),
    })),
  );

  test('every layer of src/ is known', () => {
    const known = new Set<string>([...LAYERS, ...Object.keys(OUTSIDE)]);
    expect([...new Set(files.map((f) => layerOf(f.file)))].filter((l) => !known.has(l))).toEqual([]);
  });

  test('imports only go down: errors → config → http → auth → api → metadata → query → orm → codegen → cli', () => {
    expect(violations(files)).toEqual([]);
  });

  test('the check catches an upward import, a type-only one and a dynamic one', () => {
    expect(
      violations([
        { file: 'src/query/planner.ts', text: "import { Repository } from '../orm/repository';" },
        { file: 'src/metadata/x.ts', text: "import type { Ref } from '../orm/values/ref';" },
        { file: 'src/api/y.ts', text: "const m = import('../emulator/server');" },
        { file: 'src/emulator/z.ts', text: "export { ZCRMException } from '../errors';" },
        { file: 'src/orm/ok.ts', text: "import { x } from '../query/build-query'; import { y } from './z';" },
      ]),
    ).toEqual([
      'src/query/planner.ts (query) imports ../orm/repository (orm)',
      'src/metadata/x.ts (metadata) imports ../orm/values/ref (orm)',
      'src/api/y.ts (api) imports ../emulator/server (emulator)',
      'src/emulator/z.ts (emulator) imports ../errors (errors)',
    ]);
  });
});
