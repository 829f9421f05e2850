import { resolve } from 'node:path';
import { resolveConfig, DEFAULT_SQLITE_PATH } from '../../src/config/resolve-config';
import { DATA_CENTERS, ENVIRONMENTS, environmentUrls } from '../../src/config/data-centers';
import { ConfigurationException } from '../../src/errors/configuration-exception';
import { MemoryTokenStore } from '../../src/auth/stores/memory-token-store';

const seed = { client_id: '1000.ABC', client_secret: 's3cr3t-value', redirect_uri: 'https://app.example/cb' };

function configError(input: unknown): ConfigurationException {
  try {
    resolveConfig(input as never);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationException);
    return err as ConfigurationException;
  }
  throw new Error('expected a ConfigurationException');
}

describe('resolveConfig', () => {
  it('accepts the seed dictionary with its exact keys and string values', () => {
    const config = resolveConfig({
      ...seed,
      currentUserEmail: 'patricia.boyle@zylker.com',
      apiBaseUrl: 'www.zohoapis.eu',
      apiVersion: 'v2',
      sandbox: 'false',
      accounts_url: 'https://accounts.zoho.eu',
      access_type: 'offline',
      applicationLogFilePath: '/tmp/zcrm-logs',
      mysql_username: 'root',
      mysql_password: '',
      mysql_port: '3307',
    });
    expect(config).toMatchObject({
      clientId: '1000.ABC',
      redirectUri: 'https://app.example/cb',
      currentUserEmail: 'patricia.boyle@zylker.com',
      apiBaseUrl: 'https://www.zohoapis.eu',
      accountsUrl: 'https://accounts.zoho.eu',
      apiVersion: 'v2',
      environment: 'production',
      tokenStore: {
        kind: 'database',
        database: {
          type: 'mysql',
          host: '127.0.0.1',
          port: 3307,
          username: 'root',
          password: '',
          database: 'zohooauth',
        },
      },
    });
  });

  it('accepts the typed camelCase form and fills in the defaults', () => {
    const config = resolveConfig({ clientId: 'id', clientSecret: 'secret' });
    expect(config).toMatchObject({
      dataCenter: 'US',
      environment: 'production',
      apiBaseUrl: 'https://www.zohoapis.com',
      accountsUrl: 'https://accounts.zoho.com',
      apiVersion: 'v2',
      accessType: 'offline',
      timeoutMs: 30_000,
      refreshMarginMs: 60_000,
      retry: { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 20_000, budget: 20 },
      throttle: { maxConcurrent: 20, minTimeMs: 0 },
      tokenStore: { kind: 'database', database: { type: 'sqlite', path: resolve(DEFAULT_SQLITE_PATH) } },
    });
    expect(Number.isFinite(config.timeoutMs)).toBe(true);
  });

  it.each(DATA_CENTERS.flatMap((dc) => ENVIRONMENTS.map((env) => [dc, env] as const)))(
    'maps data centre %s / %s to its hosts',
    (dataCenter, environment) => {
      const config = resolveConfig({ clientId: 'id', clientSecret: 'secret', dataCenter, environment });
      const urls = environmentUrls(dataCenter, environment);
      expect(config.apiBaseUrl).toBe(urls.apiBaseUrl);
      expect(config.accountsUrl).toBe(urls.accountsUrl);
      expect(config.apiBaseUrl).toMatch(
        new RegExp(
          `^https://${{ production: 'www', sandbox: 'sandbox', developer: 'developer' }[environment]}\\.zohoapis\\.`,
        ),
      );
    },
  );

  it("knows the accounts servers of Zoho's multi-DC docs", () => {
    expect(environmentUrls('AU', 'production')).toEqual({
      accountsUrl: 'https://accounts.zoho.com.au',
      apiBaseUrl: 'https://www.zohoapis.com.au',
      contentUrl: 'https://content.zohoapis.com.au',
    });
    expect(environmentUrls('CA', 'sandbox').accountsUrl).toBe('https://accounts.zohocloud.ca');
    expect(environmentUrls('CN', 'developer').apiBaseUrl).toBe('https://developer.zohoapis.com.cn');
  });

  it("applies the seed's sandbox switch to the data centre and to an explicit apiBaseUrl", () => {
    expect(resolveConfig({ ...seed, sandbox: 'TRUE' }).apiBaseUrl).toBe('https://sandbox.zohoapis.com');
    expect(resolveConfig({ ...seed, sandbox: 'true', apiBaseUrl: 'www.zohoapis.in' }).apiBaseUrl).toBe(
      'https://sandbox.zohoapis.in',
    );
    expect(configError({ ...seed, sandbox: 'true', environment: 'developer' }).key).toBe('sandbox');
  });

  it('lets apiBaseUrl and accounts_url override the data centre', () => {
    const config = resolveConfig({
      ...seed,
      dataCenter: 'EU',
      apiBaseUrl: 'https://crm.example.com/',
      accounts_url: 'https://login.example.com',
    });
    expect(config.apiBaseUrl).toBe('https://crm.example.com');
    expect(config.accountsUrl).toBe('https://login.example.com');
  });

  it('refuses plain http:// except for loopback hosts', () => {
    expect(configError({ ...seed, apiBaseUrl: 'http://www.zohoapis.com' })).toMatchObject({
      key: 'apiBaseUrl',
      errorCode: 'CONFIG_INSECURE_URL',
    });
    expect(configError({ ...seed, accounts_url: 'http://10.0.0.5:8080' }).key).toBe('accounts_url');
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', '127.8.9.10']) {
      expect(
        resolveConfig({ ...seed, apiBaseUrl: `http://${host}`, accounts_url: `http://${host}` }).apiBaseUrl,
      ).toBe(`http://${host}`);
    }
    expect(configError({ ...seed, apiBaseUrl: 'ftp://example.com' }).errorCode).toBe('CONFIG_INSECURE_URL');
    expect(configError({ ...seed, apiBaseUrl: 'https://www.zohoapis.com?x=1' }).key).toBe('apiBaseUrl');
  });

  it('names an unknown key, with a suggestion', () => {
    const error = configError({ ...seed, clientid: 'x' });
    expect(error.key).toBe('clientid');
    expect(error.message).toContain('Unknown configuration key "clientid"');
    expect(error.message).toMatch(/did you mean "client_?[iI]d"/);
    expect(configError({ ...seed, totally_unrelated_setting: 1 }).message).not.toContain('did you mean');
    expect(configError({ ...seed, retry: { maxRetry: 2 } }).key).toBe('retry.maxRetry');
  });

  it('names a missing mandatory key', () => {
    expect(configError({ client_secret: 'x' })).toMatchObject({
      key: 'client_id',
      errorCode: 'CONFIG_MISSING_KEY',
    });
    expect(configError({ clientId: 'x' }).key).toBe('client_secret');
    expect(configError({ ...seed, persistence_handler_class: 'Store' }).key).toBe('persistence_handler_path');
  });

  it.each([
    ['currentUserEmail', 'not-an-email'],
    ['apiVersion', '2'],
    ['sandbox', 'yes'],
    ['mysql_port', '70000'],
    ['mysql_port', 'abc'],
    ['access_type', 'forever'],
    ['timeoutMs', 0],
    ['timeoutMs', Infinity],
    ['timeoutMs', -5],
    ['dataCenter', 'MARS'],
    ['environment', 'staging'],
    ['tokenStore', { getOAuthTokens() {} }],
    ['client_id', ''],
    ['logger', console.log],
  ])('names the key of a bad value: %s = %p', (key, value) => {
    const error = configError({ ...seed, [key]: value });
    expect(error.key).toBe(key);
    expect(error.errorCode).toBe('CONFIG_BAD_VALUE');
  });

  it('names nested keys of bad option values', () => {
    expect(configError({ ...seed, throttle: { edition: 'gold' } }).key).toBe('throttle.edition');
    expect(configError({ ...seed, database: { type: 'oracle' } }).key).toBe('database.type');
    expect(configError({ ...seed, retry: { budget: -1 } }).key).toBe('retry.budget');
    expect(configError({ ...seed, throttle: { redis: 'http://x' } }).key).toBe('throttle.redis');
  });

  it('never echoes a bad value (it may be a secret)', () => {
    expect(configError({ ...seed, client_secret: 12345678 }).message).not.toContain('12345678');
  });

  it('refuses the same key in both forms, and two token stores at once', () => {
    expect(configError({ ...seed, clientId: 'other' }).errorCode).toBe('CONFIG_CONFLICT');
    expect(
      configError({ ...seed, token_persistence_path: '/tmp/a', persistence_handler_path: '/tmp/b.js' })
        .errorCode,
    ).toBe('CONFIG_CONFLICT');
    expect(configError({ ...seed, tokenStore: 'memory', mysql_username: 'root' }).errorCode).toBe(
      'CONFIG_CONFLICT',
    );
  });

  it('chooses the token store from the keys', () => {
    const store = new MemoryTokenStore();
    expect(resolveConfig({ ...seed, tokenStore: store }).tokenStore).toEqual({ kind: 'instance', store });
    expect(resolveConfig({ ...seed, tokenStore: 'memory' }).tokenStore).toEqual({ kind: 'memory' });
    expect(resolveConfig({ ...seed, token_persistence_path: 'tokens' }).tokenStore).toEqual({
      kind: 'file',
      directory: resolve('tokens'),
    });
    expect(
      resolveConfig({ ...seed, persistence_handler_path: './store.js', persistence_handler_class: 'Store' })
        .tokenStore,
    ).toEqual({
      kind: 'custom',
      modulePath: resolve('./store.js'),
      className: 'Store',
    });
    expect(resolveConfig({ ...seed, database: { type: 'postgres' } }).tokenStore).toEqual({
      kind: 'database',
      database: {
        type: 'postgres',
        host: '127.0.0.1',
        port: 5432,
        username: 'postgres',
        password: '',
        database: 'zohooauth',
      },
    });
  });

  it('derives the throttle from the edition, or takes maxConcurrent, or turns it off', () => {
    expect(resolveConfig({ ...seed, throttle: { edition: 'free' } }).throttle).toMatchObject({
      maxConcurrent: 5,
      heavyMaxConcurrent: 5,
    });
    expect(resolveConfig({ ...seed, throttle: { edition: 'ultimate' } }).throttle).toMatchObject({
      maxConcurrent: 25,
      heavyMaxConcurrent: 10,
    });
    expect(
      resolveConfig({ ...seed, throttle: { edition: 'free', maxConcurrent: 7 } }).throttle?.maxConcurrent,
    ).toBe(7);
    expect(resolveConfig({ ...seed, throttle: false }).throttle).toBeUndefined();
    expect(resolveConfig({ ...seed, retry: false }).retry.maxRetries).toBe(0);
  });

  it('ignores keys whose value is undefined (spread environment variables)', () => {
    expect(resolveConfig({ ...seed, currentUserEmail: undefined }).currentUserEmail).toBeUndefined();
  });

  it('refuses a configuration that is not an object', () => {
    expect(configError('client_id=1').key).toBe('config');
  });
});
