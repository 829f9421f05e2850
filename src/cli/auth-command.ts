import { Command } from 'commander';
import { registerSecret } from '../errors/redact';
import { addConnectionOptions, ConnectionFlags, describeTokenStore, requireUser } from './cli-config';
import { out } from './output';

/**
 * `zcrm auth grant <code>` and `zcrm auth refresh <token> --user <email>`: the self-client flow of the seed's
 * README. The tokens go to the configured store (SQLite `./.zcrm/tokens.sqlite` unless configured otherwise),
 * where later commands and the SDK find them; they are never printed.
 */
export function registerAuthCommand(program: Command): void {
  const auth = program
    .command('auth')
    .description('store OAuth tokens for a user (self-client grant token or refresh token)');

  addConnectionOptions(
    auth
      .command('grant')
      .description(
        'exchange a grant token (Zoho API console → Self Client; include the aaaserver.profile.READ scope) ' +
          'and store the tokens under the user it belongs to',
      )
      .argument('<code>', 'the grant token'),
  ).action(async (code: string, flags: ConnectionFlags) => {
    registerSecret(code);
    const { withClient } = await import('./cli-client');
    await withClient(flags, { needsUser: false }, async ({ client, config }) => {
      const tokens = await client.oauthClient.generateAccessToken(code);
      out.line(`Stored tokens for ${tokens.userEmail} in ${describeTokenStore(config.resolved)}`);
    });
  });

  addConnectionOptions(
    auth
      .command('refresh')
      .description('store a refresh token for a user and mint an access token from it')
      .argument('<token>', 'the refresh token'),
  ).action(async (token: string, flags: ConnectionFlags) => {
    registerSecret(token);
    const { withClient } = await import('./cli-client');
    await withClient(flags, { needsUser: true }, async ({ client, config }) => {
      const tokens = await client.oauthClient.generateAccessTokenFromRefreshToken(token, requireUser(config));
      out.line(`Stored tokens for ${tokens.userEmail} in ${describeTokenStore(config.resolved)}`);
    });
  });
}
