import { createTokenStore } from '../auth/stores/create-token-store';
import { currentUserEmail, runAs } from '../auth/user-context';
import { ZohoOAuth } from '../auth/zoho-oauth';
import { ZohoOAuthClient } from '../auth/zoho-oauth-client';
import type { ResolvedConfig } from '../config/client-config';
import { fileLogger, redactingLogger, silentLogger, ZCRMLogger } from '../config/logger';
import { ConfigInput, resolveConfig } from '../config/resolve-config';
import { defaultPipeline } from '../http/default-pipeline';
import type { Handler, HttpMethod, HttpResponse } from '../http/http-types';
import type { Pipeline } from '../http/pipeline';
import { createLimiters, Limiters } from '../http/steps/limiter';
import { defaultClient, peekDefaultClient, setDefaultClient } from './default-client';
import * as calls from './entities/rest-client-calls';
import type { ZCRMModule } from './entities/zcrm-module';
import type { ZCRMOrganization } from './entities/zcrm-organization';
import type { ZCRMRecord } from './entities/zcrm-record';
import type { ZCRMUser } from './entities/zcrm-user';
import type { ConditionalGet } from './operations/item-results';
import type { APIResponse } from './responses/api-response';
import type { BulkAPIResponse } from './responses/bulk-api-response';

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
 * The seed's `ZCRMRestClient`: configuration, the acting user, and the one request entry point the API layer
 * builds on. `initialize` sets up the process-wide client (and `ZohoOAuth`); `new ZCRMRestClient(config)` makes
 * an independent one (another org, other credentials).
 */
export class ZCRMRestClient {
  readonly config: ResolvedConfig;
  readonly oauthClient: ZohoOAuthClient;
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
  }

  /** Validates `config` and makes the process-wide client that {@link getInstance} and `ZohoOAuth` return. */
  static initialize(config: ConfigInput, options?: ClientOptions): ZCRMRestClient {
    const client = new ZCRMRestClient(config, options);
    const previous = setDefaultClient(client);
    ZohoOAuth.initialize(client.oauthClient);
    void previous?.close();
    return client;
  }

  /** The client made by {@link initialize}. */
  static getInstance(): ZCRMRestClient {
    return defaultClient();
  }

  /** Runs `fn` with every call inside it (across awaits) acting as `userEmail`. */
  static runAs<T>(userEmail: string, fn: () => T): T {
    return runAs(userEmail, fn);
  }

  /** The user calls act as now: the `runAs` user, else `currentUserEmail`. */
  getCurrentUserEmailID(): string {
    return currentUserEmail(this.config.currentUserEmail);
  }

  /** Sends one CRM request through the pipeline. Error statuses throw typed exceptions; 204/304 resolve with `noData`. */
  async request<T = unknown>(options: RequestOptions): Promise<HttpResponse<T>> {
    // Resolved here, in the caller's async context: the throttle may run the attempt from another context.
    const userEmail = this.getCurrentUserEmailID();
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
    if (peekDefaultClient() === this) {
      setDefaultClient(undefined);
      ZohoOAuth.initialize(undefined);
    }
    await this.limiters?.general.disconnect();
    await this.limiters?.heavy.disconnect();
    await this.oauthClient.close();
  }

  /** `GET settings/modules`: every module (seed `get_all_modules`); `ifModifiedSince` → only modules changed since. */
  getAllModules(options?: ConditionalGet): Promise<BulkAPIResponse<ZCRMModule>> {
    return calls.getAllModules(this, options);
  }

  /** `GET settings/modules/{apiName}`: one module with its settings (seed `get_module`). */
  getModule(apiName: string): Promise<APIResponse<ZCRMModule>> {
    return calls.getModule(this, apiName);
  }

  /** `GET users?type=CurrentUser`: the user calls act as, as a one-element list (seed `get_current_user`). */
  getCurrentUser(): Promise<BulkAPIResponse<ZCRMUser>> {
    return calls.getCurrentUser(this);
  }

  /** `GET org`: the org's details (seed `get_organization_details`). */
  getOrganizationDetails(): Promise<APIResponse<ZCRMOrganization>> {
    return calls.getOrganizationDetails(this);
  }

  /** An org object on this client, without a request (seed `get_organization_instance`). */
  getOrganizationInstance(): ZCRMOrganization {
    return calls.getOrganizationInstance(this);
  }

  /** A module object on this client, without a request (seed `get_module_instance`). */
  getModuleInstance(moduleApiName: string): ZCRMModule {
    return calls.getModuleInstance(this, moduleApiName);
  }

  /** A record object on this client, without a request (seed `get_record_instance`). */
  getRecordInstance(moduleApiName: string, entityId?: string): ZCRMRecord {
    return calls.getRecordInstance(this, moduleApiName, entityId);
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
