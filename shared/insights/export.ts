/**
 * Session insights as text: the JSON document `ktv insights --json` prints and the view copies, a group's
 * tables as Markdown, and "where time goes" as CSV. One shape for the CLI and the view. Pure.
 */
import { formatDuration } from '../util/duration';
import { rowLabel, type GroupStats, type S } from './insights';

/** `{"traces": N, "groups": [{key, n, errors, latencyMs, rows, outliers}]}` (issue 19's CLI contract). */
export interface InsightsJson {
  traces: number;
  groups: Omit<GroupStats, 'traceIds'>[];
}

export function insightsJson(traces: number, groups: readonly GroupStats[]): InsightsJson {
  return {
    traces,
    groups: groups.map((g) => ({ key: g.key, n: g.n, errors: g.errors, latencyMs: g.latencyMs, rows: g.rows, outliers: g.outliers })),
  };
}

const fmt = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));
const PARTS = ['total', 'gateway', 'upstream', 'client'] as const;

/** A group's headline and "where time goes" as Markdown tables. */
export function groupMarkdown(g: GroupStats): string {
  const lines = [`## ${g.key} (n=${g.n}, ${g.errors} 5xx)`, '', '| | p50 | p90 | p99 | max | mean |', '|---|---|---|---|---|---|'];
  for (const p of PARTS) {
    const s: S = g.latencyMs[p];
    lines.push(`| ${p} | ${fmt(s.p50)} | ${fmt(s.p90)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${fmt(s.mean)} |`);
  }
  lines.push('', '| row | present | p50 | p90 | p99 | max | share |', '|---|---|---|---|---|---|---|');
  for (const r of g.rows) lines.push(`| ${rowLabel(r.key)} | ${r.present} | ${fmt(r.ms.p50)} | ${fmt(r.ms.p90)} | ${fmt(r.ms.p99)} | ${fmt(r.ms.max)} | ${r.sharePct.toFixed(1)}% |`);
  if (g.outliers.length > 0) {
    lines.push('', `Outliers (${g.outliers.length}):`, '');
    for (const o of g.outliers) lines.push(`- \`${o.traceId}\` ${o.reason}`);
  }
  return lines.join('\n');
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * "Where time goes" of every group as CSV, one line per group and row, figures in ms as numbers (empty
 * where the small-n rules hide a percentile).
 */
export function rowsCsv(groups: readonly GroupStats[]): string {
  const lines = ['group,n,row,present,p50_ms,p90_ms,p99_ms,max_ms,mean_ms,share_pct'];
  for (const g of groups) {
    for (const r of g.rows) {
      lines.push([g.key, g.n, r.key, r.present, r.ms.p50, r.ms.p90, r.ms.p99, r.ms.max, r.ms.mean, Number(r.sharePct.toFixed(3))].map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
