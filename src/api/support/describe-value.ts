/** A value as argument-check messages show it: `null`, `"text"`, `an array`, `a Lead`, `number 42`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = value.constructor?.name;
    return `a ${name || '(anonymous class)'}`;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects were handled above: a primitive or a function
  return `${typeof value} ${String(value)}`;
}
