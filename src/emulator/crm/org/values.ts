/** Value checks shared by the org write APIs (taxes, users, variables). */

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** A number, or a numeric string (the Python SDK stringifies some numbers); `undefined` otherwise. */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : undefined;
}
