/** The package version (kept equal to package.json's by a unit test). */
export const VERSION = '0.1.0';

/** Sent on every request. */
export const USER_AGENT = `zcrm/${VERSION}`;
