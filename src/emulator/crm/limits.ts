/**
 * API credits (rolling 24 hours per org) and concurrency (per app per org) as in docs/zoho-v2-notes.md §4.
 * Editions set both; exceeding either answers 429 TOO_MANY_REQUESTS.
 */
export type Edition = 'free' | 'standard' | 'professional' | 'enterprise' | 'ultimate';

export const EDITIONS: readonly Edition[] = ['free', 'standard', 'professional', 'enterprise', 'ultimate'];

export interface EditionLimits {
  creditsPerDay: number;
  concurrency: number;
  /** Concurrency for heavy APIs (COQL, bulk, mass update, lead conversion). */
  heavyConcurrency: number;
}

const BASE_CREDITS = 50_000;

/** Credits follow "50,000 + users × per-user" capped at the edition's maximum (current Zoho model). */
export function editionLimits(edition: Edition, licensedUsers: number): EditionLimits {
  switch (edition) {
    case 'free':
      return { creditsPerDay: 5_000, concurrency: 5, heavyConcurrency: 5 };
    case 'standard':
      return {
        creditsPerDay: Math.min(BASE_CREDITS + licensedUsers * 250, 100_000),
        concurrency: 10,
        heavyConcurrency: 10,
      };
    case 'professional':
      return {
        creditsPerDay: Math.min(BASE_CREDITS + licensedUsers * 500, 3_000_000),
        concurrency: 15,
        heavyConcurrency: 10,
      };
    case 'enterprise':
      return {
        creditsPerDay: Math.min(BASE_CREDITS + licensedUsers * 1000, 5_000_000),
        concurrency: 20,
        heavyConcurrency: 10,
      };
    case 'ultimate':
      return { creditsPerDay: BASE_CREDITS + licensedUsers * 2000, concurrency: 25, heavyConcurrency: 10 };
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

/** Rolling-window credit counter kept in one-minute buckets, so memory stays bounded under load. */
export class CreditMeter {
  private buckets: Array<{ start: number; used: number }> = [];

  constructor(public limit: number) {}

  used(now: number): number {
    this.prune(now);
    let sum = 0;
    for (const b of this.buckets) sum += b.used;
    return sum;
  }

  remaining(now: number): number {
    return Math.max(0, this.limit - this.used(now));
  }

  /** Charges `cost` credits; false (and nothing charged) when the window has too few left. */
  tryCharge(now: number, cost: number): boolean {
    if (this.used(now) + cost > this.limit) return false;
    const start = now - (now % BUCKET_MS);
    const last = this.buckets[this.buckets.length - 1];
    if (last && last.start === start) last.used += cost;
    else this.buckets.push({ start, used: cost });
    return true;
  }

  reset(): void {
    this.buckets = [];
  }

  private prune(now: number): void {
    while (this.buckets.length > 0 && this.buckets[0].start + BUCKET_MS <= now - DAY_MS) this.buckets.shift();
  }
}

/** In-flight request counters for the overall and the heavy-API concurrency limits. */
export class ConcurrencyGate {
  inFlight = 0;
  heavyInFlight = 0;

  constructor(public limits: EditionLimits) {}

  /** Returns a release function, or `undefined` when the request would exceed a limit. */
  tryEnter(heavy: boolean): (() => void) | undefined {
    if (this.inFlight >= this.limits.concurrency) return undefined;
    if (heavy && this.heavyInFlight >= this.limits.heavyConcurrency) return undefined;
    this.inFlight++;
    if (heavy) this.heavyInFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      if (heavy) this.heavyInFlight--;
    };
  }
}
