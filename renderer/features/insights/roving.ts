/**
 * Picking one request among a plot's or a strip's dots from the keyboard: a "current" dot that keys move
 * through the dots in order (of value, or of time), and the line that says which request it is. Pure.
 */
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { formatDuration } from '../../../shared/util/duration';

/** Dots a Page Up / Page Down moves over. */
const PAGE = 10;

/**
 * Where a key moves the current dot among `n` in order (`at`: its position, -1 for none yet), or null
 * for a key that does not move it. The first step forward lands on the first dot, backward on the last.
 */
export function stepDot(key: string, at: number, n: number, keys: { prev: string; next: string }): number | null {
  if (n === 0) return null;
  const last = n - 1;
  switch (key) {
    case keys.next:
      return at < 0 ? 0 : Math.min(last, at + 1);
    case keys.prev:
      return at < 0 ? last : Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return at < 0 ? Math.min(last, PAGE - 1) : Math.min(last, at + PAGE);
    case 'PageUp':
      return at < 0 ? Math.max(0, last - PAGE + 1) : Math.max(0, at - PAGE);
    default:
      return null;
  }
}

/**
 * "GET /payments 412 ms 200, 3 of 120": the request, a time of it, its status, where its dot is. With a
 * row's label the time is that row's: "rate-limiting (access) 12.0 ms in GET /payments 200, 3 of 40".
 */
export function dotLine(t: InsightTrace, ns: number, at: number, n: number, row?: string): string {
  const s = t.summary;
  const words = (...w: (string | number | null | undefined)[]) => w.filter((v) => v !== null && v !== undefined && v !== '').join(' ');
  const said = row === undefined ? words(s.method, s.path ?? s.url, formatDuration(ns), s.status) : `${row} ${formatDuration(ns)} in ${words(s.method, s.path ?? s.url, s.status)}`;
  return `${said}, ${at + 1} of ${n}`;
}
