/**
 * Scripted faults for tests: the next N requests matching a rule get a canned response, extra latency,
 * a dropped connection, or a dropped answer after the request was handled. A rule may apply to every Nth
 * matching request or to a seeded random share of them, so a fault rate is reproducible run after run.
 * Rules are matched in the order they were added; the first one that applies wins.
 */
export interface FaultRule {
  /** HTTP method to match; any method when omitted. */
  method?: string;
  /** Path to match: exact (`/crm/v2/Leads`), or a prefix when it ends with `*`. Query strings are ignored. */
  path: string;
  /** How many matching requests the rule applies to; forever when omitted. */
  times?: number;
  /** Respond with this status (and `body`, `headers`) instead of handling the request. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Delay before the scripted response, or, alone, before handling. A CRM call waits once it holds a
   * concurrency slot (after authentication), so slow calls fill the concurrency limit as on Zoho.
   */
  delayMs?: number;
  /** Destroy the socket without any response. */
  drop?: boolean;
  /**
   * Handle the request (a write is committed), then destroy the socket instead of answering: the client
   * cannot tell whether its call took effect.
   */
  dropAnswerAfterCommit?: boolean;
  /**
   * A canned answer of Zoho's: `rateLimited` is the 429 `TOO_MANY_REQUESTS` envelope with the
   * `X-RATELIMIT-LIMIT`/`-REMAINING`/`-RESET` headers (reset `resetMs` from now, 1 s by default);
   * `unavailablePage` is the HTML 503 page a load balancer serves while the API is down.
   */
  answer?: FaultAnswer;
  /** For `answer: 'rateLimited'`: milliseconds until `X-RATELIMIT-RESET`. */
  resetMs?: number;
  /** Apply to every `every`th matching request only (the first at position `offset`, 0-based). */
  every?: number;
  offset?: number;
  /** Apply to each matching request with this probability, drawn from a PRNG seeded with `seed` (default 1). */
  probability?: number;
  seed?: number;
}

/** The canned answers a rule can name. */
export type FaultAnswer = 'rateLimited' | 'unavailablePage';
const ANSWERS: ReadonlySet<string> = new Set<FaultAnswer>(['rateLimited', 'unavailablePage']);

interface ActiveRule extends FaultRule {
  remaining: number;
  /** Matching requests seen, applied or not (for `every`). */
  seen: number;
  /** The rule's own random draws (for `probability`). */
  random?: () => number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Adds a rule after checking it, so a typo fails the admin call instead of silently never matching. */
  add(rule: FaultRule): void {
    validateRule(rule);
    this.rules.push({
      ...rule,
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
      seen: 0,
      random: rule.probability === undefined ? undefined : seededRandom(rule.seed ?? 1),
    });
  }

