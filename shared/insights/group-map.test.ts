import { describe, expect, it } from 'vitest';
import { decodeAll } from '../decode/index';
import { utf8 } from '../decode/test-helpers';
import { summarizeTrace } from '../kong/summary';
import { generateSample } from '../sample/generate';
import { traceAtRank, type RowKey } from './behind';
import { groupMap } from './group-map';
import { groupStats } from './insights';

describe('groupMap', () => {
  it('puts the phases in lifecycle order with their plugins and upstream steps, each node "in N of n" with p50 / p95', async () => {
    const { traces } = await decodeAll(utf8(generateSample({ seed: 8, traces: 80 }).jsonl), { fileName: 's.jsonl' });
    const members = traces.map((t) => {
      const summary = summarizeTrace(t);
      return { summary, breakdown: summary.breakdown! };
    });
    const map = groupMap(members);
    const titles = map.columns.map((c) => c.title);
    expect(titles.indexOf('access')).toBeLessThan(titles.indexOf('upstream'));
    expect(titles.indexOf('upstream')).toBeLessThan(titles.indexOf('client'));
    const access = map.columns.find((c) => c.title === 'access')!;
    expect(access.children.length).toBeGreaterThan(0);
    expect(access.children.every((c) => c.key.startsWith('plugin:access:'))).toBe(true);
    const upstream = map.columns.find((c) => c.title === 'upstream')!;
    expect(upstream.children.every((c) => c.key.startsWith('upstream:'))).toBe(true);
    // each node's figures are the where-time-goes row's (one truth), p95 shown from 20 requests
    const g = groupStats('all', members);
    for (const col of map.columns) {
      for (const node of [col.node, ...col.children]) {
        if (!node) continue;
        const row = g.rows.find((r) => r.key === node.key)!;
        expect(node.present).toBe(row.present);
        expect(node.p50Ms).toBe(row.ms.p50);
        expect(node.p95Ms === null).toBe((node.key.startsWith('bucket:') ? g.n : node.present) < 20);
        expect(members.some((m) => m.summary.traceId === node.slowestTraceId)).toBe(true);
        // the request a node's p50 / p95 opens has exactly the figure shown
        expect(traceAtRank(members, node.key as RowKey, 50)!.ns / 1e6).toBe(node.p50Ms);
        const p95 = traceAtRank(members, node.key as RowKey, 95);
        expect(p95 === null ? null : p95.ns / 1e6).toBe(node.p95Ms);
      }
    }
    expect(map.badges.some((b) => /^DNS in \d+%$/.test(b))).toBe(true);
  });
});
