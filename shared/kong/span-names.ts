/**
 * Kong span names, parsed generically (domain.md sections 2 and 11): `kong.phase.<phase>`,
 * `kong.<phase>.plugin.<plugin>[.<operation>]`, the known core spans under today's names, and the older
 * names of every gateway generation mapped onto today's meaning through one rename table. Anything else
 * is a plain span.
 */

export const PHASES = ['certificate', 'rewrite', 'access', 'response', 'header_filter', 'body_filter', 'log'] as const;
export type Phase = (typeof PHASES)[number];
export const REQUEST_PHASES: readonly Phase[] = ['certificate', 'rewrite', 'access'];
export const RESPONSE_PHASES: readonly Phase[] = ['response', 'header_filter', 'body_filter'];

/**
 * What one upstream span measures, whatever the gateway version called it:
 * - `select`: finding a healthy target (load balancing, retries), around the tries;
 * - `connect`: one try at one target (connect, TLS, keepalive reuse);
 * - `send`: writing the request to the upstream (3.10 to 3.12 count the wait for the answer here too);
 * - `wait-for-headers`: waiting for and reading the response headers (time to first byte);
 * - `read-body`: reading the response body (3.9 counts the wait for the answer here too);
 * - `round-trip`: the OpenTelemetry plugin's `kong.balancer`: connect, send, wait and read in one span.
 */
export type UpstreamStep = 'select' | 'connect' | 'send' | 'wait-for-headers' | 'read-body' | 'round-trip';
/** Steps before the request reaches the upstream: choosing a target and connecting to it. */
export const UPSTREAM_SETUP_STEPS: readonly UpstreamStep[] = ['select', 'connect'];

export type KongSpanKind =
  | { kind: 'root' }
  | { kind: 'phase'; phase: Phase | string }
  /** `operation`: what follows the plugin name (`kong.access.plugin.jwt.verify` is `jwt`, `verify`) */
  | { kind: 'plugin'; phase: Phase | string; plugin: string; operation: string | null }
  | { kind: 'client-read'; part: 'tls' | 'headers' | 'body' }
  | { kind: 'client-write' }
  | { kind: 'router' }
  | { kind: 'dns' }
  | { kind: 'upstream'; step: UpstreamStep }
  /** `target`: what follows `kong.io.` (`redis.get`, `http.request`, `redis` on 3.9) */
  | { kind: 'io'; target: string }
  /** log-phase work outside a plugin (`kong.analytics.log_request`); 3.13+ writes it in a separate trace */
  | { kind: 'analytics' }
  | { kind: 'datakit'; node: string }
  /** an AI plugin's model call (3.13+): its `gen_ai.*` attributes can hold prompts, a payload */
  | { kind: 'gen-ai' }
  | { kind: 'other' };

export interface SpanRename {
  /** today's span name with the same meaning (a pattern for `kong.io.redis`) */
  current: string;
  /** the gateways that wrote the old name */
  gateways: string;
  /** what the old span measured, in today's words */
  meaning: string;
}

/**
 * The one table of older span names (domain.md section 11). The transaction map, the phase bar, the
 * catalogue and comparisons read a span through `currentSpanName`, so a 3.9 trace and a 3.12 trace of the
 * same request line up.
 */
export const SPAN_RENAMES: Readonly<Record<string, SpanRename>> = {
  'kong.upstream.try_select': {
    current: 'kong.find_upstream',
    gateways: '3.9, 3.10 before GA',
    meaning: 'one try at one upstream target: connect, TLS, keepalive',
  },
  'kong.upstream.find_upstream': {
    current: 'kong.find_upstream',
    gateways: '3.10',
    meaning: 'one try at one upstream target: connect, TLS, keepalive',
  },
  'kong.upstream.ttfb': {
    current: 'kong.read_headers_from_upstream',
    gateways: '3.9, 3.10 before GA',
    meaning: 'waiting for the upstream response headers (time to first byte)',
  },
  'kong.upstream.read_response': {
    current: 'kong.read_body_from_upstream',
    gateways: '3.9, 3.10 before GA',
    meaning: 'reading the upstream response body',
  },
  'kong.waiting_for_upstream': {
    current: 'kong.read_headers_from_upstream',
    gateways: '3.10 before GA',
    meaning: 'waiting for and reading the upstream response headers',
  },
  'kong.read_response_from_upstream': {
    current: 'kong.read_body_from_upstream',
    gateways: '3.10 before GA',
    meaning: 'reading the upstream response body',
  },
  'kong.flush_to_downstream': {
    current: 'kong.wait_for_client_read',
    gateways: '3.10 before GA',
    meaning: 'finishing the response write to the client',
  },
  'kong.io.redis': {
    current: 'kong.io.redis.<command>',
    gateways: '3.9',
    meaning: 'a Redis call (the command was not recorded)',
  },
};

