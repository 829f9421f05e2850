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
  /** Delay before handling (or before the scripted response). */
  delayMs?: number;
  /** Destroy the socket without any response. */
  drop?: boolean;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    if (typeof rule.path !== 'string' || rule.path.length === 0) throw new Error('fault rule needs a "path"');
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

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path.endsWith('*')) return path.startsWith(rule.path.slice(0, -1));
  return path === rule.path;
}
