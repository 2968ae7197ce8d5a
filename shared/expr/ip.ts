/**
 * IPv4 and IPv6 addresses and CIDR blocks, as 4 or 16 bytes, for `in` / `not in`. Parsing is strict in
 * the way Kong's router is (no leading zeros in IPv4 parts, host bits of a CIDR must be zero) and says
 * what is wrong, since these messages reach the user.
 */

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

export interface Cidr extends IpAddress {
  prefix: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; fix?: string };

export function parseIp(text: string): Parsed<IpAddress> {
  if (text.includes(':')) {
    const bytes = parseIpv6(text);
    return typeof bytes === 'string' ? { ok: false, reason: `bad IPv6 address ${text}: ${bytes}` } : { ok: true, value: { version: 6, bytes } };
  }
  const bytes = parseIpv4(text);
  return typeof bytes === 'string' ? { ok: false, reason: `bad IPv4 address ${text}: ${bytes}` } : { ok: true, value: { version: 4, bytes } };
}

/** An address or a CIDR block (a plain address is a block of one). */
export function parseCidr(text: string): Parsed<Cidr> {
  const slash = text.indexOf('/');
  const addrText = slash === -1 ? text : text.slice(0, slash);
  const addr = parseIp(addrText);
  if (!addr.ok) return addr;
  const max = addr.value.version === 4 ? 32 : 128;
  if (slash === -1) return { ok: true, value: { ...addr.value, prefix: max } };
  const prefixText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { ok: false, reason: `bad CIDR ${text}: the prefix length must be a number from 0 to ${max}` };
  }
  const prefix = Number(prefixText);
  const network = maskBytes(addr.value.bytes, prefix);
  if (!network.every((b, i) => b === addr.value.bytes[i])) {
    const fixed = `${formatIp({ version: addr.value.version, bytes: network })}/${prefix}`;
    return { ok: false, reason: `bad CIDR ${text}: the address has bits set past the /${prefix} prefix; did you mean ${fixed}?`, fix: fixed };
  }
  return { ok: true, value: { ...addr.value, prefix } };
}

export function cidrContains(cidr: Cidr, addr: IpAddress): boolean {
  if (cidr.version !== addr.version) return false;
  const full = cidr.prefix >> 3;
  for (let i = 0; i < full; i++) if (cidr.bytes[i] !== addr.bytes[i]) return false;
  const rest = cidr.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (cidr.bytes[full]! & mask) === (addr.bytes[full]! & mask);
}

export function sameIp(a: IpAddress, b: IpAddress): boolean {
  return a.version === b.version && a.bytes.every((x, i) => x === b.bytes[i]);
}

function maskBytes(bytes: Uint8Array, prefix: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    out[i] = bytes[i]! & ((0xff << (8 - bits)) & 0xff);
  }
  return out;
}

function parseIpv4(text: string): Uint8Array | string {
  const parts = text.split('.');
  if (parts.length !== 4) return 'an IPv4 address has four numbers separated by dots';
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^[0-9]{1,3}$/.test(part)) return part === '' ? 'a number is missing' : `${part} is not a number from 0 to 255`;
    if (part.length > 1 && part.startsWith('0')) return `${part} has a leading zero`;
    const n = Number(part);
    if (n > 255) return `${part} is over 255`;
    bytes[i] = n;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | string {
  const halves = text.split('::');
  if (halves.length > 2) return ':: may appear only once';
  const groups: number[][] = [];
  for (const half of halves) {
    const out: number[] = [];
    if (half !== '') {
      const parts = half.split(':');
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if (part.includes('.')) {
          // an embedded IPv4 tail such as ::ffff:10.0.0.1
          if (i !== parts.length - 1 || half !== halves[halves.length - 1]) return 'an IPv4 part may only come last';
          const v4 = parseIpv4(part);
          if (typeof v4 === 'string') return v4;
          out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
        } else {
          if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return part === '' ? 'an empty group' : `${part} is not a group of 1 to 4 hex digits`;
          out.push(parseInt(part, 16));
        }
      }
    }
    groups.push(out);
  }
  const head = groups[0]!;
  const tail = groups[1] ?? [];
  const compressed = groups.length === 2;
  const count = head.length + tail.length;
  if (compressed ? count > 7 : count !== 8) return compressed ? 'too many groups' : 'an IPv6 address has eight groups (or :: for zeros)';
  const all = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

/** Canonical text: dotted quad, or RFC 5952 IPv6 (lowercase, longest zero run compressed). */
export function formatIp(addr: IpAddress): string {
  if (addr.version === 4) return Array.from(addr.bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((addr.bytes[i]! << 8) | addr.bytes[i + 1]!);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
