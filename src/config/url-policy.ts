import { ConfigurationException } from '../errors/configuration-exception';

/** Loopback hosts, the only ones allowed over plain http:// (the emulator). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Normalises a base URL from the configuration: adds `https://` when no scheme is given (the seed's
 * `www.zohoapis.com` form), refuses `http://` except for loopback hosts, and drops the trailing slash.
 */
export function normalizeBaseUrl(key: string, raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw ConfigurationException.badValue(key, 'a URL such as https://www.zohoapis.com');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw ConfigurationException.badValue(key, 'a base URL without query, fragment or credentials');
  }
  if (url.protocol === 'http:' ? !isLoopbackHost(url.hostname) : url.protocol !== 'https:') {
    throw ConfigurationException.insecureUrl(key);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
