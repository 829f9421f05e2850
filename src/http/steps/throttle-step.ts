import { ConnectionException } from '../../errors/connection-exception';
import type { HttpResponse, Step } from '../http-types';
import type { Limiter, Limiters } from './limiter';

/**
 * Runs each attempt inside a limiter slot (concurrency per org, optional spacing); heavy requests (COQL, bulk,
 * mass update, conversion) also take a slot of the heavy limiter, Zoho's sub-concurrency. A caller that aborts
 * while waiting for a slot is released at once, and its attempt is not sent when the slot comes.
 */
export function throttleStep(limiters: Limiter | Limiters): Step {
  const { general, heavy } = 'general' in limiters ? limiters : { general: limiters, heavy: undefined };
  return {
    name: 'throttle',
    handle(request, next) {
      const signal = request.signal;
      let started = false;
      const attempt = () =>
        general.schedule(() => {
          started = true;
          if (signal?.aborted) return Promise.reject(ConnectionException.aborted(request.url));
          return next(request);
        });
      const scheduled = request.heavy && heavy ? heavy.schedule(attempt) : attempt();
      if (!signal) return scheduled;
      // While queued, an abort releases the caller at once; once running, the transport handles it.
      return new Promise<HttpResponse>((resolve, reject) => {
        const onAbort = () => {
          if (!started) reject(ConnectionException.aborted(request.url));
        };
        if (signal.aborted) onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        scheduled.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
  };
}
