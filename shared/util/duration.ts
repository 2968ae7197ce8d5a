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

/** The one duration formatter. `ns` nanoseconds (the model's unit everywhere) as "812 µs", "1.25 ms", "12.0 s"; zero is "0 µs". */
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

/** A countdown or a configured length in whole seconds, as "4 min 10 s", "30 s", "2 min" (Konnect sessions). */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) return `${rest} s`;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}
