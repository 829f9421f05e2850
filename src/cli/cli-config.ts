import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { cliIo } from './cli-io';
import type { DatabaseOptions, ResolvedConfig, ZCRMConfig } from '../config/client-config';
import { CONFIG_KEYS } from '../config/config-keys';
import { DATA_CENTERS, ENVIRONMENTS } from '../config/data-centers';
import { ConfigInput, DEFAULT_SQLITE_PATH, resolveConfig } from '../config/resolve-config';
import { ConfigurationException } from '../errors/configuration-exception';
import { redact, registerSecret } from '../errors/redact';
import { TOKEN_FILE_NAME } from '../auth/stores/file-token-store';
import { CliUsageError } from './cli-errors';

/** The file read from the working directory when no `--config` (or `ZCRM_CONFIG`) names another. */
export const CONFIG_FILE_NAME = 'zcrm.config.json';

/** The connection flags every command that talks to Zoho takes (commander's camelCase names). */
export interface ConnectionFlags {
  config?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  user?: string;
  accountsUrl?: string;
  apiBaseUrl?: string;
  apiVersion?: string;
  dataCenter?: string;
  environment?: string;
  tokenStore?: string;
}

type CamelKey = keyof ZCRMConfig;

/** Environment variables and the configuration key each sets. `ZCRM_CONFIG` names the config file. */
export const ENVIRONMENT_VARIABLES: Readonly<Record<string, CamelKey>> = {
  ZCRM_CLIENT_ID: 'clientId',
  ZCRM_CLIENT_SECRET: 'clientSecret',
  ZCRM_REDIRECT_URI: 'redirectUri',
  ZCRM_USER_EMAIL: 'currentUserEmail',
  ZCRM_ACCOUNTS_URL: 'accountsUrl',
  ZCRM_API_BASE_URL: 'apiBaseUrl',
  ZCRM_API_VERSION: 'apiVersion',
  ZCRM_DATA_CENTER: 'dataCenter',
  ZCRM_ENVIRONMENT: 'environment',
  ZCRM_TOKEN_STORE: 'tokenStore',
};

/** Flags and the configuration key each sets. */
const FLAG_KEYS: ReadonlyArray<[keyof ConnectionFlags, string, CamelKey]> = [
  ['clientId', '--client-id', 'clientId'],
  ['clientSecret', '--client-secret', 'clientSecret'],
  ['redirectUri', '--redirect-uri', 'redirectUri'],
  ['user', '--user', 'currentUserEmail'],
  ['accountsUrl', '--accounts-url', 'accountsUrl'],
  ['apiBaseUrl', '--api-base-url', 'apiBaseUrl'],
  ['apiVersion', '--api-version', 'apiVersion'],
  ['dataCenter', '--data-center', 'dataCenter'],
  ['environment', '--environment', 'environment'],
  ['tokenStore', '--token-store', 'tokenStore'],
];

/** Keys that choose where tokens are kept: a layer that sets one replaces every such key of the layers below. */
const STORE_KEYS: readonly CamelKey[] = [
  'tokenStore',
  'database',
  'dataSource',
  'tokenPersistencePath',
  'persistenceHandlerPath',
  'persistenceHandlerClass',
  'mysqlUsername',
  'mysqlPassword',
  'mysqlPort',
  'mysqlHost',
  'mysqlDatabase',
];

const TOKEN_STORE_FORMS =
  'memory, sqlite, sqlite:FILE, file:DIRECTORY, or a mysql://, mariadb:// or postgres:// URL';

/** The configuration a command runs with, and where each key came from. */
export interface CliConfig {
  /** What `ZCRMRestClient.initialize` is given (typed keys). */
  input: ConfigInput;
  /** The validated configuration with defaults. */
  resolved: ResolvedConfig;
  /** Where each key was set: `--client-id`, `ZCRM_CLIENT_ID` or `zcrm.config.json ("client_id")`. */
  sources: Partial<Record<CamelKey, string>>;
  /** The config file read, if any. */
  configFile?: string;
}

interface Entry {
  value: unknown;
  source: string;
  /** The key as written in the config file (a seed or a typed name), so errors name it as the user wrote it. */
  key?: string;
}

/**
 * Adds the connection flags to a command. Secrets are better given by environment variable or config file:
 * a flag is visible to other users of the machine in the process list.
 */
