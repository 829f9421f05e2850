import type { DatabaseOptions } from '../../config/client-config';
import { loadOptional } from '../../config/lazy-dependency';

const FEATURE = 'The SQL token store';

/** TypeORM, loaded when a SQL token store is first made (it is some 300 modules). */
export function loadTypeOrm(): typeof import('typeorm') {
  return loadOptional<typeof import('typeorm')>('typeorm', FEATURE);
}

/** The driver package TypeORM uses for each database type. */
const DRIVER_PACKAGES: Record<DatabaseOptions['type'], string> = {
  sqlite: 'better-sqlite3',
  mysql: 'mysql2',
  mariadb: 'mysql2',
  postgres: 'pg',
};

/**
 * Checks that the driver of `type` is installed, so that a missing optional peer (mysql2, pg) is reported as
 * such rather than by TypeORM when the store first connects.
 */
export function requireDriver(type: DatabaseOptions['type']): void {
  loadOptional(DRIVER_PACKAGES[type], `${FEATURE} on ${type}`);
}
