/** Zoho CRM editions and their API concurrency per app per org (https://www.zoho.com/crm/developer/docs/api/v2/api-limits.html). */
export const EDITIONS = ['free', 'standard', 'professional', 'enterprise', 'ultimate'] as const;
export type Edition = (typeof EDITIONS)[number];

export const EDITION_CONCURRENCY: Record<Edition, number> = {
  free: 5,
  standard: 10,
  professional: 15,
  enterprise: 20,
  ultimate: 25,
};

/** Sub-concurrency of heavy APIs (COQL, bulk, mass update, lead conversion) on paid editions. */
export const HEAVY_API_CONCURRENCY = 10;
