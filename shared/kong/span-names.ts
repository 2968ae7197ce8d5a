/**
 * Kong span names, parsed generically (domain.md section 2): `kong.phase.<phase>`,
 * `kong.<phase>.plugin.<plugin>`, and the known core spans; anything else is a plain span.
 */

export const PHASES = ['certificate', 'rewrite', 'access', 'response', 'header_filter', 'body_filter', 'log'] as const;
export type Phase = (typeof PHASES)[number];
export const REQUEST_PHASES: readonly Phase[] = ['certificate', 'rewrite', 'access'];
export const RESPONSE_PHASES: readonly Phase[] = ['response', 'header_filter', 'body_filter'];

export type KongSpanKind =
  | { kind: 'root' }
  | { kind: 'phase'; phase: Phase | string }
  | { kind: 'plugin'; phase: Phase | string; plugin: string }
  | { kind: 'client-read'; part: 'tls' | 'headers' | 'body' }
  | { kind: 'client-write' }
  | { kind: 'router' }
  | { kind: 'dns' }
  | { kind: 'upstream-in'; step: string }
  | { kind: 'upstream-out'; step: string }
  | { kind: 'io'; target: string }
  | { kind: 'other' };

const UPSTREAM_IN = new Set([
  'kong.upstream.selection',
  'kong.upstream.find_upstream',
  'kong.find_upstream',
  'kong.upstream.try_select',
  'kong.balancer',
  'kong.send_request_to_upstream',
]);
const UPSTREAM_OUT = new Set([
  'kong.read_headers_from_upstream',
  'kong.read_body_from_upstream',
  'kong.upstream.ttfb',
  'kong.upstream.read_response',
]);

export function classifySpanName(name: string): KongSpanKind {
  if (name === 'kong') return { kind: 'root' };
  if (!name.startsWith('kong.')) return { kind: 'other' };
  if (name.startsWith('kong.phase.')) return { kind: 'phase', phase: name.slice('kong.phase.'.length) };
  const plugin = /^kong\.([a-z_]+)\.plugin\.(.+)$/.exec(name);
  if (plugin) return { kind: 'plugin', phase: plugin[1]!, plugin: plugin[2]! };
  switch (name) {
    case 'kong.tls_handshake':
      return { kind: 'client-read', part: 'tls' };
    case 'kong.read_client_http_headers':
      return { kind: 'client-read', part: 'headers' };
    case 'kong.read_client_http_body':
      return { kind: 'client-read', part: 'body' };
    case 'kong.wait_for_client_read':
      return { kind: 'client-write' };
    case 'kong.router':
      return { kind: 'router' };
    case 'kong.dns':
      return { kind: 'dns' };
  }
  if (UPSTREAM_IN.has(name)) return { kind: 'upstream-in', step: name.slice(5) };
  if (UPSTREAM_OUT.has(name)) return { kind: 'upstream-out', step: name.slice(5) };
  if (name.startsWith('kong.io.')) return { kind: 'io', target: name.slice('kong.io.'.length) };
  return { kind: 'other' };
}

/** The phase a span belongs to for colouring: its own phase, or its phase span's for a plugin. */
export function phaseOf(name: string): string | null {
  const k = classifySpanName(name);
  return k.kind === 'phase' || k.kind === 'plugin' ? k.phase : null;
}
