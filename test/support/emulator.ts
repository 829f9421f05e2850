import { startEmulator, EmulatorOptions, RunningEmulator } from '../../src/emulator';

/** Scopes that cover every CRM route the emulator serves. */
export const ALL_SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.users.ALL',
  'ZohoCRM.org.ALL',
  'ZohoCRM.coql.READ',
  'ZohoCRM.mass_update.ALL',
  'ZohoCRM.bulk.ALL',
  'ZohoSearch.securesearch.READ',
  'ZohoFiles.files.ALL',
  'AaaServer.profile.READ',
].join(',');

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined for an empty or non-JSON body. */
  json: any;
}

/** A raw-HTTP client for emulator tests: plain `fetch`, no SDK code in between. */
export class RawClient {
  constructor(
    readonly emulator: RunningEmulator,
    public accessToken?: string,
  ) {}

  get url(): string {
    return this.emulator.url;
  }

  async request(
    method: string,
    path: string,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      token?: string | null;
      form?: FormData;
    } = {},
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.accessToken : options.token;
    if (token) headers.Authorization = `Zoho-oauthtoken ${token}`;
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(this.url + path, { method, headers, body });
    const buffer = Buffer.from(await res.arrayBuffer());
    const text = buffer.toString('utf8');
    let json: any;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json, ...{ buffer } };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, { body });
  }
  put(path: string, body?: unknown) {
    return this.request('PUT', path, { body });
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  /** POSTs JSON to an `/__emulator/...` admin route. */
  async admin(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.request(method, `/__emulator/${path}`, { body, token: null });
    return res.json;
  }
}

/**
 * Turns multi-currency on (base currency Algerian Dinar), so currency reads answer 200 rather than
 * CURRENCIES_NOT_ENABLED.
 */
export async function enableMultiCurrency(client: RawClient): Promise<void> {
  const enabled = await client.post('/crm/v2/org/currencies/actions/enable', {
    base_currency: {
      name: 'Algerian Dinar - DZD',
      iso_code: 'DZD',
      symbol: 'DA',
      prefix_symbol: true,
      format: { decimal_separator: 'Period', thousand_separator: 'Comma', decimal_places: '2' },
    },
  });
  if (enabled.status !== 200) throw new Error(`enabling multi-currency answered ${enabled.status}`);
}

/** Exchanges a fresh grant code for tokens over HTTP, as a client would. */
export async function obtainTokens(
  emulator: RunningEmulator,
  scope = ALL_SCOPES,
  email?: string,
): Promise<{ access_token: string; refresh_token: string; [k: string]: unknown }> {
  const code = await emulator.issueGrantToken({ scope, email });
  const params = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: emulator.clientId,
    client_secret: emulator.clientSecret,
    code,
  });
  const res = await fetch(`${emulator.url}/oauth/v2/token`, { method: 'POST', body: params });
  return (await res.json()) as any;
}

/** Starts an emulator on port 0 and a raw client authorised with every scope. */
export async function startTestEmulator(
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; client: RawClient }> {
  const emulator = await startEmulator(options);
  const tokens = await obtainTokens(emulator);
  return { emulator, client: new RawClient(emulator, tokens.access_token) };
}
