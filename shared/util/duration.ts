/**
 * Durations for people reading numbers at 2 a.m.: three significant digits and a unit that keeps the
 * number between 1 and 999 (µs, ms, s), so a column of them lines up and compares at a glance. Shared, so
 * the verdict sentence (shared/kong) and the screens print a duration the same way.
 */

function sig3(v: number): string {
  if (v >= 100) return Math.round(v).toString();
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** `ns` nanoseconds as "812 µs", "1.25 ms", "12.0 s"; zero is "0 µs". */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns)) return '–';
  const sign = ns < 0 ? '-' : '';
  const a = Math.abs(ns);
  if (a === 0) return '0 µs';
  const us = a / 1e3;
  // rounding can carry a value to the next unit ("999.7 µs" would print as "1000 µs")
  if (us < 999.5) return `${sign}${sig3(us)} µs`;
  const ms = a / 1e6;
  if (ms < 999.5) return `${sign}${sig3(ms)} ms`;
  return `${sign}${sig3(a / 1e9)} s`;
}
