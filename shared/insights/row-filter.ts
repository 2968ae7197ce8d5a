/**
 * "Filter to traces where this row > x" (docs/insights.md item 4): a "Where time goes" row as a clause of the
 * list's expression filter. The expression language knows Kong's reported latencies, not the spans, so only
 * rows Kong reports a figure for can be written (upstream, client, time to first byte, reading the body,
 * third-party I/O), and only when every trace of the group that has the row carries that report: a row
 * whose figure Kong did not report would filter on nothing. The clause compares Kong's figure (whole ms),
 * which the button says. Pure.
 */
import { compile } from '../expr';
import type { InsightTrace } from './breakdown';
import { andClause } from './differences';

const ROW_FIELDS: Readonly<Record<string, string>> = {
  'bucket:upstream': 'proxy.kong.latency.upstream',
  'bucket:client': 'proxy.kong.latency.client',
  'upstream:ttfb': 'proxy.kong.latency.upstream.ttfb',
  'upstream:body': 'proxy.kong.latency.upstream.read_response_duration',
  'io:redis': 'proxy.kong.latency.3p.redis.total_io',
  'io:socket': 'proxy.kong.latency.3p.tcpsock.total_io',
  'io:http': 'proxy.kong.latency.3p.http_client.total_io',
  'io:dns': 'proxy.kong.latency.3p.dns.total_io',
};

/** The expression field holding Kong's report of a row, or null when the language has none. */
export function rowField(rowKey: string): string | null {
  return ROW_FIELDS[rowKey] ?? null;
}

/** Whether every trace having the row carries Kong's report of it, so a clause on it means what it says. */
export function rowReported(traces: readonly InsightTrace[], rowKey: string): boolean {
  const field = rowField(rowKey);
  if (!field) return false;
  const c = compile(`${field} >= 0`);
  if (!c.ok) return false;
  let any = false;
  for (const t of traces) {
    if (t.breakdown.rows[rowKey] === undefined) continue;
    if (!c.evaluate(t.summary.rootAttributes)) return false;
    any = true;
  }
  return any;
}

/**
 * `field > x` (x in whole ms, rounded down so the request at x itself is not kept unless above it), joined
 * to what the filter says with &&; null for a row the language cannot name.
 */
export function rowFilterWith(current: string, rowKey: string, ms: number): string | null {
  const field = rowField(rowKey);
  if (!field || !Number.isFinite(ms) || ms < 0) return null;
  return andClause(current, `${field} > ${Math.floor(ms)}`);
}
