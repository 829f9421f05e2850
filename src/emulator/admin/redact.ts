/** What the request log shows in place of a secret. */
export const REDACTED = '***';

/** Names whose values are always secret, beside any name containing "token" or "secret". */
const SECRET_NAMES = new Set(['code', 'password', 'authorization', 'cookie', 'proxy-authorization']);

/** Whether a query parameter, form field, JSON key or header of this name carries a secret. */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAMES.has(lower) || lower.includes('token') || lower.includes('secret');
}

/** A URL with the values of its secret query parameters replaced by `***`. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .replace(/(^|&)([^=&]*)=([^&]*)/g, (whole, sep: string, key: string) =>
      isSecretName(safeDecode(key)) ? `${sep}${key}=${REDACTED}` : whole,
    );
  return `${url.slice(0, query + 1)}${params}`;
}

/** A JSON value with every secret-named key's value replaced by `***`, at any depth. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, isSecretName(key) ? REDACTED : redactJson(v)]),
  );
}

/**
 * Text that could not be parsed (a truncated body): secret values in `"key": "value"` and `key=value` form are
 * replaced, so a cut-off JSON or form body still shows no secret.
 */
export function redactText(text: string): string {
  return text
    .replace(/("([^"\\]*)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\]\s]+)/g, (whole, head: string, key: string) =>
      isSecretName(key) ? `${head}"${REDACTED}"` : whole,
    )
    .replace(/(^|[&\s])([\w.-]+)=([^&\s]*)/g, (whole, sep: string, key: string) =>
      isSecretName(key) ? `${sep}${key}=${REDACTED}` : whole,
    );
}

/** Request headers with secret ones (`Authorization` keeps its scheme: `Zoho-oauthtoken ***`) redacted. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (!isSecretName(name)) out[name] = value;
    else if (name.toLowerCase() === 'authorization' && /^\S+\s/.test(value))
      out[name] = `${value.split(/\s/)[0]} ${REDACTED}`;
    else out[name] = REDACTED;
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
