/**
 * The TypeScript examples of the migration guide type-check against the sources, as users would write them
 * (`import … from 'zcrm'`). Each block becomes one file: its imports on top, the rest inside an async function
 * (the examples use `await` at the top level), with the few names they leave to the reader declared.
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import * as path from 'node:path';
import ts from 'typescript';
import { codeBlocks, sampleModule } from '../support/code-blocks';

const ROOT = path.resolve(__dirname, '../..');
const GUIDE = path.join(ROOT, 'docs/migrating-from-zcrmsdk.md');
const OUT = path.join(__dirname, `.docs-examples-${process.pid}`);

/** What the examples use without defining it. */
const PREAMBLE = [
  'declare const grantToken: string;',
  'declare const refreshToken: string;',
  "declare const config: import('zcrm').ZCRMConfig;",
  'declare const app: { use(handler: (req: { user: { email: string } }, res: unknown, next: () => void) => unknown): void };',
].join('\n');

jest.setTimeout(120_000);

describe('migration guide examples', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('has TypeScript examples, and every one compiles', () => {
    const blocks = codeBlocks(readFileSync(GUIDE, 'utf8'), 'ts');
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT);
    const files = blocks.map((block, i) => {
      const file = path.join(OUT, `example-${i + 1}.ts`);
      writeFileSync(file, sampleModule(block, PREAMBLE, `example${i + 1}`));
      return file;
    });
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    )!;
    const options: ts.CompilerOptions = {
      ...config.options,
      noEmit: true,
      baseUrl: ROOT,
      paths: {
        zcrm: ['src/index.ts'],
        'zcrm/decorators': ['decorators/index.ts'],
        'zcrm/emulator': ['src/emulator/index.ts'],
      },
    };
    const program = ts.createProgram({ rootNames: files, options });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
      .map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${path.basename(d.file!.fileName)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  });
});

describe('npm run docs', () => {
  it('builds the API reference with typedoc, the migration guide included', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'zcrm-docs-'));
    try {
      const script = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.docs;
      expect(script).toBe('typedoc');
      await promisify(execFile)(
        process.execPath,
        [path.join(ROOT, 'node_modules/typedoc/bin/typedoc'), '--out', out],
        {
          cwd: ROOT,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      expect(existsSync(path.join(out, 'index.html'))).toBe(true);
      expect(readFileSync(path.join(out, 'documents/migrating-from-zcrmsdk.html'), 'utf8')).toContain(
        'runAs',
      );
      const classes = readdirSync(path.join(out, 'classes'));
      for (const name of ['ZCRMRestClient', 'ZCRMModule', 'ZCRMException']) {
        expect(classes.some((file) => file.endsWith(`.${name}.html`))).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