  clear(): void {
    this.rules = [];
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * Consumes one use of the first rule that applies to the request and returns it. Every matching rule
   * counts the request (and draws its random number), applied or not, so rules with `every` and different
   * offsets split a route's traffic exactly.
   */
  take(method: string, path: string): FaultRule | undefined {
    let chosen: ActiveRule | undefined;
    for (const rule of this.rules) {
      if (!matches(rule, method, path)) continue;
      const applies = appliesNow(rule);
      if (applies && !chosen) chosen = rule;
    }
    if (!chosen) return undefined;
    chosen.remaining -= 1;
    if (chosen.remaining <= 0) this.rules.splice(this.rules.indexOf(chosen), 1);
    return chosen;
  }
}

/** Counts one matching request for the rule and says whether the rule applies to it. */
function appliesNow(rule: ActiveRule): boolean {
  const position = rule.seen++;
  if (rule.every !== undefined && position % rule.every !== (rule.offset ?? 0)) return false;
  if (rule.random && rule.random() >= rule.probability!) return false;
  return true;
}

/** mulberry32: a small, fast PRNG, so a seeded fault rate picks the same requests every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Throws a message naming the first bad property of a rule. */
export function validateRule(rule: unknown): asserts rule is FaultRule {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule))
    throw new Error('a fault rule must be an object');
  const r = rule as Record<string, unknown>;
  if (typeof r.path !== 'string' || !r.path.startsWith('/'))
    throw new Error('fault rule needs a "path" starting with "/"');
  if (r.method !== undefined && typeof r.method !== 'string') throw new Error('"method" must be a string');
  if (r.times !== undefined && !isIntegerIn(r.times, 1, Number.MAX_SAFE_INTEGER))
    throw new Error('"times" must be a positive integer');
  if (r.status !== undefined && !isIntegerIn(r.status, 100, 599))
    throw new Error('"status" must be an HTTP status (100-599)');
  if (r.headers !== undefined && !isStringMap(r.headers))
    throw new Error('"headers" must map names to strings');
  if (
    r.delayMs !== undefined &&
    !(typeof r.delayMs === 'number' && r.delayMs >= 0 && r.delayMs <= MAX_DELAY_MS)
  ) {
    throw new Error(`"delayMs" must be a number from 0 to ${MAX_DELAY_MS}`);
  }
  if (r.drop !== undefined && typeof r.drop !== 'boolean') throw new Error('"drop" must be a boolean');
  if (r.dropAnswerAfterCommit !== undefined && typeof r.dropAnswerAfterCommit !== 'boolean')
    throw new Error('"dropAnswerAfterCommit" must be a boolean');
  if (r.answer !== undefined && !ANSWERS.has(r.answer as string))
    throw new Error(`"answer" must be one of ${[...ANSWERS].join(', ')}`);
  if (r.answer !== undefined && r.status !== undefined)
    throw new Error('give "answer" or "status", not both');
  if (r.resetMs !== undefined && !isIntegerIn(r.resetMs, 0, MAX_DELAY_MS))
    throw new Error(`"resetMs" must be an integer from 0 to ${MAX_DELAY_MS}`);
  if (r.every !== undefined && !isIntegerIn(r.every, 1, Number.MAX_SAFE_INTEGER))
    throw new Error('"every" must be a positive integer');
  if (r.offset !== undefined && !isIntegerIn(r.offset, 0, ((r.every as number) ?? 1) - 1))
    throw new Error('"offset" must be an integer from 0 to every - 1');
  if (
    r.probability !== undefined &&
    !(typeof r.probability === 'number' && r.probability >= 0 && r.probability <= 1)
  )
    throw new Error('"probability" must be a number from 0 to 1');
  if (r.seed !== undefined && !isIntegerIn(r.seed, 0, 2 ** 32 - 1))
    throw new Error('"seed" must be an integer from 0 to 2^32 - 1');
  const acts = r.status !== undefined || r.answer !== undefined || r.delayMs !== undefined;
  if (!acts && r.drop !== true && r.dropAnswerAfterCommit !== true) {
    throw new Error('a fault rule needs "status", "answer", "delayMs", "drop" or "dropAnswerAfterCommit"');
  }
}

/** Longest scripted latency: keeps a typo from hanging a test run. */
export const MAX_DELAY_MS = 5 * 60 * 1000;

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isStringMap(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Resolves after `ms` milliseconds (scripted latency); the timer does not keep a stopped emulator's process alive. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  return pathMatches(rule.path, path);
}

/** `pattern` is an exact path, or a prefix when it ends with `*`. */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return path === pattern;
}

/** A scripted answer: what a rule's `status`/`body`/`headers` or its canned `answer` sends. */
export interface ScriptedAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The answer a rule scripts, if any; `now` is the emulator clock (epoch ms) for the rate-limit reset. */
export function scriptedAnswer(rule: FaultRule, now: number): ScriptedAnswer | undefined {
  if (rule.answer === 'rateLimited') {
    // Zoho's v2 rate-limit headers: the window's limit, what is left of it, and when it resets (epoch ms).
    // https://www.zoho.com/crm/developer/docs/api/v2/api-limits.html
    return {
      status: 429,
      headers: {
        'X-RATELIMIT-LIMIT': '100',
        'X-RATELIMIT-REMAINING': '0',
        'X-RATELIMIT-RESET': String(now + (rule.resetMs ?? 1000)),
        ...rule.headers,
      },
      body: rule.body ?? {
        code: 'TOO_MANY_REQUESTS',
        details: {},
        message: 'Number of API requests per minute exceeded',
        status: 'error',
      },
    };
  }
  if (rule.answer === 'unavailablePage') {
    return {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=UTF-8', ...rule.headers },
      body:
        rule.body ??
        '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>' +
          '<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>',
    };
  }
  if (rule.status === undefined) return undefined;
  return { status: rule.status, headers: rule.headers ?? {}, body: rule.body };
}
