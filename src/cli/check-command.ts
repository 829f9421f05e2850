import { Command } from 'commander';
import { addConnectionOptions, ConnectionFlags } from './cli-config';
import { CliFailure, CliUsageError } from './cli-errors';
import { out } from './output';
import { resolveCliPath } from './cli-io';
import type { ModelClass } from '../metadata/field-metadata';
import { getMetadataStorage } from '../metadata/metadata-storage';

/**
 * `zcrm check <files...>`: loads the model files (JavaScript, or TypeScript through ts-node when the project
 * has it), and reports where their models no longer match the org's fields: missing fields, type mismatches,
 * lookups to another module. Exits 1 when anything does not match.
 */
export function registerCheckCommand(program: Command): void {
  addConnectionOptions(
    program
      .command('check')
      .description(
        "check model classes against the org's field metadata (missing fields, types, lookup targets)",
      )
      .argument('<files...>', 'model files (or a barrel such as src/models/index.ts) to check'),
  ).action(async (files: string[], flags: ConnectionFlags) => {
    const models = loadModels(files);
    const { withClient } = await import('./cli-client');
    const { verifyModels } = await import('../codegen/verify-models');
    await withClient(flags, { needsUser: true }, async ({ client }) => {
      const mismatches = await verifyModels(client, models);
      for (const mismatch of mismatches) out.line(mismatch.message);
      if (mismatches.length === 0) {
        out.line(`${models.length} model(s) match the org`);
        return;
      }
      const summary = `${mismatches.length} mismatch(es) in ${models.length} model(s)`;
      out.line(summary);
      throw new CliFailure(summary);
    });
  });
}

/** The model classes the files export (every export bound to a module by `@CrmModule`). */
function loadModels(files: readonly string[]): ModelClass[] {
  const models = new Set<ModelClass>();
  for (const file of files) {
    const exported = loadFile(resolveCliPath(file), file);
    for (const value of Object.values(exported))
      if (typeof value === 'function' && getMetadataStorage().isModel(value)) models.add(value);
  }
  if (models.size === 0) throw new CliUsageError(`no @CrmModule model is exported by ${files.join(', ')}`);
  return [...models];
}

let typeScriptRegistered = false;

/** A file's exports; a TypeScript file that Node cannot load as it is goes through ts-node. */
function loadFile(absolute: string, given: string): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(absolute) as Record<string, unknown>;
  } catch (err) {
    if (/\.[cm]?tsx?$/.test(absolute) && err instanceof SyntaxError && !typeScriptRegistered) {
      registerTypeScript();
      typeScriptRegistered = true;
      return loadFile(absolute, given);
    }
    throw new CliUsageError(`${given}: cannot load it (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** TypeScript model files load through ts-node (the project's own), transpile-only. */
function registerTypeScript(): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(require.resolve('ts-node/register/transpile-only', { paths: [process.cwd(), __dirname] }));
  } catch {
    throw new CliUsageError(
      'checking .ts model files needs ts-node in the project (npm i -D ts-node), or check the compiled .js files',
    );
  }
}
