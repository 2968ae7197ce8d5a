/**
 * `ktv insights FILE... [--where EXPR] [--group-by route|service|consumer|status|upstream|node|none] [--json]`: where
 * the time goes across the requests of one or more trace files (issue 19), grouped as the app's Insights
 * tab groups them, from the same code (shared/insights). With --json, stdout is exactly one JSON document:
 * {"traces": N, "groups": [{"key", "n", "errors", "latencyMs": {"total": S, "gateway": S, "upstream": S,
 * "client": S}, "rows": [{"key", "present", "ms": S, "sharePct"}], "outliers": [{"traceId", "reason"}]}]},
 * S = {"p50", "p90", "p99", "max", "mean"} in ms by nearest rank (p90 null below 10 requests, p99 below 100).
 */
import { resolve } from 'node:path';
import { DecodeError } from '../../../shared/decode/api';
import { compile } from '../../../shared/expr';
import { insightsJson } from '../../../shared/insights/export';
import { GROUP_BYS, groupTraces, rowLabel, type GroupBy, type GroupStats, type S } from '../../../shared/insights/insights';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { summarizeTrace } from '../../../shared/kong/summary';
import { formatDuration } from '../../../shared/util/duration';
import { decodeFile, FileReadError } from '../../services/files/read';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = `usage: ktv insights FILE... [--where EXPR] [--group-by ${GROUP_BYS.join('|')}] [--json]`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  let files: string[];
  let by: GroupBy;
  let where: string | null;
  let json: boolean;
  try {
    const args = parseArgs(argv, ['where', 'group-by'], ['json']);
    if (args.positionals.length === 0) throw new UsageError('missing FILE');
    const g = args.flags['group-by'] ?? 'route';
    if (typeof g !== 'string' || !(GROUP_BYS as readonly string[]).includes(g)) throw new UsageError(`--group-by takes one of ${GROUP_BYS.join(', ')}`);
    by = g as GroupBy;
    where = typeof args.flags.where === 'string' ? args.flags.where : null;
    files = args.positionals;
    json = args.flags.json === true;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`ktv insights: ${e.message}\n${USAGE}`);
    return 2;
  }
  const compiled = where === null ? null : compile(where);
  if (compiled && !compiled.ok) {
    io.err(`ktv insights: invalid --where expression: ${compiled.errors.map((e) => `column ${e.column}: ${e.message}`).join('; ')}\n${USAGE}`);
    return 2;
  }

  const traces: InsightTrace[] = [];
  let leftOut = 0;
  try {
    for (const file of files) {
      const decoded = await decodeFile(resolve(io.cwd, file), { fileName: file });
      for (const t of decoded.traces) {
        const summary = summarizeTrace(t);
        if (compiled && !compiled.evaluate(summary.rootAttributes)) continue;
        if (summary.breakdown) traces.push({ summary, breakdown: summary.breakdown });
        else leftOut++;
      }
    }
  } catch (e) {
    if (e instanceof DecodeError || e instanceof FileReadError) {
      io.err(`ktv insights: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const groups = groupTraces(traces, by);
  if (json) {
    io.out(JSON.stringify(insightsJson(traces.length, groups)));
    return 0;
  }
  const lines = [`${traces.length} trace${traces.length === 1 ? '' : 's'}${where ? ` where ${where}` : ''}, grouped by ${by === 'route' ? 'route × method' : by}`];
  if (leftOut > 0) lines.push(`(${leftOut} without spans left out)`);
  for (const g of groups) lines.push('', ...groupTable(g));
  io.out(lines.join('\n'));
  return 0;
}

const ms = (v: number | null) => (v === null ? '-' : formatDuration(v * 1e6));
const cells = (s: S) => [s.p50, s.p90, s.p99, s.max, s.mean].map((v) => ms(v).padStart(9)).join('');

const LABEL = 40;
const LEVELS: [string, string][] = [['bucket:', 'phases'], ['plugin:', 'plugins (own time)'], ['upstream:', 'upstream steps'], ['io:', 'third-party I/O']];

/** One group: its headline, then where the time goes by level, then its outliers with their reasons. */
export function groupTable(g: GroupStats): string[] {
  const errors = g.errors > 0 ? `  ${g.errors} 5xx (${Math.round((g.errors / g.n) * 100)}%)` : '';
  const head = `${''.padEnd(LABEL + 2)}${['p50', 'p90', 'p99', 'max', 'mean'].map((h) => h.padStart(9)).join('')}`;
  const lines = [`${g.key}  n=${g.n}${errors}`, `${head}  share`];
  for (const p of ['total', 'gateway', 'upstream', 'client'] as const) lines.push(`  ${p.padEnd(LABEL)}${cells(g.latencyMs[p])}`);
  for (const [prefix, title] of LEVELS) {
    const rows = g.rows.filter((r) => r.key.startsWith(prefix));
    if (rows.length === 0) continue;
    lines.push(`  ${title}:`);
    for (const r of rows) {
      const label = `${rowLabel(r.key)}${r.present < g.n ? ` (${r.present} of ${g.n})` : ''}`;
      lines.push(`    ${label.slice(0, LABEL - 2).padEnd(LABEL - 2)}${cells(r.ms)}  ${r.sharePct.toFixed(1).padStart(5)}%`);
    }
  }
  for (const o of g.outliers) lines.push(`  outlier ${o.traceId}  ${o.reason}`);
  return lines;
}
