/** Orders numeric-string record ids: by length, then lexically (ids exceed 2^53, so no Number()). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
