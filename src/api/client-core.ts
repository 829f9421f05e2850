import { createTokenStore } from '../auth/stores/create-token-store';
import { currentUserEmail, runAsUserEmail } from '../auth/user-context';
import { ZohoOAuth } from '../auth/zoho-oauth';
import { ZohoOAuthClient } from '../auth/zoho-oauth-client';
import type { ResolvedConfig } from '../config/client-config';
import type { QueryLogEntry } from '../config/query-log';
import { fileLogger, redactingLogger, silentLogger, ZCRMLogger } from '../config/logger';
import { ConfigInput, resolveConfig } from '../config/resolve-config';
import { redactInspection } from '../errors/redact';
import { ZCRMException } from '../errors/zcrm-exception';
import { defaultPipeline } from '../http/default-pipeline';
import type { Handler, HttpMethod, HttpResponse } from '../http/http-types';
import type { Pipeline } from '../http/pipeline';
import { createLimiters, Limiters } from '../http/steps/limiter';
import type { ZCRMRestClient } from './rest-client';

/** Query parameter values; arrays are sent comma-separated as Zoho expects (`ids=1,2,3`). */
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;

/** One CRM call through the pipeline. */
export interface RequestOptions {
  method?: HttpMethod;
  /** Relative to `/crm/<apiVersion>/` (`Leads`, `settings/modules`), absolute from the host (`/crm/bulk/v2/read`), or a full `https://` URL (bulk-write upload host and download URLs). */
  path: string;
  params?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  responseType?: 'json' | 'arraybuffer' | 'stream';
  signal?: AbortSignal;
  /** Overrides the configured timeout for this call (per attempt; for `stream` responses, until the headers arrive). */
  timeoutMs?: number;
  /** Allow retries after a response-less failure of a POST (or forbid them for any method). */
  retryable?: boolean;
  /** A heavy API (COQL, bulk, mass update, lead conversion): also limited by the heavy sub-concurrency. */
  heavy?: boolean;
}

/** Test and embedding hooks. */
export interface ClientOptions {
  /** Epoch-ms clock of token expiry. */
  now?: () => number;
  /** Replaces axios as the pipeline's transport. */
  transport?: Handler;
}

/**
 * What every `ZCRMRestClient` is below its seed-parity entry points: configuration, the acting user, the one
 * request entry point the API layer builds on, and the process-wide client. The entities sit between the two
 * (they fall back on {@link getInstance} and are what the entry points return), so they import this class
 * and `ZCRMRestClient` imports them, each dependency pointing down.
 */
export abstract class ZCRMClientCore {
  static #instance: ZCRMClientCore | undefined;

  readonly config: ResolvedConfig;
  readonly oauthClient: ZohoOAuthClient;
  /**
   * Scopes Zoho refused this client's token for (`OAUTH_SCOPE_MISMATCH`), as the ORM learned them: its query
   * planner avoids a backend whose scope is here when another backend can run the query.
   */
  readonly missingScopes = new Set<string>();
  readonly logger: ZCRMLogger;
  /** The request pipeline; replace it (see `Pipeline.replace`/`insertAfter`) to customise steps. */
  pipeline: Pipeline;
  private readonly limiters?: Limiters;

  constructor(config: ConfigInput, options: ClientOptions = {}) {
    this.config = resolveConfig(config);
    this.logger = this.createLogger();
    this.oauthClient = new ZohoOAuthClient(this.config, {
      store: createTokenStore(this.config.tokenStore),
      logger: this.logger,
      now: options.now,
    });
    this.limiters = this.config.throttle && createLimiters(this.config.throttle);
    this.pipeline = defaultPipeline({
      config: this.config,
      tokens: this.oauthClient,
      logger: this.logger,
      limiters: this.limiters,
      transport: options.transport,
    });
    redactInspection(this);
  }

  /** The client made by `ZCRMRestClient.initialize`; throws `NOT_INITIALIZED` before it. */
  static getInstance(): ZCRMRestClient {
    const client = ZCRMClientCore.#instance;
    if (!client) throw ZCRMException.notInitialized();
    // Only `ZCRMRestClient.initialize` sets it.
    return client as ZCRMRestClient;
  }

  /** Makes `client` the process-wide client (and `ZohoOAuth`'s) and closes the one it replaces. */
  protected static adopt(client: ZCRMClientCore): void {
    const previous = ZCRMClientCore.#instance;
    ZCRMClientCore.#instance = client;
    ZohoOAuth.initialize(client.oauthClient);
    if (previous !== client) void previous?.close();
  }

  /**
   * The user calls act as now: the `runAs` user, else `currentUserEmail`, else the user granted first
   * through this client.
   */
  getCurrentUserEmailID(): string {
    return currentUserEmail(this.config.currentUserEmail ?? this.oauthClient.grantedUserEmail);
  }

  /**
   * {@link getCurrentUserEmailID}, falling back last on the token store's only user (so after
   * `zcrm auth grant` for one user, calls need no `currentUserEmail`).
   */
  async resolveCurrentUserEmail(): Promise<string> {
    const known = runAsUserEmail() ?? this.config.currentUserEmail;
    if (known !== undefined) return known;
    return currentUserEmail(await this.oauthClient.defaultUserEmail());
  }

  /** Sends one CRM request through the pipeline. Error statuses throw typed exceptions; 204/304 resolve with `noData`. */
  async request<T = unknown>(options: RequestOptions): Promise<HttpResponse<T>> {
    // Resolved here, in the caller's async context: the throttle may run the attempt from another context.
    const userEmail = await this.resolveCurrentUserEmail();
    return (await this.pipeline.handle({
      method: options.method ?? 'GET',
      url: this.url(options.path, options.params),
      headers: { ...options.headers },
      body: options.body,
      responseType: options.responseType,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? this.config.timeoutMs,
      retryable: options.retryable,
      heavy: options.heavy,
      auth: { userEmail },
    })) as HttpResponse<T>;
  }

  /** Closes the token store, the Redis limiter connection, and (for the process-wide client) forgets it. */
  async close(): Promise<void> {
    if (ZCRMClientCore.#instance === this) {
      ZCRMClientCore.#instance = undefined;
      ZohoOAuth.initialize(undefined);
    }
    await this.limiters?.general.disconnect();
    await this.limiters?.heavy.disconnect();
    await this.oauthClient.close();
  }

  /** Where the ORM reports each finished query (`queryLogger`), or undefined when nothing listens. */
  get queryLog(): ((entry: QueryLogEntry) => void) | undefined {
    const option = this.config.queryLogger;
    if (typeof option === 'function') return option;
    if (option !== true) return undefined;
    return (entry) =>
      this.logger.info(
        `query ${entry.model} via ${entry.backend}: ${entry.calls.length} call(s), ${entry.records} record(s), ${entry.durationMs} ms${entry.error ? `, failed: ${entry.error}` : ''}; ${entry.calls.map((c) => `[${c.backend}] ${c.text}`).join(' | ')}`,
      );
  }

  private createLogger(): ZCRMLogger {
    if (this.config.logger) return redactingLogger(this.config.logger);
    if (this.config.applicationLogFilePath)
      return redactingLogger(fileLogger(this.config.applicationLogFilePath));
    return silentLogger;
  }

  private url(path: string, params: Record<string, QueryValue> | undefined): string {
    const base = /^https?:\/\//i.test(path)
      ? path
      : path.startsWith('/')
        ? `${this.config.apiBaseUrl}${path}`
        : `${this.config.apiBaseUrl}/crm/${this.config.apiVersion}/${path}`;
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params ?? {})) {
      if (value === undefined) continue;
      query.append(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  }
}
