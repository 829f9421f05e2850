import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { AdjustableClock, Clock, systemClock } from './clock';
import { EmulatorContext, EmulatorSettings, MixedStatus } from './context';
import { buildServer } from './server';
import { buildInitialState } from './state/initial-state';
import { loadState, saveState } from './state/persist';
import { SeedFile, validateSeedFile } from './data/seed-file';
import { seedRecords } from './data/demo-records';
import { issueGrantCode } from './accounts/oauth-routes';
import type { Edition } from './crm/limits';

export type { Clock } from './clock';
export type { Edition } from './crm/limits';
export type { SeedFile } from './data/seed-file';
export type { FaultRule } from './admin/faults';

/** Options of {@link startEmulator}. Every option has a default that suits tests. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /** A JSON file holding the emulator's state: loaded at start when it exists, written atomically at `stop()`. */
  state?: string;
  /** Custom modules, fields and records (an object or a JSON file path); see `SeedFile`. */
  seed?: SeedFile | string;
  /** CRM API version in paths (`/crm/v2/...`). */
  apiVersion?: string;
  /** Licence edition: sets API credits and concurrency limits. Default `enterprise`. */
  edition?: Edition;
  /** Base clock (the admin clock route moves time forward on top of it). */
  clock?: Clock;
  /** OAuth client credentials; random `1000.…` values by default (or those saved in `state`). */
  clientId?: string;
  clientSecret?: string;
  /** HTTP status of a write batch where some records failed: 202 (v2 era, default) or 207. */
  mixedStatus?: MixedStatus;
  /** Seed demo records (accounts, contacts, leads, products …). Default true. */
  demoData?: boolean;
  grantTokenTtlSeconds?: number;
  accessTokenTtlSeconds?: number;
  /** Emit the v2-era `X-RATELIMIT-DAY-LIMIT`/`-REMAINING` headers. Default true. */
  legacyRateLimitHeaders?: boolean;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL serving both Zoho Accounts (`/oauth/v2/...`) and the CRM API (`/crm/v2/...`). */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Mints a one-time grant code, as the Self Client console would. */
  issueGrantToken(options: { scope: string; email?: string }): Promise<string>;
  /** Moves the emulator's clock forward. */
  advanceClock(seconds: number): void;
  /** Restores the seeded data (tokens stay valid). */
  reset(): void;
  /** Stops listening, closing keep-alive connections; writes the state file when one was given. */
  stop(): Promise<void>;
  /** The fastify instance, for embedding or extra routes. */
  server: FastifyInstance;
}

/** Starts a local Zoho CRM v2 + Accounts emulator. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = loadSeed(options.seed);
  const saved = options.state ? await loadState(options.state) : undefined;
  const demoData = options.demoData ?? true;
  const fresh = () => buildInitialState(seed);
  const populate = (ctx: EmulatorContext) => seedRecords(ctx, { demo: demoData, seed });

  const state = saved ?? fresh();
  // Explicit credentials win; otherwise the saved client keeps earlier tokens usable; otherwise random ones.
  const client = {
    clientId:
      options.clientId ??
      state.oauth.client?.clientId ??
      `1000.${randomBytes(15).toString('hex').toUpperCase()}`,
    clientSecret: options.clientSecret ?? state.oauth.client?.clientSecret ?? randomBytes(21).toString('hex'),
  };
  state.oauth.client = client;

  const settings: EmulatorSettings = {
    edition: options.edition ?? 'enterprise',
    apiVersion: options.apiVersion ?? 'v2',
    grantTokenTtlSeconds: options.grantTokenTtlSeconds ?? 180,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    mixedStatus: options.mixedStatus ?? 202,
    legacyRateLimitHeaders: options.legacyRateLimitHeaders ?? true,
  };
  const clock = new AdjustableClock(options.clock ?? systemClock);
  const ctx = new EmulatorContext(state, clock, settings, client, fresh, populate);
  if (!saved) populate(ctx);

  const app = await buildServer(ctx);
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  ctx.baseUrl = address;
  let stopped = false;

  return {
    url: ctx.baseUrl,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    issueGrantToken: async ({ scope, email }) => issueGrantCode(ctx, scope, email),
    advanceClock: (seconds) => clock.advance(seconds),
    reset: () => ctx.reset(),
    server: app,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await app.close();
      if (options.state) await saveState(options.state, ctx.state);
    },
  };
}

function loadSeed(seed: SeedFile | string | undefined): SeedFile {
  if (seed === undefined) return {};
  if (typeof seed === 'string') return validateSeedFile(JSON.parse(readFileSync(seed, 'utf8')));
  return validateSeedFile(seed);
}
