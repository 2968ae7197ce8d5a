/**
 * The aligned waterfall's rows as shown: all, or only the differences; in tree order, or by |delta|; and
 * `n` / `p` moving between differences in the order shown. Pure, tested on plain rows.
 */
import type { AlignedRow } from '../../../shared/compare/align';

export interface RowView {
  diffOnly: boolean;
  sortByDelta: boolean;
}

export const isDiff = (r: Pick<AlignedRow, 'change'>) => r.change !== 'same';

/** Indices of the rows to show, in the order to show them. */
export function shownRows(rows: readonly AlignedRow[], view: RowView): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (!view.diffOnly || isDiff(r)) out.push(i);
  });
  if (view.sortByDelta) out.sort((x, y) => Math.abs(rows[y]!.deltaMs) - Math.abs(rows[x]!.deltaMs) || x - y);
  return out;
}

/**
 * The next (dir 1) or previous (dir -1) difference after `current` (a row index) in the shown order;
 * from nothing selected, the first (or last). Null when there is none that way.
 */
export function stepDiff(rows: readonly Pick<AlignedRow, 'change'>[], shown: readonly number[], current: number | null, dir: 1 | -1): number | null {
  const at = current === null ? -1 : shown.indexOf(current);
  if (dir === 1) {
    for (let k = at + 1; k < shown.length; k++) if (isDiff(rows[shown[k]!]!)) return shown[k]!;
  } else {
    for (let k = (at < 0 ? shown.length : at) - 1; k >= 0; k--) if (isDiff(rows[shown[k]!]!)) return shown[k]!;
  }
  return null;
}

/** "+1.20 ms", "-480 µs", "±0 µs": a signed duration from milliseconds. */
export function signedMs(ms: number, format: (ns: number) => string): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '-' : '±';
  return `${sign}${format(Math.abs(ms) * 1e6)}`;
}
