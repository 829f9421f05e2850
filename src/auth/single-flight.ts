/**
 * Coalesces concurrent calls with the same key into one execution: while a call for `key` runs, every other
 * caller for `key` gets the same promise. The entry is dropped once it settles, so later callers start anew.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }
}
