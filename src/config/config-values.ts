import { ConfigurationException } from '../errors/configuration-exception';

/**
 * Parsers for configuration values. Each takes the key the user wrote (for the error) and accepts the seed's
 * string form as well as the typed one (`"3306"` or `3306`, `"true"` or `true`).
 */
export type ValueParser<T> = (value: unknown, key: string) => T;

export const nonEmptyString: ValueParser<string> = (value, key) => {
  if (typeof value !== 'string' || value.trim() === '')
    throw ConfigurationException.badValue(key, 'a non-empty string');
  return value.trim();
};

export const anyString: ValueParser<string> = (value, key) => {
  if (typeof value !== 'string') throw ConfigurationException.badValue(key, 'a string');
  return value;
};

export const email: ValueParser<string> = (value, key) => {
  const text = nonEmptyString(value, key);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
    throw ConfigurationException.badValue(key, 'an email address');
  return text;
};

export const booleanish: ValueParser<boolean> = (value, key) => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw ConfigurationException.badValue(key, 'true or false');
};

function integer(value: unknown, key: string, min: number, max: number, expected: string): number {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    throw ConfigurationException.badValue(key, expected);
  }
  return number;
}

export const port: ValueParser<number> = (value, key) =>
  integer(value, key, 1, 65_535, 'a port number (1–65535)');

export const positiveInteger: ValueParser<number> = (value, key) =>
  integer(value, key, 1, Number.MAX_SAFE_INTEGER, 'a positive whole number (finite)');

export const nonNegativeInteger: ValueParser<number> = (value, key) =>
  integer(value, key, 0, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 0');

export function oneOf<T extends string>(
  allowed: readonly T[],
  options: { ignoreCase?: boolean } = {},
): ValueParser<T> {
  return (value, key) => {
    const found =
      typeof value === 'string'
        ? allowed.find((a) =>
            options.ignoreCase ? a.toLowerCase() === value.trim().toLowerCase() : a === value.trim(),
          )
        : undefined;
    if (found === undefined) throw ConfigurationException.badValue(key, `one of ${allowed.join(', ')}`);
    return found;
  };
}

/** An object whose listed members are functions (duck typing for stores, loggers, DataSources). */
export function objectWithMethods<T>(methods: string[], expected: string): ValueParser<T> {
  return (value, key) => {
    const record = value as Record<string, unknown> | null;
    if (
      typeof value !== 'object' ||
      value === null ||
      methods.some((m) => typeof record?.[m] !== 'function')
    ) {
      throw ConfigurationException.badValue(key, expected);
    }
    return value as T;
  };
}

/** A plain object whose keys are all known; each member is parsed and reported as `key.member`. */
export function optionsObject<T>(parsers: { [K in keyof T]-?: ValueParser<T[K]> }): ValueParser<T> {
  return (value, key) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw ConfigurationException.badValue(key, 'an object');
    }
    const out: Partial<T> = {};
    for (const [member, inner] of Object.entries(value)) {
      const parse = (parsers as Record<string, ValueParser<unknown>>)[member];
      if (!parse) throw ConfigurationException.unknownKey(`${key}.${member}`);
      if (inner !== undefined) (out as Record<string, unknown>)[member] = parse(inner, `${key}.${member}`);
    }
    return out as T;
  };
}

/** Levenshtein distance, for "did you mean" hints on unknown keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
