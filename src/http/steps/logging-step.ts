import type { ZCRMLogger } from '../../config/logger';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { Step } from '../http-types';

/**
 * One log line per attempt: method, URL, status or error, duration. Never headers or bodies, and the logger is
 * a redacting one, so tokens in URLs or messages are masked too.
 */
export function loggingStep(logger: ZCRMLogger): Step {
  return {
    name: 'logging',
    async handle(request, next) {
      const started = performance.now();
      const elapsed = () => `${Math.round(performance.now() - started)} ms`;
      try {
        const response = await next(request);
        logger.info(`${request.method} ${request.url} -> ${response.status} (${elapsed()})`);
        return response;
      } catch (err) {
        const what = err instanceof ZCRMException ? err.message : String(err);
        logger.warn(`${request.method} ${request.url} failed after ${elapsed()}: ${what}`);
        throw err;
      }
    },
  };
}
