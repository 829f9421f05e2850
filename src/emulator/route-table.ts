/**
 * The registered route patterns, so a request that matches no route can be told apart: a known path asked with
 * another method (Zoho: 400 INVALID_REQUEST_METHOD) or an unknown path (404 INVALID_URL_PATTERN).
 * Fastify's own `hasRoute` compares patterns, not concrete URLs, so it cannot answer this.
 */
export class RouteTable {
  private readonly routes: Array<{ methods: string[]; pattern: RegExp }> = [];

  add(method: string | string[], url: string): void {
    const methods = (Array.isArray(method) ? method : [method]).map((m) => m.toUpperCase());
    this.routes.push({ methods, pattern: compilePattern(url) });
  }

  /** Methods some route serves for this concrete path (no query string). */
  methodsFor(path: string): Set<string> {
    const found = new Set<string>();
    for (const route of this.routes) {
      if (route.pattern.test(path)) for (const m of route.methods) found.add(m);
    }
    return found;
  }
}

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
