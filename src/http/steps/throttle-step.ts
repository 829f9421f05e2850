import { ConnectionException } from '../../errors/connection-exception';
import type { HttpResponse, Step } from '../http-types';
import type { Limiter } from './limiter';

/**
 * Runs each attempt inside a limiter slot (concurrency per org, optional spacing). A caller that
 * aborts while waiting for a slot is released at once, and its attempt is not sent when the slot comes.
 */
export function throttleStep(limiter: Limiter): Step {
  return {
    name: 'throttle',
    handle(request, next) {
      const signal = request.signal;
      let started = false;
      const scheduled = limiter.schedule(() => {
        started = true;
        if (signal?.aborted) return Promise.reject(ConnectionException.aborted(request.url));
        return next(request);
      });
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
