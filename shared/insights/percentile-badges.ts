/**
 * Percentile badges (docs/insights.md item 8): where the open trace stands in its group, row by row of its
 * breakdown, for the transaction map's nodes and the waterfall's rows. Pure; works from summaries and their
 * breakdowns only, as the Insights tab does.
 *
 * **The group** is the Insights tab's default one: the session's traces of the same route and method
 * (`groupKey(summary, 'route')`) that have a breakdown, the open trace itself included.
 *
 * **The percentile** of the trace in a row is `floor(100 * k / n)`, where n is the number of group members
 * the row is judged among and k how many of them took as long as the trace or less in that row (ties count
 * as at or below; the trace counts itself). Rounded down, so a badge never claims more than the data: p100 is
 * the slowest (or tied with it), and p90 means at least 90% of them took as long or less.
 * The members judged among are those "Where time goes" uses for the row's figures, so the words' p50 is the
 * table's: for `bucket:` rows every member (a phase a request lacks is 0 ns of it), for plugin, upstream
 * and I/O rows the members having the row (a plugin that did not run is not a fast run of it).
 *
 * **Honest small numbers**: with n below 10 (the n from which the Insights tab shows a p90) there is no
 * percentile, and the words say n instead. The words always say n.
 */
import type { TraceSummary } from '../model/types';
import type { MapNode } from '../kong/transaction-map';
import { UPSTREAM_PARTS } from '../kong/phase-times';
import { formatDuration } from '../util/duration';
import { rowKeyOfSpan, type InsightTrace } from './breakdown';
import { groupKey, rowLabel } from './insights';
import { rankingOf, type RowKey } from './behind';
import { countAtOrBelow, MIN_N, nearestRank } from './stats';

/** Members needed for a percentile: the Insights tab's n for a p90. */
export const BADGE_MIN_N = MIN_N[90]!;
/** From this percentile a badge is drawn, as a warning; below it only the words carry the standing. */
export const BADGE_WARN_PCT = 90;

export interface RowStanding {
  /** this trace's time in the row, ns */
  ns: number;
  /** the members the row is judged among (the trace included) */
  n: number;
  /** how many of them took as long as the trace or less */
  atOrBelow: number;
  /** floor(100 * atOrBelow / n); null when n < BADGE_MIN_N */
  pct: number | null;
  /** the nearest-rank median of the n members' times, ns */
  p50Ns: number;
}

/**
 * The trace's standing in each row of its breakdown among the group's members (which include it). Empty
 * when the trace is not among them.
 */
export function rowStandings(traceId: string, members: readonly InsightTrace[]): Map<string, RowStanding> {
  const out = new Map<string, RowStanding>();
  const subject = members.find((m) => m.summary.traceId === traceId);
  if (!subject) return out;
  for (const key in subject.breakdown.rows) {
    // the row's values as "Where time goes" orders them (behind.ts): a bucket over every member, others over those having it
    const { sorted } = rankingOf(members, key as RowKey);
    const ns = subject.breakdown.rows[key]!;
    const n = sorted.length;
    const atOrBelow = countAtOrBelow(sorted, ns);
    out.set(key, { ns, n, atOrBelow, pct: n >= BADGE_MIN_N ? Math.floor((100 * atOrBelow) / n) : null, p50Ns: nearestRank(sorted, 50)! });
  }
  return out;
}

export interface RowBadge {
  /** `p97`, or null when the group is too small for a percentile */
  text: string | null;
  /** at or above BADGE_WARN_PCT: drawn, as a warning; otherwise the words alone carry the standing */
  warn: boolean;
  /** the hover text and accessible description, in words, always with n */
  words: string;
}

/**
 * A standing in words, always with n: "rate-limiting (access): p96, as slow as or slower than 96% of 212 POST
 * /payments requests (this 412 ms; group p50 38 ms)", or below BADGE_MIN_N "…: n=4 POST /payments requests, too
 * few for a percentile (…)".
 */
export function badgeOf(key: string, s: RowStanding, group: string, groupSize: number): RowBadge {
  const all = s.n === groupSize;
  const figures = `(this ${formatDuration(s.ns)}; group p50 ${formatDuration(s.p50Ns)})`;
  const label = rowLabel(key);
  if (s.pct === null) {
    const who = all ? `n=${s.n} ${group} requests` : `n=${s.n} of ${groupSize} ${group} requests have it`;
    return { text: null, warn: false, words: `${label}: ${who}, too few for a percentile ${figures}` };
  }
  const of = all ? `${s.n} ${group} requests` : `the ${s.n} of ${groupSize} ${group} requests that have it`;
  return { text: `p${s.pct}`, warn: s.pct >= BADGE_WARN_PCT, words: `${label}: p${s.pct}, as slow as or slower than ${s.pct}% of ${of} ${figures}` };
}

