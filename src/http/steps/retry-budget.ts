/**
 * A token bucket for retries shared by all calls of a client: a retry spends one token, a success earns back
 * `refill`. While a server is failing, retries stop once the bucket is empty instead of multiplying its load.
 */
export class RetryBudget {
  private tokens: number;

  constructor(
    private readonly capacity: number,
    private readonly refill = 0.1,
  ) {
    this.tokens = capacity;
  }

  get available(): number {
    return this.tokens;
  }

  trySpend(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  recordSuccess(): void {
    this.tokens = Math.min(this.capacity, this.tokens + this.refill);
  }
}
