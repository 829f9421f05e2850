/**
 * The registered route patterns, so a request that matches no route can be told apart: a known path asked with
 * another method (Zoho: 400 INVALID_REQUEST_METHOD) or an unknown path (404 INVALID_URL_PATTERN).
 * Fastify's own `hasRoute` compares patterns, not concrete URLs, so it cannot answer this.
 */
export class RouteTable {
  private readonly routes: Array<{ methods: string[]; url: string; pattern: RegExp }> = [];

  add(method: string | string[], url: string): void {
    const methods = (Array.isArray(method) ? method : [method]).map((m) => m.toUpperCase());
    this.routes.push({ methods, url, pattern: compilePattern(url) });
  }

  /** Methods some route serves for this concrete path (no query string); `named` skips the catch-all routes. */
  methodsFor(path: string, named = false): Set<string> {
    const found = new Set<string>();
    for (const route of this.routes) {
      if (named && isCatchAll(route.url)) continue;
      if (route.pattern.test(path)) for (const m of route.methods) found.add(m);
    }
    return found;
  }

  /**
   * Every route as `{url, methods}`: one entry per URL pattern (methods merged, `HEAD` left out, parameter
   * regexes dropped: `/Notes/:id(^\d+$)` → `/Notes/:id`), sorted by URL.
   */
  list(): Array<{ url: string; methods: string[] }> {
    const byUrl = new Map<string, Set<string>>();
    for (const route of this.routes) {
      const url = route.url.replace(/(:[A-Za-z0-9_]+)\([^)]*\)/g, '$1');
      const methods = byUrl.get(url) ?? new Set<string>();
      for (const m of route.methods) if (m !== 'HEAD') methods.add(m);
      byUrl.set(url, methods);
    }
    return [...byUrl]
      .map(([url, methods]) => ({ url, methods: METHOD_ORDER.filter((m) => methods.has(m)) }))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `/crm/v2/:module/:id` → `^/crm/v2/[^/]+/[^/]+$`; a trailing `*` matches the rest of the path. */
export function compilePattern(url: string): RegExp {
  let source = '';
  for (const piece of url.split(/(:[A-Za-z0-9_]+|\*)/)) {
    if (piece === '*') source += '.*';
    else if (piece.startsWith(':')) source += '[^/]+';
    else source += piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * A CRM route whose path below `/crm/{version}` is parameters only (`/:module`, `/:module/:id/:relatedList` …):
 * it answers for any module name, so it also catches paths of Zoho APIs the emulator does not serve.
 */
export function isCatchAll(url: string): boolean {
  const below = /^\/crm\/[^/]+\/(.+)$/.exec(url)?.[1];
  return below !== undefined && !below.startsWith('bulk') && below.split('/').every((s) => s.startsWith(':'));
}
