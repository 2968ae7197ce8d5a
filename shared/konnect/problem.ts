/**
 * Konnect errors are RFC 7807 `application/problem+json`: `{ status, title, type, instance, detail }`,
 * with `invalid_parameters` on 400. This parses whatever came back (a problem, some other JSON, or text)
 * into one shape and maps the status to the bridge's error codes.
 */
import type { ErrorCode } from '../errors';

export interface InvalidParameter {
  field: string;
  reason: string;
  rule?: string;
  source?: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  type?: string;
  instance?: string;
  invalidParameters: InvalidParameter[];
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);

function parseInvalidParameters(raw: unknown): InvalidParameter[] {
  if (!Array.isArray(raw)) return [];
  const out: InvalidParameter[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const rec = item as Record<string, unknown>;
    const field = str(rec.field) ?? str(rec.name) ?? '';
    const reason = str(rec.reason) ?? str(rec.message) ?? 'is invalid';
    const p: InvalidParameter = { field, reason };
    if (str(rec.rule)) p.rule = str(rec.rule);
    if (str(rec.source)) p.source = str(rec.source);
    out.push(p);
  }
  return out;
}

/** What the status means when the server said nothing useful. */
export function defaultTitle(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not found';
    case 409:
      return 'Conflict';
    case 429:
      return 'Too many requests';
    default:
      return status >= 500 ? 'Konnect server error' : `HTTP ${status}`;
  }
}

/** Parses a response body (text) into a Problem; never throws. */
export function parseProblem(status: number, bodyText: string): Problem {
  let json: unknown;
  try {
    json = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    json = undefined;
  }
  const rec = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const title = str(rec.title) ?? defaultTitle(status);
  // some Konnect services answer `{ message }` instead of a problem document
  const detail = str(rec.detail) ?? str(rec.message) ?? (json === undefined && bodyText.trim() ? bodyText.trim().slice(0, 300) : title);
  const problem: Problem = {
    status: typeof rec.status === 'number' ? rec.status : status,
    title,
    detail,
    invalidParameters: parseInvalidParameters(rec.invalid_parameters),
  };
  if (str(rec.type)) problem.type = str(rec.type);
  if (str(rec.instance)) problem.instance = str(rec.instance);
  return problem;
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'invalid-argument';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status === 408) return 'timeout';
  return status >= 500 ? 'unavailable' : 'internal';
}

/** The role a debugger session needs; named in 403 messages so the user knows what to ask for. */
export const SESSION_ROLE = 'Debug Session Creator';

/** A one-line message for the user: what failed and what to do about it. */
export function problemMessage(what: string, p: Problem): string {
  switch (p.status) {
    case 401:
      return `${what}: Konnect did not accept the token (${p.detail}). Sign in again with a valid token.`;
    case 403:
      return `${what}: not allowed (${p.detail}). Starting and reading debugger sessions needs the ${SESSION_ROLE} role (or Control Plane Admin / Org Admin) on this control plane.`;
    case 404:
      return `${what}: not found (${p.detail})`;
    case 400: {
      const fields = p.invalidParameters.map((f) => `${f.field || 'request'}: ${f.reason}`).join('; ');
      return `${what}: ${p.detail}${fields ? ` (${fields})` : ''}`;
    }
    default:
      return `${what}: ${p.detail}${p.status ? ` (HTTP ${p.status})` : ''}`;
  }
}