export function addConnectionOptions(command: Command): Command {
  return command
    .option('--config <file>', `JSON configuration file (default ./${CONFIG_FILE_NAME}; env ZCRM_CONFIG)`)
    .option('--client-id <id>', 'OAuth client id (env ZCRM_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth client secret (env ZCRM_CLIENT_SECRET)')
    .option('--redirect-uri <uri>', 'OAuth redirect URI (env ZCRM_REDIRECT_URI)')
    .option('--user <email>', 'the CRM user to act as (env ZCRM_USER_EMAIL)')
    .option('--accounts-url <url>', 'Zoho Accounts server (env ZCRM_ACCOUNTS_URL)')
    .option('--api-base-url <url>', 'CRM API host (env ZCRM_API_BASE_URL)')
    .option('--api-version <version>', 'CRM API version, default v2 (env ZCRM_API_VERSION)')
    .addOption(
      new Option('--data-center <dc>', 'data centre, default US (env ZCRM_DATA_CENTER)').choices([
        ...DATA_CENTERS,
      ]),
    )
    .addOption(
      new Option('--environment <env>', 'environment, default production (env ZCRM_ENVIRONMENT)').choices([
        ...ENVIRONMENTS,
      ]),
    )
    .option(
      '--token-store <store>',
      `where tokens are kept: ${TOKEN_STORE_FORMS} (default sqlite: ./.zcrm/tokens.sqlite; env ZCRM_TOKEN_STORE)`,
    );
}

/**
 * The configuration from flags, environment variables and the config file, in that order of precedence,
 * validated by `resolveConfig`. Errors name the key and where it was set, never its value.
 */
export function loadCliConfig(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = cliIo().env,
  cwd: string = cliIo().cwd,
): CliConfig {
  const { entries: fileEntries, file } = readConfigFile(flags.config ?? env.ZCRM_CONFIG, cwd);
  const merged = new Map<CamelKey, Entry>(fileEntries);

  const envEntries = new Map<CamelKey, Entry>();
  for (const [variable, key] of Object.entries(ENVIRONMENT_VARIABLES)) {
    const value = env[variable];
    if (value !== undefined && value !== '') envEntries.set(key, { value, source: variable });
  }
  overlay(merged, envEntries);

  const flagEntries = new Map<CamelKey, Entry>();
  for (const [flag, name, key] of FLAG_KEYS) {
    const value = flags[flag];
    if (value !== undefined) flagEntries.set(key, { value, source: name });
  }
  overlay(merged, flagEntries);

  const secret = merged.get('clientSecret')?.value;
  if (typeof secret === 'string') registerSecret(secret);

  const sources: Partial<Record<CamelKey, string>> = {};
  const input: Record<string, unknown> = {};
  for (const [key, entry] of merged) {
    sources[key] = entry.source;
    if (key === 'tokenStore' && typeof entry.value === 'string') {
      Object.assign(input, parseTokenStore(entry.value, entry.source, cwd));
    } else {
      input[entry.key ?? key] = entry.value;
    }
  }

  // A SQLite file (the default store) is the run's: relative to its working directory, not the process's.
  if (!STORE_KEYS.some((k) => merged.has(k))) input.database = { type: 'sqlite' };
  const database = input.database as DatabaseOptions | undefined;
  if (database?.type === 'sqlite') {
    input.database = { ...database, path: path.resolve(cwd, database.path ?? DEFAULT_SQLITE_PATH) };
  }

  let resolved: ResolvedConfig;
  try {
    resolved = resolveConfig(input);
  } catch (err) {
    if (err instanceof ConfigurationException) throw explain(err, sources, file);
    throw err;
  }
  return { input: input, resolved, sources, configFile: file };
}

/** A layer's store choice replaces the lower layers' whole store choice; other keys replace one by one. */
function overlay(merged: Map<CamelKey, Entry>, layer: Map<CamelKey, Entry>): void {
  if (STORE_KEYS.some((k) => layer.has(k))) for (const k of STORE_KEYS) merged.delete(k);
  for (const [key, entry] of layer) merged.set(key, entry);
}

function readConfigFile(
  named: string | undefined,
  cwd: string,
): { entries: Map<CamelKey, Entry>; file?: string } {
  const entries = new Map<CamelKey, Entry>();
  const file = path.resolve(cwd, named ?? CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (named !== undefined) throw new CliUsageError(`config file not found: ${named}`);
    return { entries };
  }
  const label = named ?? CONFIG_FILE_NAME;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliUsageError(
      `${label} is not valid JSON: ${redact(err instanceof Error ? err.message : String(err))}`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliUsageError(`${label} must hold a JSON object of configuration keys`);
  }
  const written = new Map<CamelKey, string>();
  for (const [key, value] of Object.entries(json)) {
    const spec = CONFIG_KEYS.find((k) => k.seed === key || k.camel === key);
    if (!spec) {
      const unknown = ConfigurationException.unknownKey(key, suggestKey(key));
      throw new CliUsageError(`${unknown.errorMessage} in ${label}`);
    }
    const earlier = written.get(spec.camel);
    if (earlier !== undefined) {
      throw new CliUsageError(`${ConfigurationException.conflict(earlier, key).errorMessage} in ${label}`);
    }
    written.set(spec.camel, key);
    entries.set(spec.camel, { value, source: `${label} ("${key}")`, key });
  }
  return { entries, file };
}

