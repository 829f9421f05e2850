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

/** Loads a saved state, or `undefined` when the file does not exist yet. */
export async function loadState(file: string): Promise<EmulatorState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const state = JSON.parse(text) as EmulatorState;
  if (state?.version !== 1 || !Array.isArray(state.modules)) {
    throw new Error(`${file} is not an emulator state file (version 1)`);
  }
  return state;
}
