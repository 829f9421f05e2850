import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';

/**
 * Zoho's official Node SDK (`@zohocrm/nodejs-sdk-2.0`), driven unmodified against the emulator by the contract
 * test and the speed bench. It is plain CommonJS without types, so its modules load by path inside the package.
 */
const load = createRequire(__filename);

/** A module of the official SDK by its path inside the package, e.g. `sdk('routes/initializer')`. */
export function sdk(modulePath: string): any {
  return load(`@zohocrm/nodejs-sdk-2.0/${modulePath}`);
}

/** A module of the SDK's API packages: `core/com/zoho/crm/api/<modulePath>`. */
export function sdkApi(modulePath: string): any {
  return sdk(`core/com/zoho/crm/api/${modulePath}`);
}

export interface OfficialSdkSession {
  /** The SDK's `OAuthToken` the Initializer holds (its access token and expiry after the first call). */
  token: any;
  /** The SDK's `FileStore` of tokens (`<dir>/sdk_tokens.txt`). */
  store: any;
  /** Where the SDK keeps its field cache: `<dir>/resources`. */
  resourcePath: string;
  /** The SDK's log file. */
  logFile: string;
}

/**
 * Initialises the official SDK as its README shows, with a custom `Environment` whose CRM, Accounts and
 * file-upload URLs are the emulator's, a grant-token `OAuthToken`, a `FileStore`, a log file and a resource path
 * (its field cache), all under `dir`. The grant code is exchanged on the SDK's first API call.
 */
export async function initializeOfficialSdk(options: {
  emulator: Pick<RunningEmulator, 'url' | 'clientId' | 'clientSecret'>;
  email: string;
  grantToken: string;
  dir: string;
  /** The SDK's `autoRefreshFields` (fetch every module's fields into the cache on first use). Default false. */
  autoRefreshFields?: boolean;
}): Promise<OfficialSdkSession> {
  const { emulator, dir } = options;
  mkdirSync(dir, { recursive: true });
  const { Environment } = sdk('routes/dc/environment');
  const { InitializeBuilder } = sdk('routes/initialize_builder');
  const { Initializer } = sdk('routes/initializer');
  const { UserSignature } = sdk('routes/user_signature');
  const { OAuthBuilder } = sdk('models/authenticator/oauth_builder');
  const { FileStore } = sdk('models/authenticator/store/file_store');
  const { LogBuilder } = sdk('routes/logger/log_builder');
  const { Levels } = sdk('routes/logger/logger');
  const { SDKConfigBuilder } = sdk('routes/sdk_config_builder');

  // `Environment(url, accountsUrl, fileUploadUrl, name)`: the accounts URL is the full token endpoint
  // (routes/dc/us_data_center.js, getIAMUrl).
  const environment = new Environment(
    emulator.url,
    `${emulator.url}/oauth/v2/token`,
    emulator.url,
    'emulator',
  );
  const token = new OAuthBuilder()
    .clientId(emulator.clientId)
    .clientSecret(emulator.clientSecret)
    .grantToken(options.grantToken)
    .redirectURL('http://localhost/callback')
    .build();
  const store = new FileStore(path.join(dir, 'sdk_tokens.txt'));
  const logFile = path.join(dir, 'sdk.log');
  const logger = new LogBuilder().level(Levels.INFO).filePath(logFile).build();
  const sdkConfig = new SDKConfigBuilder()
    .autoRefreshFields(options.autoRefreshFields ?? false)
    .pickListValidation(false)
    .build();

  const builder = await new InitializeBuilder();
  builder
    .user(new UserSignature(options.email))
    .environment(environment)
    .token(token)
    .store(store)
    .SDKConfig(sdkConfig)
    .resourcePath(dir)
    .logger(logger)
    .initialize();
  // `InitializeBuilder.initialize()` starts the SDK's async `Initializer.initialize` without awaiting it.
  while ((await Initializer.getInitializer())?.getToken() !== token)
    await new Promise((r) => setImmediate(r));
  return { token, store, resourcePath: path.join(dir, 'resources'), logFile };
}

/** Closes the SDK's winston log file, so a finished test or bench leaves no open handle behind. */
export function closeOfficialSdkLogs(): void {
  const winston = createRequire(require.resolve('@zohocrm/nodejs-sdk-2.0'))('winston');
  winston.clear();
  winston.close?.();
}
