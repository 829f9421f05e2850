import type { EntitySchema, Table } from 'typeorm';
import { loadTypeOrm } from './load-typeorm';

/** The seed's table name and column names (`zohooauth.oauthtokens`, also made by the Python SDK). */
export const OAUTH_TOKENS_TABLE = 'oauthtokens';

/** A row of `oauthtokens` as stored. */
export interface OAuthTokenRow {
  useridentifier: string;
  accesstoken: string;
  refreshtoken: string;
  /** Epoch ms; bigint, so some drivers return it as a string. */
  expirytime: number | string;
}

let entity: EntitySchema<OAuthTokenRow> | undefined;

/**
 * The `oauthtokens` entity, for applications that want to register it in their own DataSource
 * (`entities: [oauthTokenEntity()]`). The store itself does not need it registered: it talks to the table by
 * name. A function rather than a constant so that TypeORM is loaded only by applications that use it.
 */
export function oauthTokenEntity(): EntitySchema<OAuthTokenRow> {
  entity ??= createEntity();
  return entity;
}

function createEntity(): EntitySchema<OAuthTokenRow> {
  const { EntitySchema } = loadTypeOrm();
  return new EntitySchema<OAuthTokenRow>({
    name: 'OAuthToken',
    tableName: OAUTH_TOKENS_TABLE,
    columns: {
      useridentifier: { type: 'varchar', length: 100, primary: true },
      accesstoken: { type: 'varchar', length: 100, nullable: true },
      refreshtoken: { type: 'varchar', length: 100, nullable: true },
      expirytime: { type: 'bigint', nullable: true },
    },
  });
}

/** The table as created when missing (the seed's columns; the user identifier as the primary key). */
export function oauthTokensTable(): Table {
  const { Table } = loadTypeOrm();
  return new Table({
    name: OAUTH_TOKENS_TABLE,
    columns: [
      { name: 'useridentifier', type: 'varchar', length: '100', isPrimary: true },
      { name: 'accesstoken', type: 'varchar', length: '100', isNullable: true },
      { name: 'refreshtoken', type: 'varchar', length: '100', isNullable: true },
      { name: 'expirytime', type: 'bigint', isNullable: true },
    ],
  });
}
