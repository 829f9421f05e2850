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
