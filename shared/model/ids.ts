/**
 * Trace and span id normalisation. The model keeps ids as lowercase hex (32 chars for a trace, 16 for a
 * span); producers send hex in any case, base64 (protobuf-JSON style, as Konnect does), raw bytes
 * (protobuf), or, for Jaeger and Zipkin, 64-bit trace ids as 16 hex chars.
 */

const HEX = '0123456789abcdef';
const HEX_RE = /^[0-9a-fA-F]+$/;
const B64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const B64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  // base64url spellings of the same digits
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

export const ZERO_TRACE_ID = '00000000000000000000000000000000';
export const ZERO_SPAN_ID = '0000000000000000';

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

/** Decodes base64 (standard or url alphabet, padding optional) to hex; null when it is not base64 of `byteLength` bytes. */
export function base64ToHex(text: string, byteLength: number): string | null {
  if (!B64_RE.test(text)) return null;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (Math.floor((end * 6) / 8) !== byteLength) return null;
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const v = B64_VALUES[text.charCodeAt(i)]!;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      out += HEX[b >> 4]! + HEX[b & 15]!;
    }
  }
  return out.length === byteLength * 2 ? out : null;
}

function normalizeId(value: unknown, byteLength: number): string | null {
  const hexLength = byteLength * 2;
  if (typeof value === 'string') {
    if (value.length === hexLength && HEX_RE.test(value)) return value.toLowerCase();
    return base64ToHex(value, byteLength);
  }
  if (value instanceof Uint8Array && value.length === byteLength) return bytesToHex(value);
  return null;
}

/**
 * A trace id as 32 lowercase hex chars, or null when the value is not a valid 16-byte id (all zero is
 * invalid, as the OTLP specification says). `allowShort` accepts the 64-bit ids Jaeger and Zipkin use
 * (16 hex chars, or fewer when leading zeros were dropped) and pads them.
 */
export function normalizeTraceId(value: unknown, allowShort = false): string | null {
  let id = normalizeId(value, 16);
  if (id === null && allowShort && typeof value === 'string' && value.length > 0 && value.length < 32 && HEX_RE.test(value)) {
    id = value.toLowerCase().padStart(32, '0');
  }
  return id === null || id === ZERO_TRACE_ID ? null : id;
}

/** A span id as 16 lowercase hex chars, or null when invalid; `allowShort` pads hex that lost leading zeros. */
export function normalizeSpanId(value: unknown, allowShort = false): string | null {
  let id = normalizeId(value, 8);
  if (id === null && allowShort && typeof value === 'string' && value.length > 0 && value.length < 16 && HEX_RE.test(value)) {
    id = value.toLowerCase().padStart(16, '0');
  }
  return id === null || id === ZERO_SPAN_ID ? null : id;
}

/**
 * A parent span id: '' for "no parent" (absent, empty or all zero, which producers use for roots), the
 * normalized id, or null when it is present but malformed.
 */
export function normalizeParentId(value: unknown, allowShort = false): string | null {
  if (value === undefined || value === null || value === '') return '';
  if (value instanceof Uint8Array && value.length === 0) return '';
  if (typeof value === 'string' && /^0+$/.test(value)) return '';
  if (typeof value === 'string' && value === 'AAAAAAAAAAA=') return '';
  return normalizeSpanId(value, allowShort);
}
