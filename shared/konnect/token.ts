/**
 * Token shape checks and redaction. Personal access tokens start `kpat_`, system-account tokens `spat_`.
 * The check runs before any request so a pasted password or a truncated token fails fast, and no message
 * it produces ever contains the token itself.
 */

export type TokenKind = 'personal' | 'system-account';

// Konnect tokens observed in the wild are `kpat_`/`spat_` followed by about 45 URL-safe characters; the
// length bound is loose on purpose so a format change does not lock users out.
const TOKEN_SHAPE = /^(kpat|spat)_[A-Za-z0-9_-]{20,200}$/;

export type TokenCheck = { ok: true; kind: TokenKind } | { ok: false; reason: string };

export function checkTokenShape(token: string): TokenCheck {
  const trimmed = token.trim();
  if (trimmed === '') return { ok: false, reason: 'the token is empty' };
  if (!/^(kpat|spat)_/.test(trimmed)) {
    return { ok: false, reason: 'a Konnect token starts with kpat_ (personal) or spat_ (system account)' };
  }
  if (/\s/.test(trimmed)) return { ok: false, reason: 'the token contains spaces or line breaks' };
  if (!TOKEN_SHAPE.test(trimmed)) {
    return { ok: false, reason: 'the token has the right prefix but the wrong length or characters; was it copied whole?' };
  }
  return { ok: true, kind: trimmed.startsWith('kpat_') ? 'personal' : 'system-account' };
}

/** Replaces every occurrence of the token (and any kpat_/spat_ lookalike) with a fixed mask. */
export function redactToken(text: string, token?: string): string {
  let out = text;
  if (token && token.length >= 4) out = out.split(token).join('[token]');
  return out.replace(/\b(kpat|spat)_[A-Za-z0-9_-]+/g, '$1_[redacted]');
}
