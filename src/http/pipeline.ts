import { ZCRMException } from '../errors/zcrm-exception';
import type { Handler, HttpRequest, HttpResponse, Step } from './http-types';

/**
 * An ordered list of named steps around a transport. The first step is the outermost. Pipelines are
 * immutable: `replace`, `insertAfter` and `without` return new ones, so a client can be given a variant.
 */
export class Pipeline {
  private readonly handler: Handler;

  constructor(
    readonly steps: readonly Step[],
    readonly transport: Handler,
  ) {
    this.handler = steps.reduceRight<Handler>(
      (next, step) => (request) => step.handle(request, next),
      transport,
    );
  }

  handle(request: HttpRequest): Promise<HttpResponse> {
    return this.handler(request);
  }

  get names(): string[] {
    return this.steps.map((s) => s.name);
  }

  replace(name: string, step: Step): Pipeline {
    this.indexOf(name);
    return new Pipeline(
      this.steps.map((s) => (s.name === name ? step : s)),
      this.transport,
    );
  }

  insertAfter(name: string, step: Step): Pipeline {
    const index = this.indexOf(name);
    return new Pipeline(
      [...this.steps.slice(0, index + 1), step, ...this.steps.slice(index + 1)],
      this.transport,
    );
  }

  without(name: string): Pipeline {
    this.indexOf(name);
    return new Pipeline(
      this.steps.filter((s) => s.name !== name),
      this.transport,
    );
  }

  withTransport(transport: Handler): Pipeline {
    return new Pipeline(this.steps, transport);
  }

  private indexOf(name: string): number {
    const index = this.steps.findIndex((s) => s.name === name);
    if (index < 0) {
      throw new ZCRMException({
        errorCode: 'UNKNOWN_STEP',
        errorMessage: `No pipeline step named "${name}" (steps: ${this.names.join(', ')})`,
      });
    }
    return index;
  }
}
