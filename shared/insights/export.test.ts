import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../kong/summary';
import * as cases from '../kong/testdata/cases';
import type { InsightTrace } from './breakdown';
import { groupMarkdown, insightsJson, rowsCsv } from './export';
import { groupStats, groupTraces } from './insights';

const insight = (t: ReturnType<typeof cases.slowUpstream>): InsightTrace => {
  const summary = summarizeTrace(t);
  return { summary, breakdown: summary.breakdown! };
};
const traces = [cases.slowUpstream(), cases.upstream500(), cases.slowPluginWithRedis()].map(insight);

describe('insights as text', () => {
  it('JSON has exactly the CLI contract keys, no trace id lists', () => {
    const doc = insightsJson(3, groupTraces(traces, 'route'));
    expect(Object.keys(doc)).toEqual(['traces', 'groups']);
    expect(Object.keys(doc.groups[0]!)).toEqual(['key', 'n', 'errors', 'latencyMs', 'rows', 'outliers']);
  });

  it('CSV: a header, one line per group and row, figures in ms, hidden percentiles empty, fields with commas quoted', () => {
    const g = groupStats('GET /a, "b"', traces);
    const lines = rowsCsv([g]).split('\r\n');
    expect(lines[0]).toBe('group,n,row,present,p50_ms,p90_ms,p99_ms,max_ms,mean_ms,share_pct');
    expect(lines).toHaveLength(g.rows.length + 2);
    expect(lines.at(-1)).toBe('');
    const upstream = lines.find((l) => l.includes(',bucket:upstream,'))!;
    expect(upstream.startsWith('"GET /a, ""b""",3,bucket:upstream,')).toBe(true);
    const cells = upstream.split(',').slice(-6);
    const r = g.rows.find((x) => x.key === 'bucket:upstream')!;
    expect(cells.slice(0, 3)).toEqual([String(r.ms.p50), '', '']);
  });

  it('Markdown: the headline and the rows as tables, the outliers as a list', () => {
    const md = groupMarkdown(groupStats('GET /orders/17', traces));
    expect(md).toMatch(/^## GET \/orders\/17 \(n=3, 1 5xx\)\n\n\| \| p50 \| p90 \| p99 \| max \| mean \|/);
    expect(md).toMatch(/^\| total \| 195 ms \| – \| – \| 1\.20 s \| /m);
    expect(md).toMatch(/^\| rate-limiting \(access\) \| 1 \| /m);
  });
});