function suggestKey(key: string): string | undefined {
  const lower = key.toLowerCase().replace(/[_-]/g, '');
  for (const spec of CONFIG_KEYS) {
    for (const name of [spec.seed, spec.camel]) {
      if (name && name.toLowerCase().replace(/[_-]/g, '') === lower) return name;
    }
  }
  return undefined;
}

/**
 * `--token-store` / `ZCRM_TOKEN_STORE` / a string `tokenStore` in the file: `memory`, `sqlite[:FILE]`,
 * `file:DIR`, or a database URL (`mysql://user:password@host:port/zohooauth`).
 */
export function parseTokenStore(spec: string, source: string, cwd: string): Partial<ZCRMConfig> {
  const text = spec.trim();
  if (text === 'memory') return { tokenStore: 'memory' };
  if (text === 'sqlite') return { database: { type: 'sqlite' } };
  if (text.startsWith('sqlite:') && text.length > 'sqlite:'.length) {
    return { database: { type: 'sqlite', path: path.resolve(cwd, text.slice('sqlite:'.length)) } };
  }
  if (text.startsWith('file:') && text.length > 'file:'.length) {
    return { tokenPersistencePath: path.resolve(cwd, text.slice('file:'.length)) };
  }
  const url = /^(mysql|mariadb|postgres|postgresql):\/\//i.test(text) ? safeUrl(text) : undefined;
  if (url) {
    const scheme = url.protocol.slice(0, -1).toLowerCase();
    const type = scheme === 'postgresql' ? 'postgres' : (scheme as 'mysql' | 'mariadb' | 'postgres');
    const password = url.password ? decodeURIComponent(url.password) : undefined;
    registerSecret(password);
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return {
      database: {
        type,
        host: url.hostname || undefined,
        port: url.port ? Number(url.port) : undefined,
        username: url.username ? decodeURIComponent(url.username) : undefined,
        password,
        database: database || undefined,
      },
    };
  }
  throw new CliUsageError(`${source} must be ${TOKEN_STORE_FORMS}`);
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A configuration error with the place the bad key was set (the value is never shown). */
function explain(
  err: ConfigurationException,
  sources: Partial<Record<CamelKey, string>>,
  file: string | undefined,
): CliUsageError {
  const spec = CONFIG_KEYS.find((k) => k.seed === err.key || k.camel === err.key);
  const source = spec ? sources[spec.camel] : undefined;
  if (source) return new CliUsageError(`${err.errorMessage} (set by ${source})`);
  if (err.errorCode === 'CONFIG_MISSING_KEY' && spec) {
    const variable = Object.keys(ENVIRONMENT_VARIABLES).find((v) => ENVIRONMENT_VARIABLES[v] === spec.camel);
    const flag = FLAG_KEYS.find(([, , key]) => key === spec.camel)?.[1];
    const where = [
      flag,
      variable,
      `"${spec.seed ?? spec.camel}" in ${file ? path.basename(file) : CONFIG_FILE_NAME}`,
    ]
      .filter(Boolean)
      .join(', ');
    return new CliUsageError(`${err.errorMessage}: set it with ${where}`);
  }
  return new CliUsageError(err.errorMessage);
}

/** Where the configured store keeps tokens, for messages (never a password). */
export function describeTokenStore(config: ResolvedConfig): string {
  const choice = config.tokenStore;
  switch (choice.kind) {
    case 'memory':
      return 'memory (kept only while this command runs)';
    case 'file':
      return `file ${path.join(choice.directory, TOKEN_FILE_NAME)}`;
    case 'custom':
      return `custom store ${choice.modulePath}${choice.className ? ` (${choice.className})` : ''}`;
    case 'instance':
      return 'the configured token store';
    case 'dataSource':
      return 'the configured TypeORM DataSource';
    case 'database': {
      const db = choice.database;
      if (db.type === 'sqlite') return `SQLite ${db.path}`;
      return `${db.type} ${db.username}@${db.host}:${db.port}/${db.database}`;
    }
  }
}

/** The user calls act as, or a usage error telling how to name one. */
export function requireUser(config: CliConfig, storedUser?: string): string {
  const user = config.resolved.currentUserEmail ?? storedUser;
  if (user) return user;
  throw new CliUsageError(
    `no user to act as: pass --user EMAIL, set ZCRM_USER_EMAIL, add "currentUserEmail" to ${CONFIG_FILE_NAME}, or keep the tokens of one user only in the token store (zcrm auth grant)`,
  );
}
