/**
 * Redaction of secrets (access/refresh tokens, grant codes, client secrets) from any text that may reach a
 * log line, an error message or `errorContent`. Two layers: patterns that catch Zoho's token shapes and the
 * usual carriers (query parameters, the auth header), and the exact values the SDK has handled, registered
 * with {@link registerSecret}, which catches secrets of any shape (a client secret is plain hex).
 */
const MASK = '***';

const PATTERNS: Array<[RegExp, string]> = [
  // Zoho tokens and grant codes: 1000.<hex>.<hex>
  [/\b1000\.[0-9a-f]{16,}\.[0-9a-f]{16,}\b/gi, `1000.${MASK}`],
  [/(Zoho-oauthtoken|Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${MASK}`],
  [/((?:access_token|refresh_token|client_secret|code|token|password)=)[^&\s"']*/gi, `$1${MASK}`],
  [
    /("(?:access_token|refresh_token|client_secret|token|password|accessToken|refreshToken|clientSecret)"\s*:\s*")[^"]*/gi,
    `$1${MASK}`,
  ],
];

/** Exact secret values seen by this process, newest last; bounded so a long-running process stays small. */
const knownSecrets = new Set<string>();
const MAX_KNOWN_SECRETS = 5_000;
/** Shorter values are too likely to appear by accident (e.g. an empty password). */
const MIN_SECRET_LENGTH = 6;

/** Remembers a secret value so that {@link redact} masks it wherever it appears. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < MIN_SECRET_LENGTH || knownSecrets.has(value)) return;
  knownSecrets.add(value);
  if (knownSecrets.size > MAX_KNOWN_SECRETS)
    knownSecrets.delete(knownSecrets.values().next().value as string);
}

/** Masks every secret pattern and registered secret value in `text`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

// Not `code`: in Zoho bodies it is the error code; grant codes are caught by the token pattern instead.
const SECRET_KEYS = new Set([
  'access_token',
  'refresh_token',
  'client_secret',
  'token',
  'password',
  'accesstoken',
  'refreshtoken',
  'clientsecret',
  'authorization',
]);

/** Redacts every string inside a JSON-like value (objects and arrays are copied, not mutated). */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      out[key] = SECRET_KEYS.has(key.toLowerCase()) ? MASK : redactValue(inner);
    return out as T;
  }
  return value;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options: object) => string;

/**
 * Gives `target` a `util.inspect` view (console.log, debuggers, test failure output) with its secrets masked,
 * and returns it. The view shows the object's own fields: strings redacted, fields with a secret's name masked,
 * plain objects, arrays and Maps copied the same way, objects that redact themselves kept as they are, and any
 * other object (a driver's DataSource or connection, whose options may hold a password) as its class name only.
 */
export function redactInspection<T extends object>(target: T): T {
  Object.defineProperty(target, INSPECT, {
    enumerable: false,
    configurable: true,
    value(this: object, _depth: number, options: object, inspect: Inspect): string {
      const view = inspect(inspectionView(this, new Set()), options);
      const name = Object.getPrototypeOf(this) === Object.prototype ? '' : `${this.constructor.name} `;
      return `${name}${view}`;
    },
  });
  return target;
}

function inspectionView(target: object, seen: Set<unknown>): Record<string, unknown> {
  seen.add(target);
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(target)) out[name] = viewOf(inner, name, seen);
  return out;
}

function viewOf(value: unknown, key: string, seen: Set<unknown>): unknown {
  if (typeof value === 'string') return SECRET_KEYS.has(key.toLowerCase()) ? MASK : redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  if (Array.isArray(value)) return value.map((v) => viewOf(v, key, seen));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, viewOf(v, String(k), seen)]));
  if (INSPECT in value) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return `[${value.constructor?.name ?? 'Object'}]`;
  return inspectionView(value, seen);
}
