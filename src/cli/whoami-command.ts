import { Command } from 'commander';
import { addConnectionOptions, ConnectionFlags } from './cli-config';
import { out } from './output';

interface WhoamiFlags extends ConnectionFlags {
  json?: boolean;
}

/** `zcrm whoami`: the current user as the CRM API reports it (`GET users?type=CurrentUser`). */
export function registerWhoamiCommand(program: Command): void {
  addConnectionOptions(
    program
      .command('whoami')
      .description('show the CRM user the stored tokens act as')
      .option('--json', 'print the user as one JSON object'),
  ).action(async (flags: WhoamiFlags) => {
    const { withClient } = await import('./cli-client');
    await withClient(flags, { needsUser: true }, async ({ client }) => {
      const user = (await client.getCurrentUser()).data[0];
      if (!user) throw new Error('the CRM returned no current user');
      const summary = {
        id: user.id ?? null,
        name: user.fullName ?? user.name ?? null,
        email: user.email ?? null,
        role: user.role?.name ?? null,
        profile: user.profile?.name ?? null,
        status: user.status ?? null,
        timeZone: user.timeZone ?? null,
        apiBaseUrl: client.config.apiBaseUrl,
      };
      if (flags.json) {
        out.line(JSON.stringify(summary));
        return;
      }
      out.line(`${summary.name ?? '(no name)'} <${summary.email ?? 'no email'}>`);
      out.line(`id:       ${summary.id ?? ''}`);
      out.line(`role:     ${summary.role ?? ''}`);
      out.line(`profile:  ${summary.profile ?? ''}`);
      out.line(`status:   ${summary.status ?? ''}`);
      out.line(`org API:  ${summary.apiBaseUrl}`);
    });
  });
}
