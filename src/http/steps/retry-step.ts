import type { RetryOptions } from '../../config/client-config';
import type { ZCRMLogger } from '../../config/logger';
import type { Step } from '../http-types';
import { backoffDelay, sleep } from './backoff';
import { RetryBudget } from './retry-budget';
import { ZCRMException } from '../../errors/zcrm-exception';
import { mayHaveBeenProcessed, retryDecision } from './retry-policy';

/**
 * Retries failed attempts per {@link retryDecision}: up to `maxRetries`, waiting with full-jitter exponential
 * backoff (or what a 429's headers ask, unless that exceeds `maxDelayMs`), while the shared budget lasts.
 */
export function retryStep(
  options: Required<RetryOptions>,
  logger: ZCRMLogger,
  random: () => number = Math.random,
): Step {
  const budget = new RetryBudget(options.budget);
  return {
    name: 'retry',
    async handle(request, next) {
      let lostAnswer = false;
      for (let retry = 1; ; retry++) {
        try {
          const response = await next(request);
          budget.recordSuccess();
          return lostAnswer ? { ...response, replayedAfterLostAnswer: true } : response;
        } catch (err) {
          const answersRetryAfterLoss = lostAnswer;
          lostAnswer ||= mayHaveBeenProcessed(err);
          const decision = retry <= options.maxRetries ? retryDecision(err, request) : undefined;
          const wait =
            decision &&
            (decision.wait ?? backoffDelay(retry, options.baseDelayMs, options.maxDelayMs, random));
          if (wait === undefined || wait > options.maxDelayMs || !budget.trySpend()) {
            if (answersRetryAfterLoss && err instanceof ZCRMException) err.replayedAfterLostAnswer = true;
            throw err;
          }
          logger.debug(
            `retry ${retry}/${options.maxRetries} of ${request.method} ${request.url} in ${wait} ms`,
          );
          await sleep(wait, request.signal, request.url);
        }
      }
    },
  };
}
