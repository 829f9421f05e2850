import type { DataSource } from 'typeorm';

/**
 * How a database takes an exclusive lock on a token row for a refresh: a transaction plus `SELECT … FOR UPDATE`
 * on MySQL/MariaDB/PostgreSQL; SQLite has no row locks, so `BEGIN IMMEDIATE` takes the database's write lock.
 */
export interface SqlDialect {
  begin: string;
  lockSuffix: string;
  /**
   * SQLite through TypeORM shares one connection per DataSource, so transactions of one process must not
   * overlap; servers give each query runner its own connection.
   */
  serializeInProcess: boolean;
}

export function dialectOf(dataSource: DataSource): SqlDialect {
  switch (dataSource.options.type) {
    case 'better-sqlite3':
    case 'sqljs':
    case 'capacitor':
    case 'cordova':
    case 'expo':
    case 'nativescript':
    case 'react-native':
      return { begin: 'BEGIN IMMEDIATE', lockSuffix: '', serializeInProcess: true };
    case 'postgres':
    case 'aurora-postgres':
    case 'cockroachdb':
      return { begin: 'BEGIN', lockSuffix: ' FOR UPDATE', serializeInProcess: false };
    default:
      return { begin: 'START TRANSACTION', lockSuffix: ' FOR UPDATE', serializeInProcess: false };
  }
}
