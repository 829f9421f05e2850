import type { ResolvedConfig } from '../config/client-config';
import type { ZCRMLogger } from '../config/logger';
import { USER_AGENT } from '../version';
import { axiosTransport } from './axios-transport';
import type { Handler } from './http-types';
import { Pipeline } from './pipeline';
import { AccessTokenSource, authHeaderStep } from './steps/auth-header-step';
import { defaultHeadersStep } from './steps/default-headers-step';
import { loggingStep } from './steps/logging-step';
import { raiseForStatusStep } from './steps/raise-for-status-step';
import { refreshOnInvalidTokenStep } from './steps/refresh-step';
import { retryStep } from './steps/retry-step';
import type { Limiters } from './steps/limiter';
import { throttleStep } from './steps/throttle-step';

/** What the default pipeline is built from. */
export interface PipelineDeps {
  config: ResolvedConfig;
  tokens: AccessTokenSource;
  logger: ZCRMLogger;
  /** Omitted when throttling is off. */
  limiters?: Limiters;
  transport?: Handler;
}

/**
 * The steps, outermost first: retry (each retry goes through everything below again) → refresh once on
 * INVALID_TOKEN → auth header (a refresh does not hold a throttle slot) → throttle → default headers →
 * logging (one line per attempt) → raise for status → axios.
 */
export function defaultPipeline(deps: PipelineDeps): Pipeline {
  return new Pipeline(
    [
      retryStep(deps.config.retry, deps.logger),
      refreshOnInvalidTokenStep(deps.tokens),
      authHeaderStep(deps.tokens),
      ...(deps.limiters ? [throttleStep(deps.limiters)] : []),
      defaultHeadersStep(USER_AGENT),
      loggingStep(deps.logger),
      raiseForStatusStep(),
    ],
    deps.transport ?? axiosTransport(),
  );
}
