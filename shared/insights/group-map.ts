/**
 * A group's transaction map (docs/insights.md item 5): the phases of a request in lifecycle order, each
 * with what ran inside it (the plugins of that phase; under the upstream its steps; third-party I/O beside
 * them), every node with its p50 / p95 over the requests that have it and "in N of n"; and badges for
 * the variant paths some requests took (DNS, a second upstream try, ended by the gateway). Pure.
 */
import { PHASE_ORDER, UPSTREAM_PARTS } from '../kong/phase-times';
import type { InsightTrace } from './breakdown';
import { rowLabel } from './insights';
import { sortedAsc, statsOfSorted } from './stats';

export interface MapNode {
  key: string;
  label: string;
  /** requests that have it */
  present: number;
  p50Ms: number | null;
  /** null below 20 requests (the small-n rule); a phase bucket's figures are over all n, as in groupStats */
  p95Ms: number | null;
  /** the request where it took longest */
  slowestTraceId: string;
}

export interface MapColumn {
  title: string;
  /** the phase's own node; null for the third-party I/O column, which no phase holds */
  node: MapNode | null;
  children: MapNode[];
}

export interface GroupMap {
  n: number;
  columns: MapColumn[];
  /** variant paths in words: "DNS in 14%", "2+ upstream tries in 3%", "ended by the gateway in 9%" */
  badges: string[];
}

const CLIENT_LAST = ['client', 'other'];

function columnRank(bucket: string): number {
  const i = PHASE_ORDER.indexOf(bucket);
  if (i >= 0) return i;
  return CLIENT_LAST.includes(bucket) ? PHASE_ORDER.length + 1 + CLIENT_LAST.indexOf(bucket) : PHASE_ORDER.length;
}

/** Which column a row belongs under: a plugin under its phase, upstream steps under the upstream, I/O apart. */
function columnOf(key: string): string {
  const [level, a] = key.split(':');
  if (level === 'bucket' || level === 'plugin') return a!;
  return level === 'upstream' ? 'upstream' : 'io';
}

const pct = (k: number, n: number) => `${Math.max(1, Math.round((k / n) * 100))}%`;

export function groupMap(members: readonly InsightTrace[]): GroupMap {
  const n = members.length;
  const values = new Map<string, number[]>();
  const slowest = new Map<string, InsightTrace>();
  let dns = 0;
  let retried = 0;
  let byGateway = 0;
  for (const t of members) {
    const rows = t.breakdown.rows;
    for (const k in rows) {
      let list = values.get(k);
      if (!list) values.set(k, (list = []));
      list.push(rows[k]!);
      const s = slowest.get(k);
      if (!s || rows[k]! > s.breakdown.rows[k]!) slowest.set(k, t);
    }
    if (rows['io:dns'] !== undefined || t.breakdown.dims?.['DNS tries'] !== undefined) dns++;
    if (Number(t.breakdown.dims?.['upstream tries'] ?? 0) >= 2) retried++;
    if (t.breakdown.endedBy === 'gateway') byGateway++;
  }
  const node = (key: string): MapNode => {
    const list = values.get(key)!;
    // as groupStats counts them: a phase bucket over all n (0 where a request lacks it), the rest over those that have it
    const over = key.startsWith('bucket:') && list.length < n ? [...list, ...new Array<number>(n - list.length).fill(0)] : list;
    const st = statsOfSorted(sortedAsc(over), 1e6);
    return { key, label: rowLabel(key), present: list.length, p50Ms: st.p50, p95Ms: st.p95, slowestTraceId: slowest.get(key)!.summary.traceId };
  };
  const buckets = [...values.keys()].filter((k) => k.startsWith('bucket:')).sort((a, b) => columnRank(a.slice(7)) - columnRank(b.slice(7)));
  const stepRank = (k: string) => {
    const i = (UPSTREAM_PARTS as readonly string[]).indexOf(k.split(':')[1]!);
    return i < 0 ? UPSTREAM_PARTS.length : i;
  };
  const childrenOf = (column: string) =>
    [...values.keys()]
      .filter((k) => !k.startsWith('bucket:') && columnOf(k) === column)
      .map(node)
      .sort((x, y) => (column === 'upstream' ? stepRank(x.key) - stepRank(y.key) : 0) || (y.p50Ms ?? 0) - (x.p50Ms ?? 0));
  const columns: MapColumn[] = buckets.map((b) => ({ title: rowLabel(b), node: node(b), children: childrenOf(b.slice(7)) }));
  const io = childrenOf('io');
  if (io.length > 0) columns.push({ title: 'third-party I/O', node: null, children: io });
  const badges: string[] = [];
  if (dns > 0) badges.push(`DNS in ${pct(dns, n)}`);
  if (retried > 0) badges.push(`2+ upstream tries in ${pct(retried, n)}`);
  if (byGateway > 0) badges.push(`ended by the gateway in ${pct(byGateway, n)}`);
  return { n, columns, badges };
}
