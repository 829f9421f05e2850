import type { ZCRMRestClient } from '../api/rest-client';
import { CliConfig, ConnectionFlags, loadCliConfig, requireUser } from './cli-config';

/** What a command body gets: the process-wide client (so models without a client use it) and its configuration. */
export interface CliSession {
  client: ZCRMRestClient;
  config: CliConfig;
  /** The user calls act as (when the command needs one). */
  user?: string;
}

/**
 * Runs `fn` with a client made from the flags, the environment and the config file, closing it (token store,
 * limiter connections) afterwards so the process can exit. The configuration is checked before the SDK is
 * loaded, so a usage error answers at once.
 */
export async function withClient<T>(
  flags: ConnectionFlags,
  options: { needsUser: boolean },
  fn: (session: CliSession) => Promise<T>,
): Promise<T> {
  const config = loadCliConfig(flags);
  const { ZCRMRestClient } = await import('../api/rest-client');
  const client = ZCRMRestClient.initialize(config.input);
  try {
    // Without a configured user, the token store's only user (after `zcrm auth grant`) is the one.
    let user = config.resolved.currentUserEmail;
    if (options.needsUser && user === undefined)
      user = requireUser(config, await client.oauthClient.defaultUserEmail());
    return await fn({ client, config, user });
  } finally {
    await client.close();
  }
}
