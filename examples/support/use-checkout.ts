/**
 * Lets the examples import `zcrm`, `zcrm/decorators` and `zcrm/emulator` as an installed package's users do,
 * while running from this repository: those names resolve to the sources here. ts-node loads it (the
 * `ts-node.require` of tsconfig.json); Jest maps the same names (`moduleNameMapper`), and tsc (`paths`).
 * In a project with zcrm installed it is not needed.
 */
import Module from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CHECKOUT: Record<string, string> = {
  zcrm: path.join(ROOT, 'src/index.ts'),
  'zcrm/decorators': path.join(ROOT, 'decorators/index.ts'),
  'zcrm/emulator': path.join(ROOT, 'src/emulator/index.ts'),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return resolve.call(this, CHECKOUT[request] ?? request, ...rest);
};
