import { describe, expect, it } from 'vitest';
import { sessionTitle, sessionWhen } from './session-label';

const at = (iso: string) => Date.parse(iso);
const now = at('2026-12-04T18:00:00Z');
const base = { id: 'file:abc:1', name: 'export.json', traceCount: 3, createdAt: at('2026-12-04T17:00:00Z'), meta: undefined };

describe('sessionWhen', () => {
  it('shows the capture window, not the import time', () => {
    const w = sessionWhen({ ...base, firstTraceMs: at('2025-03-02T09:15:00Z'), lastTraceMs: at('2025-03-02T09:21:30Z') }, 'utc', now);
    expect(w.text).toBe('Mar 2 2025 09:15–09:21 UTC');
    expect(w.title).toBe('Captured from 2025-03-02 09:15:00.000 UTC to 2025-03-02 09:21:30.000 UTC (first to last trace start)');
  });
  it('falls back to a Konnect session’s start, then says the import time is all it knows', () => {
    const konnect = { ...base, traceCount: 0, meta: { konnect: { session: { startedAt: '2026-12-04T10:00:00Z', createdAt: '2026-12-04T09:59:00Z' } } } };
    expect(sessionWhen(konnect, 'utc', now).text).toBe('started 10:00 UTC');
    expect(sessionWhen(base, 'utc', now).text).toBe('imported 17:00 UTC');
    expect(sessionWhen({ ...base, traceCount: 0 }, 'utc', now).text).toBe('no traces yet');
  });
});

describe('sessionTitle', () => {
  it('words a Konnect session the app named from its capture time, and keeps a name the user gave', () => {
    const k = { id: 'konnect:0193cf2f-1111-2222', name: 'Konnect session 0193cf2f', autoName: 'konnect' as const, firstTraceMs: at('2025-03-02T09:15:00Z') };
    expect(sessionTitle(k, 'utc', now)).toBe('Konnect session 0193cf2f · Mar 2 2025 09:15 UTC');
    expect(sessionTitle({ ...k, autoName: undefined, name: 'login bug' }, 'utc', now)).toBe('login bug');
  });
});
