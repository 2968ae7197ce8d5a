/**
 * What the sidebar says about a session: its title (a name the app made is worded from the capture time,
 * in the user's time zone) and when it was captured: the window from its first to its last trace start,
 * which is what a user remembers a session by, not when it was imported. Pure, so tested without a clock.
 */
import type { SessionRow } from '../../db/schema';
import { formatFull, formatWindow, type TimeZoneChoice } from '../time/format-time';

export function sessionTitle(s: Pick<SessionRow, 'id' | 'name' | 'autoName' | 'firstTraceMs'>, zone: TimeZoneChoice, now = Date.now()): string {
  if (s.autoName === 'konnect' && s.firstTraceMs) {
    const uuid = s.id.slice(s.id.indexOf(':') + 1, s.id.indexOf(':') + 9);
    return `Konnect session ${uuid} · ${formatWindow(s.firstTraceMs, s.firstTraceMs, zone, now)}`;
  }
  return s.name;
}

const konnectTimes = (s: Pick<SessionRow, 'meta'>): { startedAt?: string | null; createdAt?: string } | undefined =>
  (s.meta?.konnect as { session?: { startedAt?: string | null; createdAt?: string } } | undefined)?.session;

/** The capture window as the session's line shows it, and its full form for a tooltip. */
export function sessionWhen(s: Pick<SessionRow, 'firstTraceMs' | 'lastTraceMs' | 'traceCount' | 'createdAt' | 'meta'>, zone: TimeZoneChoice, now = Date.now()): { text: string; title: string } {
  if (s.firstTraceMs) {
    const last = s.lastTraceMs ?? s.firstTraceMs;
    return {
      text: formatWindow(s.firstTraceMs, last, zone, now),
      title: last > s.firstTraceMs ? `Captured from ${formatFull(s.firstTraceMs, zone)} to ${formatFull(last, zone)} (first to last trace start)` : `Captured at ${formatFull(s.firstTraceMs, zone)}`,
    };
  }
  const k = konnectTimes(s);
  const started = Date.parse(k?.startedAt ?? k?.createdAt ?? '');
  if (started > 0) return { text: `started ${formatWindow(started, started, zone, now)}`, title: `Konnect session started ${formatFull(started, zone)}` };
  if (s.traceCount === 0) return { text: 'no traces yet', title: `Created ${formatFull(s.createdAt, zone)}` };
  // stored before the capture window was kept: the import time is all there is, and it says so
  return { text: `imported ${formatWindow(s.createdAt, s.createdAt, zone, now)}`, title: `Imported ${formatFull(s.createdAt, zone)}; import it again to see when it was captured` };
}
