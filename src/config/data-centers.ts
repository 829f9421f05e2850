/**
 * Zoho data centres and environments (https://www.zoho.com/crm/developer/docs/api/v2/multi-dc.html): each DC has one accounts server shared by all its
 * environments, and an API host per environment (`www.` production, `sandbox.`, `developer.`).
 */
export const DATA_CENTERS = ['US', 'EU', 'IN', 'AU', 'CN', 'JP', 'CA'] as const;
export type DataCenter = (typeof DATA_CENTERS)[number];

export const ENVIRONMENTS = ['production', 'sandbox', 'developer'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const DOMAINS: Record<DataCenter, { accounts: string; api: string }> = {
  US: { accounts: 'https://accounts.zoho.com', api: 'zohoapis.com' },
  EU: { accounts: 'https://accounts.zoho.eu', api: 'zohoapis.eu' },
  IN: { accounts: 'https://accounts.zoho.in', api: 'zohoapis.in' },
  AU: { accounts: 'https://accounts.zoho.com.au', api: 'zohoapis.com.au' },
  CN: { accounts: 'https://accounts.zoho.com.cn', api: 'zohoapis.com.cn' },
  JP: { accounts: 'https://accounts.zoho.jp', api: 'zohoapis.jp' },
  CA: { accounts: 'https://accounts.zohocloud.ca', api: 'zohoapis.ca' },
};

const API_HOST_PREFIX: Record<Environment, string> = {
  production: 'www',
  sandbox: 'sandbox',
  developer: 'developer',
};

/** The URLs of one DC environment. */
export interface EnvironmentUrls {
  accountsUrl: string;
  apiBaseUrl: string;
  /** Upload host (bulk write files). */
  contentUrl: string;
}

export function environmentUrls(dataCenter: DataCenter, environment: Environment): EnvironmentUrls {
  const { accounts, api } = DOMAINS[dataCenter];
  return {
    accountsUrl: accounts,
    apiBaseUrl: `https://${API_HOST_PREFIX[environment]}.${api}`,
    contentUrl: `https://content.${api}`,
  };
}
