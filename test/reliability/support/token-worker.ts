/**
 * One of the processes sharing a token row (forked by tokens-many-processes.test.ts). Configuration comes in
 * ZCRM_WORKER_CONFIG. It opens its client, answers `{ ready }`, and for every `{ calls }` message makes that
 * many API calls at once and answers `{ ok, failed, errors, token }`.
 */
import { ZCRMRestClient } from '../../../src/api/rest-client';

async function main(): Promise<void> {
  const config = JSON.parse(process.env.ZCRM_WORKER_CONFIG ?? '{}');
  const user = config.currentUserEmail as string;
  const client = new ZCRMRestClient(config);
  await client.oauthClient.getAccessToken(user); // opens the store, so the rounds race on the refresh alone
  process.on('message', (message: { calls?: number; exit?: boolean }) => {
    if (message.exit) {
      void client.close().then(() => process.exit(0));
      return;
    }
    void round(client, user, message.calls ?? 1).then((result) => process.send!(result));
  });
  process.send!({ ready: true });
}

async function round(client: ZCRMRestClient, user: string, calls: number) {
  const results = await Promise.allSettled(
    Array.from({ length: calls }, () => client.request({ path: 'Leads', params: { per_page: 1 } })),
  );
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
  return {
    ok: results.length - errors.length,
    failed: errors.length,
    errors: errors.slice(0, 3),
    token: await client.oauthClient.getAccessToken(user),
  };
}

main().catch((err) => {
  process.send!({ fatal: String(err) });
  process.exit(1);
});
