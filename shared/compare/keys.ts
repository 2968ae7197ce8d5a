/**
 * Semantic keys (insights.md, "Comparing two requests"): what a span *is*, the same for every gateway
 * version, so two traces line up by meaning rather than by name. Names are read through the one rename
 * table (`classifySpanName` / `currentSpanName` in shared/kong/span-names.ts) first, so a 3.9
 * `kong.upstream.ttfb` and a 3.12 `kong.read_headers_from_upstream` get the same key.
 *
 * Keys: `root`, `phase:access`, `plugin:access:rate-limiting[:operation]`, `client:read-headers`,
 * `client:write`, `core:router`, `core:dns`, `upstream:connect` (by step), `io:redis.eval`, `datakit:<node>`,
 * `core:<rest of the name>` for other Kong spans, and `span:<service>|<name>|<kind>` for spans that are not
 * Kong's (the fallback on service, name and kind).
 */
import { classifySpanName, currentSpanName, SPAN_RENAMES } from '../kong/span-names';
import { attrNumber, attrString } from '../kong/summary';
import type { Span, TraceSpans } from '../model/types';

export function semanticKey(span: Span, trace: TraceSpans): string {
  const k = classifySpanName(span.name);
  switch (k.kind) {
    case 'root':
      return 'root';
    case 'phase':
      return `phase:${k.phase}`;
    case 'plugin':
      return `plugin:${k.phase}:${k.plugin}${k.operation ? `:${k.operation}` : ''}`;
    case 'client-read':
      return `client:read-${k.part}`;
    case 'client-write':
      return 'client:write';
    case 'router':
      return 'core:router';
    case 'dns':
      return 'core:dns';
    case 'upstream':
      return `upstream:${k.step}`;
    case 'io':
      return `io:${k.target}`;
    case 'analytics':
      return 'core:analytics';
    case 'datakit':
      return `datakit:${k.node}`;
    case 'gen-ai':
      return `gen-ai:${currentSpanName(span.name).slice('kong.'.length)}`;
    case 'other': {
      if (span.name.startsWith('kong.')) return `core:${currentSpanName(span.name).slice('kong.'.length)}`;
      const service = attrString(trace.resources[span.resource] ?? {}, 'service.name') ?? '';
      return `span:${service}|${span.name}|${span.kind}`;
    }
  }
}

/**
 * Older names the rename table maps onto a family of today's names (`kong.io.redis` onto
 * `kong.io.redis.<command>`): the old name's key, and the prefix today's keys of that family start with.
 */
const FAMILIES: readonly { oldKey: string; prefix: string }[] = Object.entries(SPAN_RENAMES)
  .filter(([, r]) => r.current.includes('<'))
  .map(([old, r]) => {
    const prefixName = r.current.slice(0, r.current.indexOf('<'));
    const probe = { name: old } as Span;
    const oldKey = semanticKey(probe, { traceId: '', baseNs: '0', resources: [], scopes: [], spans: [] });
    const prefixKey = semanticKey({ name: `${prefixName}x` } as Span, { traceId: '', baseNs: '0', resources: [], scopes: [], spans: [] });
    return { oldKey, prefix: prefixKey.slice(0, -1) };
  });

/**
 * The group a key is matched within: itself, or the old family name for today's members of a family
 * (`io:redis.eval` groups with 3.9's `io:redis`).
 */
export function groupOf(key: string): string {
  for (const f of FAMILIES) if (key.startsWith(f.prefix)) return f.oldKey;
  return key;
}

/** Whether two keys of one group may be the same operation: equal, or one is the family's old name. */
export function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const g = groupOf(a);
  return g === groupOf(b) && (a === g || b === g);
}

/** The address of the target an upstream try went to (`10.0.3.4:8080`), or null. */
export function peerOf(span: Span): string | null {
  const host = attrString(span.attributes, 'network.peer.address', 'net.peer.ip', 'network.peer.name', 'net.peer.name');
  if (host === null) return null;
  const port = attrNumber(span.attributes, 'network.peer.port', 'net.peer.port');
  return port === null ? host : `${host}:${port}`;
}

/** An upstream try's number (`try_count` on the try), or null. */
export function tryCountOf(span: Span): number | null {
  return attrNumber(span.attributes, 'try_count');
}
