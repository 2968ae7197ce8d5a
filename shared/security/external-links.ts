/**
 * External links open in the system browser only when they are plain http(s) URLs with a host and no
 * credentials. (Parsed by hand: shared/ has no URL global in its types, and the rule is simple.)
 */
export function isSafeExternalUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (url.length > 8192 || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  const m = /^https?:\/\/([^/?#]*)/i.exec(url);
  if (!m) return false;
  const authority = m[1]!;
  return authority !== '' && !authority.includes('@') && !authority.includes('\\');
}
