/**
 * One process of the shared-limiter run (support/limiter-workers.ts): a client whose throttle shares its budget
 * through Redis, told by ZCRM_LIMITER_WORKER what to do. It answers `{ ready }`; on `{ go: true }` it makes `calls` API calls,
 * `inFlight` at a time, and answers with what its callers saw (successes, errors by code) and how many
 * attempts the server answered 429 (counted below the retry step, so retried ones count too).
 */
import { ZCRMRestClient } from '../../../src/api/rest-client';
import { MemoryTokenStore } from '../../../src/auth/stores/memory-token-store';
import { ZCRMException } from '../../../src/errors';

interface WorkerPlan {
  config: Record<string, unknown>;
  accessToken: string;
  calls: number;
  inFlight: number;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.ZCRM_LIMITER_WORKER ?? '{}') as WorkerPlan;
  const user = plan.config.currentUserEmail as string;
  const tokenStore = new MemoryTokenStore();
  await tokenStore.saveOAuthTokens({
    userEmail: user,
    accessToken: plan.accessToken,
    refreshToken: '',
    expiryTime: Date.now() + 3_600_000,
  });
  const client = new ZCRMRestClient({ ...plan.config, tokenStore });
  let served429 = 0;
  client.pipeline = client.pipeline.insertAfter('throttle', {
    name: 'count-429',
    async handle(request, next) {
      try {
        return await next(request);
      } catch (err) {
        if (err instanceof ZCRMException && err.statusCode === 429) served429++;
        throw err;
      }
    },
  });
  const go = new Promise((resolve) => process.once('message', resolve));
  process.send!({ ready: true });
  await go;
  const surfaced: Record<string, number> = {};
  let ok = 0;
  let next = 0;
  const started = Date.now();
  const lane = async () => {
    while (next < plan.calls) {
      next++;
      try {
        await client.request({ path: 'Leads', params: { per_page: 1 } });
        ok++;
      } catch (err) {
        const key = err instanceof ZCRMException ? `${err.statusCode} ${err.errorCode}` : String(err);
        surfaced[key] = (surfaced[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.inFlight }, lane));
  process.send!({ ok, surfaced, served429, ms: Date.now() - started });
  await client.close();
  process.exit(0);
}

main().catch((err) => {
  process.send!({ fatal: String(err) });
  process.exit(1);
});
