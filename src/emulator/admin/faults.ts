/**
 * Scripted faults for tests: the next N requests matching a rule get a canned response, extra latency,
 * or a dropped connection. Rules are matched in the order they were added; the first match wins.
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
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Adds a rule after checking it, so a typo fails the admin call instead of silently never matching. */
  add(rule: FaultRule): void {
    validateRule(rule);
    this.rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  get size(): number {
    return this.rules.length;
  }

  /** Consumes one use of the first matching rule and returns it. */
  take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex((r) => matches(r, method, path));
    if (index < 0) return undefined;
    const rule = this.rules[index];
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule;
  }
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
  if (r.status === undefined && r.delayMs === undefined && r.drop !== true) {
    throw new Error('a fault rule needs "status", "delayMs" or "drop"');
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
