import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { EmulatorState } from './types';

/** Writes the state atomically: a temp file in the same directory, then a rename over the target. */
export async function saveState(file: string, state: EmulatorState): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, JSON.stringify(state), { mode: 0o600 });
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

/** Loads a saved state, or `undefined` when the file does not exist yet; any other problem names the file. */
export async function loadState(file: string): Promise<EmulatorState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read emulator state file ${file}: ${(err as Error).message}`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `emulator state file ${file} is not valid JSON (${(err as Error).message}); fix or delete it`,
    );
  }
  if (!isStateShape(state)) throw new Error(`${file} is not an emulator state file (version 1)`);
  return state;
}

/** The parts every route relies on; a file missing one would fail later on a request, far from its cause. */
function isStateShape(value: unknown): value is EmulatorState {
  if (!isObject(value)) return false;
  const { version, idCursor, org, users, modules, records, oauth } = value;
  return (
    version === 1 &&
    Number.isInteger(idCursor) &&
    isObject(org) &&
    Array.isArray(users) &&
    Array.isArray(modules) &&
    isObject(records) &&
    isObject(oauth) &&
    ['grants', 'refreshTokens', 'accessTokens'].every((key) => isObject(oauth[key]))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
