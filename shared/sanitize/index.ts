/**
 * The payload sanitizer (domain.md section 7). Captured headers and bodies can hold secrets, so they are
 * sanitized before they are stored, shown or exported:
 * - Authorization credentials are masked, keeping the scheme (`Bearer abc.def` -> `Bearer ****`); a value
 *   with no scheme is masked entirely.
 * - The headers Kong's data plane masks by default since 3.14/3.15 (API keys, consumer and credential ids)
 *   are masked entirely.
 * - Cookies keep their names and lose their values (`Cookie: a=1; b=2` -> `a=****; b=****`; a `Set-Cookie`
 *   keeps its attributes such as `Path` and `HttpOnly`).
 * - Every run matching `(\d[\n -]*){11,18}\d` whose digits pass the Luhn check (a card number) becomes
 *   one asterisk per character of the run; runs failing Luhn (order numbers, timestamps) stay.
 * Masking is idempotent: sanitizing a sanitized payload changes nothing.
 */
import type { Attributes, AttrValue, Payload, PayloadPart } from '../model/types';
import { setOwn } from '../model/own';

export const MASK = '****';

const CARD_RUN_RE = /(?:\d[\n -]*){11,18}\d/g;
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
/** domain.md section 7: masked whole, as Kong's data plane does */
const SECRET_HEADERS = new Set(['api-key', 'apikey', 'x-api-key', 'x-consumer-username', 'x-consumer-custom-id', 'x-consumer-id', 'x-credential-identifier']);

/** True when the digits of `text` (other characters ignored) pass the Luhn check. */
export function luhnValid(text: string): boolean {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    digits++;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits > 0 && sum % 10 === 0;
}

/** Card-number runs that pass Luhn replaced by asterisks, one per character. */
export function maskCardNumbers(text: string): string {
  if (text.length < 12) return text;
  return text.replace(CARD_RUN_RE, (run) => (luhnValid(run) ? '*'.repeat(run.length) : run));
}

/** An Authorization header value with its credentials masked and its scheme kept. */
export function maskAuthorization(value: string): string {
  const m = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+\S/.exec(value);
  if (m) return `${m[1]} ${MASK}`;
  return value.trim() === '' ? value : MASK;
}

/** `name=value` pairs of a Cookie header with every value masked: `a=1; b=2` -> `a=****; b=****`. */
export function maskCookie(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair.trim() === '' ? pair : MASK;
      return `${pair.slice(0, eq)}=${pair.slice(eq + 1).trim() === '' ? '' : MASK}`;
    })
    .join(';');
}

/** A Set-Cookie value with the cookie's value masked and its attributes (Path, Expires, HttpOnly...) kept. */
export function maskSetCookie(value: string): string {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  return maskCookie(first) + (semi === -1 ? '' : value.slice(semi));
}

function sanitizeHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (CREDENTIAL_HEADERS.has(lower)) return maskAuthorization(value);
  if (SECRET_HEADERS.has(lower)) return value === '' ? value : MASK;
  if (lower === 'cookie') return maskCardNumbers(maskCookie(value));
  if (lower === 'set-cookie') return maskCardNumbers(maskSetCookie(value));
  return maskCardNumbers(value);
}

export function sanitizeHeaders(headers: PayloadPart['headers']): PayloadPart['headers'] {
  const out: PayloadPart['headers'] = {};
  for (const [name, value] of Object.entries(headers)) {
    setOwn(out, name, Array.isArray(value) ? value.map((v) => sanitizeHeaderValue(name, v)) : sanitizeHeaderValue(name, value));
  }
  return out;
}

function sanitizePart(part: PayloadPart): PayloadPart {
  const out: PayloadPart = { headers: sanitizeHeaders(part.headers) };
  if (part.body !== undefined) out.body = maskCardNumbers(part.body);
  return out;
}

export function sanitizePayload(payload: Payload): Payload {
  return { traceId: payload.traceId, request: sanitizePart(payload.request), response: sanitizePart(payload.response) };
}

const HEADER_ATTR_RE = /^http\.(?:request|response)\.header\.(.+)$/;

function mapStrings(value: AttrValue, f: (s: string) => string): AttrValue {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? f(v) : v));
  return value;
}

/**
 * Span or log attributes made safe to share: header attributes (`http.request.header.authorization`,
 * semantic-convention style, string or string array) get the header rules, and URLs and header values
 * lose card numbers. Returns the same object when nothing changed.
 */
export function sanitizeAttributes(attributes: Attributes): Attributes {
  let out: Attributes | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    let next = value;
    const header = HEADER_ATTR_RE.exec(key);
    if (header) next = mapStrings(value, (s) => sanitizeHeaderValue(header[1]!, s));
    else if (key === 'url.full' || key === 'url.query' || key === 'http.url' || key === 'http.target') next = mapStrings(value, maskCardNumbers);
    if (next !== value && JSON.stringify(next) !== JSON.stringify(value)) setOwn((out ??= { ...attributes }), key, next);
  }
  return out ?? attributes;
}
