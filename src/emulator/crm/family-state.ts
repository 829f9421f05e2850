import type { EmulatorContext } from '../context';

/**
 * An API family's private state under `ctx.state.extra[key]`: plain JSON, saved, loaded and reset with the
 * rest of the state. Created on first use; parts a state saved by an older emulator lacks come from `defaults`.
 */
export function familyState<T extends object>(ctx: EmulatorContext, key: string, defaults: () => T): T {
  const state = (ctx.state.extra[key] ??= {}) as Record<string, unknown>;
  for (const [part, initial] of Object.entries(defaults()))
    if (state[part] === undefined) state[part] = initial;
  return state as T;
}
