import IORedis from 'ioredis';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import type { Step } from '../../src/http/http-types';
import { addFault, authorisedClient, KEVIN, PATRICIA } from '../support/sdk';
import { describeRedis, dropLimiterClients, REDIS } from '../support/redis';
import { createLimiter } from '../../src/http/steps/limiter';

describeRedis('Redis-backed limiter', () => {
  let emulator: RunningEmulator;
  const clients: ZCRMRestClient[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    const redis = new IORedis(REDIS);
    for (const id of ids) {
      const keys = await redis.keys(`b_${id}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
    await emulator.stop();
  });

  /** Counts attempts in flight after the throttle, across every client given the same counter. */
  function probe(counter: { now: number; peak: number }): Step {
    return {
      name: 'probe',
      async handle(request, next) {
        counter.peak = Math.max(counter.peak, ++counter.now);
        try {
          return await next(request);
        } finally {
          counter.now--;
        }
      },
    };
  }

  async function peakConcurrency(limiterIds: [string, string]): Promise<number> {
    ids.push(...limiterIds);
    const counter = { now: 0, peak: 0 };
    const pair = await Promise.all(
      limiterIds.map(async (id, i) => {
        const client = await authorisedClient(emulator, i === 0 ? PATRICIA : KEVIN, {
          throttle: { maxConcurrent: 2, redis: REDIS, id },
        });
        clients.push(client);
        client.pipeline = client.pipeline.insertAfter('throttle', probe(counter));
        return client;
      }),
    );
    await addFault(emulator, { method: 'GET', path: '/crm/v2/Leads', times: 16, delayMs: 150 });
    await Promise.all(
      Array.from({ length: 16 }, (_, i) => pair[i % 2].request({ path: 'Leads', params: { per_page: 1 } })),
    );
    return counter.peak;
  }

  it('makes two limiters with one id share one budget', async () => {
    const id = `zcrm-test-${process.pid}-${Date.now()}`;
    expect(await peakConcurrency([id, id])).toBe(2);
  });

  it('gives limiters with different ids their own budgets', async () => {
    const id = `zcrm-test-${process.pid}-${Date.now()}`;
    expect(await peakConcurrency([`${id}-a`, `${id}-b`])).toBe(4);
  });

  it('keeps running jobs after Redis has dropped the process from the shared budget', async () => {
    // Bottleneck drops a client from Redis when it misses a capacity hand-off by 1 s or a heartbeat for 10 s
    // (easy on a loaded machine); its next script must re-register it, not fail forever.
    const id = `zcrm-test-${process.pid}-${Date.now()}-dropped`;
    ids.push(id);
    const limiter = createLimiter({ maxConcurrent: 2, minTimeMs: 0, id, redis: REDIS });
    try {
      expect(await limiter.schedule(async () => 'before')).toBe('before');
      await dropLimiterClients(id);
      expect(await limiter.schedule(async () => 'after')).toBe('after');
    } finally {
      await limiter.disconnect();
    }
  });
});