/** The open trace's badges, by row key, against its group. */
export interface GroupBadges {
  /** the group, `POST /payments` */
  group: string;
  /** members of the group */
  n: number;
  byRow: ReadonlyMap<string, RowBadge>;
}

type WithBreakdown = TraceSummary & { breakdown?: InsightTrace['breakdown'] };

/** The session's route-and-method groups of traces with a breakdown, built once per list of summaries. */
const groupsOf = new WeakMap<readonly WithBreakdown[], { groups: Map<string, InsightTrace[]>; keyOf: Map<string, string> }>();

function routeGroups(traces: readonly WithBreakdown[]) {
  let g = groupsOf.get(traces);
  if (!g) {
    g = { groups: new Map(), keyOf: new Map() };
    for (const t of traces) {
      if (!t.breakdown) continue;
      const key = groupKey(t, 'route');
      let list = g.groups.get(key);
      if (!list) g.groups.set(key, (list = []));
      list.push({ summary: t, breakdown: t.breakdown });
      g.keyOf.set(t.traceId, key);
    }
    groupsOf.set(traces, g);
  }
  return g;
}

/** The last answer, given again while it says the same (a live session's list changes without changing it). */
let last: { traceId: string; badges: GroupBadges } | null = null;

/**
 * The badges of one trace of the session against its group (route and method). Callers keep the answer per
 * (trace, list of summaries); a new list that leaves the trace's badges as they were gives the same object
 * back, so views keyed on it do not redraw. Null when the trace has no breakdown.
 */
export function groupBadges(traces: readonly WithBreakdown[], traceId: string): GroupBadges | null {
  const { groups, keyOf } = routeGroups(traces);
  const group = keyOf.get(traceId);
  const members = group === undefined ? undefined : groups.get(group);
  if (group === undefined || !members) return null;
  const byRow = new Map<string, RowBadge>();
  for (const [key, s] of rowStandings(traceId, members)) byRow.set(key, badgeOf(key, s, group, members.length));
  const badges = { group, n: members.length, byRow };
  if (last?.traceId === traceId && sameBadges(last.badges, badges)) return last.badges;
  last = { traceId, badges };
  return badges;
}

function sameBadges(a: GroupBadges, b: GroupBadges): boolean {
  if (a.group !== b.group || a.n !== b.n || a.byRow.size !== b.byRow.size) return false;
  for (const [key, x] of a.byRow) {
    const y = b.byRow.get(key);
    if (!y || y.words !== x.words || y.text !== x.text || y.warn !== x.warn) return false;
  }
  return true;
}

const UPSTREAM_NODE_IDS = new Set<string>(UPSTREAM_PARTS.map((p) => `upstream:${p}`));

/**
 * The breakdown row a transaction-map node stands for: an upstream part's node (id `upstream:<part>`, from the
 * same partition as the breakdown's `upstream:` rows) is that row, even when no span of its own covers it; a
 * node standing for one span is that span's row (plugins, DNS, I/O); "N more" and client nodes, none.
 */
export function mapNodeRowKey(node: MapNode, nameOf: (spanId: string) => string | undefined): string | null {
  if (node.bucket === 'upstream' && UPSTREAM_NODE_IDS.has(node.id)) return node.id;
  if (node.spanIds.length !== 1) return null;
  const name = nameOf(node.spanIds[0]!);
  return name === undefined ? null : rowKeyOfSpan(name);
}

/**
 * The badge of each span that has one, by the span's position in `spans`: one pass over the spans, each
 * distinct name classified once (a 10,000-span trace has a few dozen names), so a view looks a row's badge up
 * rather than working it out as it draws the row.
 */
export function badgesBySpan(spans: readonly { name: string }[], byRow: ReadonlyMap<string, RowBadge>): Map<number, RowBadge> {
  const out = new Map<number, RowBadge>();
  if (byRow.size === 0) return out;
  const keyOfName = new Map<string, string | null>();
  for (let i = 0; i < spans.length; i++) {
    const name = spans[i]!.name;
    let key = keyOfName.get(name);
    if (key === undefined) keyOfName.set(name, (key = rowKeyOfSpan(name)));
    const badge = key === null ? undefined : byRow.get(key);
    if (badge) out.set(i, badge);
  }
  return out;
}
