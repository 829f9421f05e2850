import { ConfigurationException } from '../errors/configuration-exception';

/**
 * Loads a package the first time a feature needs it, so that `require('zcrm')` stays cheap and works without
 * the optional peer dependencies (ioredis, mysql2, pg) and without loading the heavy ones (TypeORM,
 * class-validator, fastify) that only some features use. Annotate the result with `typeof import('pkg')`,
 * which is a type-only import:
 * ```ts
 * const IORedis = loadOptional<typeof import('ioredis')>('ioredis', 'The Redis rate limiter').default;
 * ```
 * A package that is not installed throws a {@link ConfigurationException} (`CONFIG_MISSING_PACKAGE`) naming the
 * package, the feature that needs it and the `npm install` command; any other failure of the package itself is
 * rethrown as it is. Node caches the module, so later calls cost one lookup.
 */
export function loadOptional<T>(packageName: string, feature: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(packageName) as T;
  } catch (err) {
    if (isMissing(err, packageName)) throw ConfigurationException.missingPackage(packageName, feature);
    throw err;
  }
}

/** Whether `err` says that `packageName` itself (not a file or package it requires) cannot be found. */
function isMissing(err: unknown, packageName: string): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'MODULE_NOT_FOUND' &&
    typeof message === 'string' &&
    message.split('\n')[0].includes(`'${packageName}'`)
  );
}
