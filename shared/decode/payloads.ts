/**
 * Payload capture documents (domain.md section 7): `{ "<trace_id_hex>:reqres": { request_headers,
 * request_body, response_headers, response_body } }`. Every payload goes through the sanitizer here, so
 * nothing unsanitized ever leaves the decoder.
 */
import type { Payload, PayloadPart } from '../model/types';
import { normalizeTraceId } from '../model/ids';
import { sanitizePayload } from '../sanitize';
import type { Collector } from './collector';
import { excerpt } from './native-value';

const PAYLOAD_MEMBERS: ReadonlySet<string> = new Set(['request_headers', 'request_body', 'response_headers', 'response_body']);

export const PAYLOAD_KEY_RE = /^([0-9a-fA-F]{32}):reqres$/;

function headers(v: unknown): PayloadPart['headers'] | null {
  let value = v;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const out: PayloadPart['headers'] = {};
  for (const [k, h] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(h)) out[k] = h.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    else if (h !== undefined && h !== null) out[k] = typeof h === 'string' ? h : JSON.stringify(h);
  }
  return out;
}

function body(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** One part's headers; headers of another shape are reported at their path and left out (the rest of the payload is kept). */
function partHeaders(c: Collector, v: Record<string, unknown>, key: string, path: string): PayloadPart['headers'] {
  const read = headers(v[key]);
  if (read !== null) return read;
  c.skip(`${path}.${key}`, `headers must be an object of header names to values; not kept: ${excerpt(v[key])}`);
  return {};
}

/** One `<trace>:reqres` member of a payload document at `path`. */
export function convertPayload(c: Collector, key: string, value: unknown, path: string): void {
  const m = PAYLOAD_KEY_RE.exec(key);
  const traceId = m ? normalizeTraceId(m[1]) : null;
  if (traceId === null) {
    c.skip(path, `"${key}" is not a "<trace id>:reqres" key`);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    c.skip(path, 'expected an object with request_headers, request_body, response_headers, response_body');
    return;
  }
  const v = value as Record<string, unknown>;
  const payload: Payload = {
    traceId,
    request: { headers: partHeaders(c, v, 'request_headers', path) },
    response: { headers: partHeaders(c, v, 'response_headers', path) },
  };
  // newer gateways capture more (upstream, plugin before/after, third-party calls) in a shape not public yet
  for (const key of Object.keys(v)) {
    if (!PAYLOAD_MEMBERS.has(key)) c.skip(`${path}.${key}`, `a payload member this viewer does not read yet; not kept: ${excerpt(v[key])}`);
  }
  const requestBody = body(v.request_body);
  const responseBody = body(v.response_body);
  if (requestBody !== undefined) payload.request.body = requestBody;
  if (responseBody !== undefined) payload.response.body = responseBody;
  c.addPayload(sanitizePayload(payload));
}
