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
  // shared/ has no URL class (lib ES2022 only); a scheme and a host are all a base URL needs
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)/i.exec(override.trim());
  if (!m) throw new Error(`KONNECT_BASE_URL: "${override.slice(0, 200)}" is not a URL`);
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') throw new Error(`KONNECT_BASE_URL: expected an http or https URL, got ${scheme}:`);
  return override.trim().replace(/\/+$/, '');
}

/** Reads the region from an environment value, defaulting to us; a wrong value is an error naming it. */
export function parseRegion(value: string | undefined, source = 'KONNECT_REGION'): KonnectRegion {
  if (value === undefined || value === '') return 'us';
  const lower = value.trim().toLowerCase();
  if (!isRegion(lower)) throw new Error(`${source}: "${value.slice(0, 40)}" is not a Konnect region (expected one of ${KONNECT_REGIONS.join(', ')})`);
  return lower;
}
