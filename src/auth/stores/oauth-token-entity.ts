import { EntitySchema, Table } from 'typeorm';

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

/**
 * The `oauthtokens` entity, for applications that want to register it in their own DataSource. The store
 * itself does not need it registered: it talks to the table by name.
 */
export const OAuthTokenEntity = new EntitySchema<OAuthTokenRow>({
  name: 'OAuthToken',
  tableName: OAUTH_TOKENS_TABLE,
  columns: {
    useridentifier: { type: 'varchar', length: 100, primary: true },
    accesstoken: { type: 'varchar', length: 100, nullable: true },
    refreshtoken: { type: 'varchar', length: 100, nullable: true },
    expirytime: { type: 'bigint', nullable: true },
  },
});

/** The table as created when missing (the seed's columns; the user identifier as the primary key). */
export function oauthTokensTable(): Table {
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
