/** Konnect regions and their API base URLs (domain.md section 9). Data stays in its region. */

export const KONNECT_REGIONS = ['us', 'eu', 'au', 'me', 'in', 'sg'] as const;
export type KonnectRegion = (typeof KONNECT_REGIONS)[number];

export const isRegion = (value: string): value is KonnectRegion => (KONNECT_REGIONS as readonly string[]).includes(value);

export const regionBaseUrl = (region: KonnectRegion): string => `https://${region}.api.konghq.com`;

/**
 * The base URL requests go to: an explicit override (KONNECT_BASE_URL, for proxies and tests) wins over the
 * region's URL. Throws naming the input when the override is not an http(s) URL.
 */
export function resolveBaseUrl(region: KonnectRegion, override?: string): string {
  if (!override) return regionBaseUrl(region);
  const problem = baseUrlProblem(override);
  if (problem) throw new Error(`KONNECT_BASE_URL: ${problem}`);
  return override.trim().replace(/\/+$/, '');
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * Why a Konnect base URL may not be used, or null. The token goes to it as a bearer header, so plain http
 * is allowed only to this machine (a local stand-in or proxy), and a URL carrying credentials is refused.
 * The URL itself is never repeated: it may hold a password.
 */
export function baseUrlProblem(url: string): string | null {
  // shared/ has no URL class (lib ES2022 only); a scheme and a host are all a base URL needs
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)/i.exec(url.trim());
  if (!m) return 'not a URL (expected https://HOST)';
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `expected an http or https URL, got ${scheme}:`;
  if (m[2]!.includes('@')) return 'a URL with a user name or password in it is refused (the token is the only credential)';
  if (scheme === 'http' && !LOOPBACK_HOST.test(m[2]!)) return 'plain http is allowed only to this machine (localhost, 127.0.0.1, [::1]); use https';
  return null;
}

/** Reads the region from an environment value, defaulting to us; a wrong value is an error naming it. */
export function parseRegion(value: string | undefined, source = 'KONNECT_REGION'): KonnectRegion {
  if (value === undefined || value === '') return 'us';
  const lower = value.trim().toLowerCase();
  if (!isRegion(lower)) throw new Error(`${source}: "${value.slice(0, 40)}" is not a Konnect region (expected one of ${KONNECT_REGIONS.join(', ')})`);
  return lower;
}
