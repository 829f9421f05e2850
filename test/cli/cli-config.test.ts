/** How `zcrm` builds its configuration: flags > environment > zcrm.config.json, validated by resolveConfig. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describeTokenStore, loadCliConfig, parseTokenStore, requireUser } from '../../src/cli/cli-config';
import { CliFailure, CliUsageError } from '../../src/cli/cli-errors';
import { exitCodeOf } from '../../src/cli/exit-codes';
import { ConfigurationException } from '../../src/errors/configuration-exception';
import { ZCRMException } from '../../src/errors/zcrm-exception';
import { redact } from '../../src/errors/redact';

describe('loadCliConfig', () => {
  let cwd: string;
  beforeEach(() => (cwd = mkdtempSync(path.join(tmpdir(), 'zcrm-cli-config-'))));
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));
  const writeConfig = (json: unknown, name = 'zcrm.config.json') =>
    writeFileSync(path.join(cwd, name), typeof json === 'string' ? json : JSON.stringify(json));

  it('takes each key from the flag, else the environment, else the file, and records where', () => {
    writeConfig({
      client_id: 'file-id',
      client_secret: 'file-secret',
      currentUserEmail: 'file@zylker.com',
      apiBaseUrl: 'https://file.example.com',
      accounts_url: 'https://accounts.file.example.com',
    });
    const config = loadCliConfig(
      { user: 'flag@zylker.com' },
      { ZCRM_CLIENT_SECRET: 'env-secret', ZCRM_USER_EMAIL: 'env@zylker.com', ZCRM_API_BASE_URL: '' },
      cwd,
    );
    expect(config.resolved).toMatchObject({
      clientId: 'file-id',
      clientSecret: 'env-secret',
      currentUserEmail: 'flag@zylker.com',
      apiBaseUrl: 'https://file.example.com',
      accountsUrl: 'https://accounts.file.example.com',
    });
    expect(config.sources).toEqual({
      clientId: 'zcrm.config.json ("client_id")',
      clientSecret: 'ZCRM_CLIENT_SECRET',
      currentUserEmail: '--user',
      apiBaseUrl: 'zcrm.config.json ("apiBaseUrl")',
      accountsUrl: 'zcrm.config.json ("accounts_url")',
    });
    expect(config.configFile).toBe(path.join(cwd, 'zcrm.config.json'));
    // The secret is registered: anything printed through redact() masks it.
    expect(redact('secret is env-secret')).toBe('secret is ***');
  });

  it('reads the file named by --config or ZCRM_CONFIG, and fails when it is missing', () => {
    writeConfig({ client_id: 'other', client_secret: 'other-secret' }, 'other.json');
    expect(loadCliConfig({ config: 'other.json' }, {}, cwd).resolved.clientId).toBe('other');
    expect(loadCliConfig({}, { ZCRM_CONFIG: 'other.json' }, cwd).resolved.clientId).toBe('other');
    expect(() => loadCliConfig({ config: 'nope.json' }, {}, cwd)).toThrow(
      new CliUsageError('config file not found: nope.json'),
    );
  });

  it('lets a higher layer choose the token store without conflicting with the file’s choice', () => {
    writeConfig({
      client_id: 'id',
      client_secret: 'Zq7-unit-client-secret',
      token_persistence_path: 'tokens',
    });
    expect(loadCliConfig({}, {}, cwd).resolved.tokenStore).toEqual({
      kind: 'file',
      directory: path.join(process.cwd(), 'tokens'),
    });
    expect(loadCliConfig({}, { ZCRM_TOKEN_STORE: 'memory' }, cwd).resolved.tokenStore).toEqual({
      kind: 'memory',
    });
    expect(
      loadCliConfig({ tokenStore: 'sqlite:db/t.sqlite' }, { ZCRM_TOKEN_STORE: 'memory' }, cwd).resolved
        .tokenStore,
    ).toEqual({
      kind: 'database',
      database: { type: 'sqlite', path: path.join(cwd, 'db/t.sqlite'), database: 'main' },
    });
  });

  it('defaults to the SQLite store under ./.zcrm of the working directory given', () => {
    const config = loadCliConfig({ clientId: 'id', clientSecret: 'Zq7-unit-client-secret' }, {}, cwd);
    expect(config.resolved.tokenStore).toEqual({
      kind: 'database',
      database: { type: 'sqlite', path: path.join(cwd, '.zcrm/tokens.sqlite'), database: 'main' },
    });
    expect(describeTokenStore(config.resolved)).toBe(`SQLite ${path.join(cwd, '.zcrm/tokens.sqlite')}`);
  });

  it('rejects unknown, duplicated and malformed file content, naming the file', () => {
    writeConfig({ client_id: 'a', clientSecret: 'b', clientid: 'c' });
    expect(() => loadCliConfig({}, {}, cwd)).toThrow(
      new CliUsageError(
        'Unknown configuration key "clientid" (did you mean "client_id"?) in zcrm.config.json',
      ),
    );
    writeConfig({ client_id: 'a', clientId: 'b' });
    expect(() => loadCliConfig({}, {}, cwd)).toThrow(
      new CliUsageError(
        'The configuration keys "client_id" and "clientId" cannot be used together in zcrm.config.json',
      ),
    );
    writeConfig('{ "client_id": ');
    expect(() => loadCliConfig({}, {}, cwd)).toThrow(/^zcrm\.config\.json is not valid JSON: /);
    writeConfig('[1]');
    expect(() => loadCliConfig({}, {}, cwd)).toThrow(
      new CliUsageError('zcrm.config.json must hold a JSON object of configuration keys'),
    );
  });

  it('explains invalid values by key and source, without the value', () => {
    writeConfig({ client_id: 'id', client_secret: 'sssssecret', mysql_port: 'abc' });
    let error: unknown;
    try {
      loadCliConfig({}, {}, cwd);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toBe(
      'The configuration key "mysql_port" must be a port number (1–65535) (set by zcrm.config.json ("mysql_port"))',
    );
    writeConfig({});
    expect(() =>
      loadCliConfig({ dataCenter: 'MARS' }, { ZCRM_CLIENT_ID: 'i', ZCRM_CLIENT_SECRET: 's' }, cwd),
    ).toThrow(/"dataCenter" must be .*\(set by --data-center\)/);
    expect(() => loadCliConfig({}, { ZCRM_CLIENT_ID: 'i' }, cwd)).toThrow(
      new CliUsageError(
        'The configuration key "client_secret" (or "clientSecret") is required: set it with --client-secret, ZCRM_CLIENT_SECRET, "client_secret" in zcrm.config.json',
      ),
    );
  });
});

describe('token store specs', () => {
  it('reads memory, sqlite, file and database URLs', () => {
    expect(parseTokenStore('memory', 'x', '/w')).toEqual({ tokenStore: 'memory' });
    expect(parseTokenStore('sqlite', 'x', '/w')).toEqual({ database: { type: 'sqlite' } });
    expect(parseTokenStore('sqlite:t.db', 'x', '/w')).toEqual({
      database: { type: 'sqlite', path: '/w/t.db' },
    });
    expect(parseTokenStore('file:/abs/dir', 'x', '/w')).toEqual({ tokenPersistencePath: '/abs/dir' });
    expect(parseTokenStore('mysql://root:p%40ssword1@db.local:3307/zohooauth', 'x', '/w')).toEqual({
      database: {
        type: 'mysql',
        host: 'db.local',
        port: 3307,
        username: 'root',
        password: 'p@ssword1',
        database: 'zohooauth',
      },
    });
    expect(redact('password p@ssword1 here')).toBe('password *** here');
    expect(parseTokenStore('postgresql://pg@localhost', 'x', '/w')).toEqual({
      database: {
        type: 'postgres',
        host: 'localhost',
        port: undefined,
        username: 'pg',
        password: undefined,
        database: undefined,
      },
    });
    expect(parseTokenStore('mariadb://u@h/db', 'x', '/w')).toMatchObject({
      database: { type: 'mariadb', database: 'db' },
    });
  });

  it('rejects anything else, naming where it came from', () => {
    for (const bad of ['', 'sqlite:', 'file:', 'redis://h', 'mysql//nope', 'Memory']) {
      expect(() => parseTokenStore(bad, 'ZCRM_TOKEN_STORE', '/w')).toThrow(
        new CliUsageError(
          'ZCRM_TOKEN_STORE must be memory, sqlite, sqlite:FILE, file:DIRECTORY, or a mysql://, mariadb:// or postgres:// URL',
        ),
      );
    }
  });

  it('describes each store without its password', () => {
    const base = loadCliConfig(
      {
        clientId: 'id',
        clientSecret: 'Zq7-unit-client-secret',
        tokenStore: 'mysql://root:hunter22@db:3306/zohooauth',
      },
      {},
      '/w',
    );
    expect(describeTokenStore(base.resolved)).toBe('mysql root@db:3306/zohooauth');
    const file = loadCliConfig(
      { clientId: 'id', clientSecret: 'Zq7-unit-client-secret', tokenStore: 'file:/t' },
      {},
      '/w',
    );
    expect(describeTokenStore(file.resolved)).toBe('file /t/zcrm_oauthtokens.json');
    const memory = loadCliConfig(
      { clientId: 'id', clientSecret: 'Zq7-unit-client-secret', tokenStore: 'memory' },
      {},
      '/w',
    );
    expect(describeTokenStore(memory.resolved)).toBe('memory (kept only while this command runs)');
  });
});

describe('users and exit codes', () => {
  it('requires a user for commands acting as one', () => {
    const config = loadCliConfig({ clientId: 'id', clientSecret: 'Zq7-unit-client-secret' }, {}, '/w');
    expect(() => requireUser(config)).toThrow(
      new CliUsageError(
        'no user to act as: pass --user EMAIL, set ZCRM_USER_EMAIL, add "currentUserEmail" to zcrm.config.json, or keep the tokens of one user only in the token store (zcrm auth grant)',
      ),
    );
    expect(
      requireUser(
        loadCliConfig({ clientId: 'id', clientSecret: 'Zq7-unit-client-secret', user: 'a@b.co' }, {}, '/w'),
      ),
    ).toBe('a@b.co');
  });

  it('maps usage and configuration errors to 2, everything else to 1', () => {
    expect(exitCodeOf(new CliUsageError('x'))).toBe(2);
    expect(exitCodeOf(ConfigurationException.missingKey('client_id'))).toBe(2);
    expect(exitCodeOf(new CliFailure('x'))).toBe(1);
    expect(exitCodeOf(new ZCRMException({ errorCode: 'INVALID_TOKEN', errorMessage: 'x' }))).toBe(1);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
  });
});