/** Today's name for a span (itself when it is not an older name). */
export function currentSpanName(name: string): string {
  const renamed = SPAN_RENAMES[name];
  return renamed && !renamed.current.includes('<') ? renamed.current : name;
}

const UPSTREAM_STEPS: Readonly<Record<string, UpstreamStep>> = {
  'kong.upstream.selection': 'select',
  'kong.find_upstream': 'connect',
  'kong.send_request_to_upstream': 'send',
  'kong.read_headers_from_upstream': 'wait-for-headers',
  'kong.read_body_from_upstream': 'read-body',
  'kong.balancer': 'round-trip',
};

const CORE: Readonly<Record<string, KongSpanKind>> = {
  kong: { kind: 'root' },
  'kong.tls_handshake': { kind: 'client-read', part: 'tls' },
  'kong.read_client_http_headers': { kind: 'client-read', part: 'headers' },
  'kong.read_client_http_body': { kind: 'client-read', part: 'body' },
  'kong.wait_for_client_read': { kind: 'client-write' },
  'kong.router': { kind: 'router' },
  'kong.dns': { kind: 'dns' },
  'kong.analytics.log_request': { kind: 'analytics' },
  'kong.gen_ai': { kind: 'gen-ai' },
};

const PLUGIN = /^kong\.([a-z_]+)\.plugin\.([^.]+)(?:\.(.+))?$/;

export function classifySpanName(name: string): KongSpanKind {
  if (name !== 'kong' && !name.startsWith('kong.')) return { kind: 'other' };
  const current = currentSpanName(name);
  const core = CORE[current];
  if (core) return core;
  const step = UPSTREAM_STEPS[current];
  if (step) return { kind: 'upstream', step };
  if (current.startsWith('kong.phase.')) return { kind: 'phase', phase: current.slice('kong.phase.'.length) };
  const plugin = PLUGIN.exec(current);
  if (plugin) return { kind: 'plugin', phase: plugin[1]!, plugin: plugin[2]!, operation: plugin[3] ?? null };
  if (current.startsWith('kong.io.')) return { kind: 'io', target: current.slice('kong.io.'.length) };
  if (current.startsWith('kong.datakit.node.')) return { kind: 'datakit', node: current.slice('kong.datakit.node.'.length) };
  if (current.startsWith('kong.gen_ai.')) return { kind: 'gen-ai' };
  return { kind: 'other' };
}

/** The phase a span belongs to for colouring: its own phase, or its phase span's for a plugin. */
export function phaseOf(name: string): string | null {
  const k = classifySpanName(name);
  if (k.kind === 'phase' || k.kind === 'plugin') return k.phase;
  return k.kind === 'analytics' ? 'log' : null;
}

/** The upstream step a span measures, or null when it is not an upstream span. */
export function upstreamStepOf(name: string): UpstreamStep | null {
  const k = classifySpanName(name);
  return k.kind === 'upstream' ? k.step : null;
}

/** Short labels for the map and the inspector, the same for every gateway version. */
export const UPSTREAM_STEP_LABELS: Readonly<Record<UpstreamStep, string>> = {
  select: 'select target',
  connect: 'connect',
  send: 'send request',
  'wait-for-headers': 'wait for headers',
  'read-body': 'read body',
  'round-trip': 'round trip',
};

/**
 * Spans of the log phase, which 3.13+ gateways write as a trace of its own after the response was sent
 * (domain.md section 11).
 */
export function isLogPhaseSpan(name: string): boolean {
  return phaseOf(name) === 'log';
}
