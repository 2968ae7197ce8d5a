/**
 * The typical twin (insights.md, "Comparing two requests"): for "why was this one slower than a normal
 * one?", the traces of the same group (same route, method, consumer, status class and set of plugins run)
 * whose total is nearest the group's median (nearest rank, so it is a real request's, as in session
 * insights), from every session given.
 */
import { nearestRank } from '../insights/stats';
import type { TraceSummary } from '../model/types';

type Row = Pick<TraceSummary, 'traceId' | 'method' | 'routeId' | 'route' | 'path' | 'consumerId' | 'status' | 'durationMs'> & {
  /** the plugins that ran (session insights' breakdown); a row stored before it has none yet */
  breakdown?: { plugins: readonly string[] } | null;
};

/** A request's route: its id, else its name, else the path. */
export const routeOf = (r: Pick<Row, 'routeId' | 'route' | 'path'>): string => r.routeId ?? r.route ?? r.path ?? '';

/** The group one trace is compared against ("one against a group"): the same route and method. */
export const routeMethodKey = (r: Pick<Row, 'routeId' | 'route' | 'path' | 'method'>): string => `${r.method ?? ''}|${routeOf(r)}`;

/**
 * What makes two requests "the same kind": route (its id, else its name, else the path), method, consumer,
 * status class, and the set of plugins that ran (a request that skipped auth is not a twin of one that ran it).
 */
export function groupKey(r: Row): string {
  const route = routeOf(r);
  const statusClass = r.status === null ? '-' : `${Math.floor(r.status / 100)}xx`;
  const plugins = r.breakdown ? r.breakdown.plugins.join(',') : '?';
  return [r.method ?? '', route, r.consumerId ?? '', statusClass, plugins].join('|');
}

export interface Twins<T extends Row> {
  /** the group's size, the subject included */
  groupSize: number;
  /** the group's median total in ms */
  medianMs: number | null;
  /** other traces of the group, nearest the median first */
  twins: T[];
}

export function typicalTwins<T extends Row>(subject: Row & { sessionId?: string }, candidates: readonly (T & { sessionId?: string })[], limit = 3): Twins<T> {
  const key = groupKey(subject);
  const same = (c: T & { sessionId?: string }) => c.traceId === subject.traceId && c.sessionId === subject.sessionId;
  const group = candidates.filter((c) => groupKey(c) === key);
  if (!group.some(same)) group.push(subject as T);
  const medianMs = nearestRank(Float64Array.from(group, (g) => g.durationMs).sort(), 50);
  const twins = group
    .filter((c) => !same(c) && c.traceId !== subject.traceId)
    .sort((a, b) => Math.abs(a.durationMs - medianMs!) - Math.abs(b.durationMs - medianMs!) || a.traceId.localeCompare(b.traceId))
    .slice(0, limit);
  return { groupSize: group.length, medianMs, twins };
}
