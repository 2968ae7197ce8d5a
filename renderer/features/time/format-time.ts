/**
 * Wall-clock times as the UI shows them: the time with milliseconds, the date too when it is not today
 * (in the zone shown), and the zone's name, local or UTC by the user's one setting. Pure: "now" and the
 * zone are arguments, so it is tested without a clock.
 */

export type TimeZoneChoice = 'local' | 'utc';

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

function parts(ms: number, zone: TimeZoneChoice): Parts {
  const t = new Date(ms);
  return zone === 'utc'
    ? { y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() }
    : { y: t.getFullYear(), mo: t.getMonth(), d: t.getDate(), h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds(), ms: t.getMilliseconds() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "23:42:25.241", or "Dec 4 23:42:25.241" when not today, or "Dec 4 2025 …" when not this year. */
export function formatClock(ms: number, zone: TimeZoneChoice, now = Date.now()): string {
  if (!Number.isFinite(ms) || ms <= 0) return '–';
  const p = parts(ms, zone);
  const today = parts(now, zone);
  const time = `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)}`;
  if (p.y === today.y && p.mo === today.mo && p.d === today.d) return time;
  return `${MONTHS[p.mo]} ${p.d}${p.y === today.y ? '' : ` ${p.y}`} ${time}`;
}

/** The zone's short name for a column header or a tooltip: "UTC", or the local offset such as "UTC+01:00". */
export function zoneLabel(zone: TimeZoneChoice, at = Date.now()): string {
  if (zone === 'utc') return 'UTC';
  const off = -new Date(at).getTimezoneOffset();
  if (off === 0) return 'UTC+00:00';
  const a = Math.abs(off);
  return `UTC${off > 0 ? '+' : '-'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The full date and time with milliseconds and zone, for tooltips and exports: "2026-12-04 23:42:25.241 UTC". */
export function formatFull(ms: number, zone: TimeZoneChoice): string {
  if (!Number.isFinite(ms) || ms <= 0) return '–';
  const p = parts(ms, zone);
  return `${p.y}-${pad(p.mo + 1)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)} ${zoneLabel(zone, ms)}`;
}

/** "23:42", or "Dec 4 23:42" when not today, or "Dec 4 2025 23:42" when not this year. */
function minute(ms: number, zone: TimeZoneChoice, now: number, sameDayAs?: number): string {
  const p = parts(ms, zone);
  const time = `${pad(p.h)}:${pad(p.mi)}`;
  if (sameDayAs !== undefined) {
    const q = parts(sameDayAs, zone);
    if (p.y === q.y && p.mo === q.mo && p.d === q.d) return time;
  }
  const today = parts(now, zone);
  if (p.y === today.y && p.mo === today.mo && p.d === today.d) return time;
  return `${MONTHS[p.mo]} ${p.d}${p.y === today.y ? '' : ` ${p.y}`} ${time}`;
}

/**
 * A capture window to the minute, with the date where it is not today and the zone: "14:02–14:07 UTC",
 * "Dec 4 14:02–14:07 UTC+01:00", "Dec 3 23:58 – Dec 4 00:03 UTC"; one instant when the two are the same minute.
 */
export function formatWindow(firstMs: number, lastMs: number, zone: TimeZoneChoice, now = Date.now()): string {
  if (!Number.isFinite(firstMs) || firstMs <= 0) return '–';
  const from = minute(firstMs, zone, now);
  const zoneName = zoneLabel(zone, firstMs);
  if (!Number.isFinite(lastMs) || lastMs <= firstMs) return `${from} ${zoneName}`;
  const to = minute(lastMs, zone, now, firstMs);
  if (to === from || from.endsWith(` ${to}`)) return `${from} ${zoneName}`;
  return to.includes(' ') ? `${from} – ${to} ${zoneName}` : `${from}–${to} ${zoneName}`;
}

/** A date and minute that stays true whatever day it is read: "2026-12-04 14:02 UTC+01:00" (for names). */
export function formatStamp(ms: number, zone: TimeZoneChoice): string {
  if (!Number.isFinite(ms) || ms <= 0) return '–';
  const p = parts(ms, zone);
  return `${p.y}-${pad(p.mo + 1)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)} ${zoneLabel(zone, ms)}`;
}
