/**
 * Payload capture documents (domain.md section 7): `{ "<trace_id_hex>:reqres": { request_headers,
 * request_body, response_headers, response_body } }`. Every payload goes through the sanitizer here, so
 * nothing unsanitized ever leaves the decoder.
 */
import type { Payload, PayloadPart } from '../model/types';
import { normalizeTraceId } from '../model/ids';
import { sanitizePayload } from '../sanitize';
import type { Collector } from './collector';
import { setOwn } from '../model/own';

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
    if (Array.isArray(h)) setOwn(out, k, h.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))));
    else if (h !== undefined && h !== null) setOwn(out, k, typeof h === 'string' ? h : JSON.stringify(h));
  }
  return out;
}

function body(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
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
  const requestHeaders = headers(v.request_headers);
  const responseHeaders = headers(v.response_headers);
  if (requestHeaders === null || responseHeaders === null) {
    c.skip(path, 'headers must be an object of header names to values');
    return;
  }
  const payload: Payload = {
    traceId,
    request: { headers: requestHeaders },
    response: { headers: responseHeaders },
  };
  const requestBody = body(v.request_body);
  const responseBody = body(v.response_body);
  if (requestBody !== undefined) payload.request.body = requestBody;
  if (responseBody !== undefined) payload.response.body = responseBody;
  c.addPayload(sanitizePayload(payload));
}
