/**
 * A comparison as Markdown (issue 20, export): the header figure, the bridge and the differing rows, from
 * the same Comparison the view and `ktv compare --json` read, so the figures are the same everywhere.
 * Trace data is escaped so a renderer shows it as text: no link, emphasis or inline HTML from a span name.
 */
import { formatDuration } from '../util/duration';
import type { Comparison } from './compare';
import { deltaText } from './compare';

/** Backslash-escapes what Markdown would read as markup, and keeps a table cell on one line. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~&-]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const ms = (v: number | null) => (v === null ? '–' : formatDuration(v * 1e6));
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '-' : '±'}${formatDuration(Math.abs(v) * 1e6)}`;

export interface MarkdownTitles {
  a: string;
  b: string;
}

/** At most this many differing rows, the largest |delta| first: the table is read, not scrolled. */
const MAX_ROWS = 50;

export function comparisonMarkdown(c: Comparison, titles: MarkdownTitles): string {
  const rows = c.alignment.rows.filter((r) => r.change !== 'same');
  const top = [...rows].sort((x, y) => Math.abs(y.deltaMs) - Math.abs(x.deltaMs)).slice(0, MAX_ROWS);
  const change = { changed: 'changed', added: 'only in B', removed: 'only in A', same: 'same' } as const;
  const out = [
    `# ${mdText(titles.b)} against ${mdText(titles.a)}`,
    '',
    '| | A (baseline) | B (subject) |',
    '|---|---|---|',
    `| request | ${mdText(titles.a)} | ${mdText(titles.b)} |`,
    `| trace | \`${c.a.traceId}\` | \`${c.b.traceId}\` |`,
    `| total | ${ms(c.a.totalMs)} | ${ms(c.b.totalMs)} |`,
    '',
    `**B relative to A: ${deltaText(c.a.totalMs, c.b.totalMs)}** · ${rows.length} of ${c.alignment.rows.length} rows differ · ${Math.round(c.alignment.matchedRatio * 100)}% of spans matched`,
    '',
    '## Bridge from A to B',
    '',
    '| step | A | B | B − A |',
    '|---|---:|---:|---:|',
    `| A total | | | ${ms(c.a.totalMs)} |`,
    ...c.bridge.steps.map((s) => `| ${mdText(s.key)} | ${ms(s.aMs)} | ${ms(s.bMs)} | ${signed(s.deltaMs)} |`),
    `| B total | | | ${ms(c.b.totalMs)} |`,
    '',
    `## Differences${rows.length > MAX_ROWS ? ` (the ${MAX_ROWS} largest of ${rows.length})` : ''}`,
    '',
  ];
  if (top.length === 0) out.push('No row differs.');
  else {
    out.push('| span | A | B | B − A | change |', '|---|---:|---:|---:|---|');
    for (const r of top) out.push(`| ${mdText(r.label)} | ${ms(r.aMs)} | ${ms(r.bMs)} | ${signed(r.deltaMs)} | ${change[r.change]} |`);
  }
  return `${out.join('\n')}\n`;
}

/** `ktv-compare-<A>-<B>.<ext>`: the two trace ids, short and stripped of anything odd. */
export function exportFileName(a: string, b: string, ext: 'md' | 'json' | 'png'): string {
  const id = (t: string) => t.replace(/[^0-9a-z]/gi, '').slice(0, 12) || 'unknown';
  return `ktv-compare-${id(a)}-${id(b)}.${ext}`;
}
