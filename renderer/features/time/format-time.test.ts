import { describe, expect, it } from 'vitest';
import { formatClock, formatFull, formatWindow, zoneLabel } from './format-time';

const at = (iso: string) => Date.parse(iso);

describe('formatClock', () => {
  const now = at('2026-12-04T18:00:00.000Z');
  it('shows only the time with milliseconds for today', () => {
    expect(formatClock(at('2026-12-04T09:05:07.042Z'), 'utc', now)).toBe('09:05:07.042');
  });
  it('adds the date on another day, and the year in another year', () => {
    expect(formatClock(at('2026-12-03T23:59:59.999Z'), 'utc', now)).toBe('Dec 3 23:59:59.999');
    expect(formatClock(at('2025-01-31T00:00:00.000Z'), 'utc', now)).toBe('Jan 31 2025 00:00:00.000');
  });
  it('says nothing for a missing time', () => {
    expect(formatClock(0, 'utc', now)).toBe('–');
  });
});

describe('formatFull and zoneLabel', () => {
  it('names UTC', () => {
    expect(formatFull(at('2026-12-04T09:05:07.042Z'), 'utc')).toBe('2026-12-04 09:05:07.042 UTC');
    expect(zoneLabel('utc')).toBe('UTC');
  });
  it('names the local zone by its offset', () => {
    expect(zoneLabel('local')).toMatch(/^UTC[+-]\d\d:\d\d$/);
  });
});

describe('formatWindow', () => {
  const now = at('2026-12-04T18:00:00.000Z');
  it('gives a window of today to the minute, with the zone', () => {
    expect(formatWindow(at('2026-12-04T14:02:11Z'), at('2026-12-04T14:07:40Z'), 'utc', now)).toBe('14:02–14:07 UTC');
  });
  it('dates a window of another day once, and both ends across midnight', () => {
    expect(formatWindow(at('2026-12-02T14:02:11Z'), at('2026-12-02T14:07:40Z'), 'utc', now)).toBe('Dec 2 14:02–14:07 UTC');
    expect(formatWindow(at('2026-12-02T23:58:00Z'), at('2026-12-03T00:03:00Z'), 'utc', now)).toBe('Dec 2 23:58 – Dec 3 00:03 UTC');
  });
  it('is one instant when first and last fall in the same minute', () => {
    expect(formatWindow(at('2025-06-01T10:00:01Z'), at('2025-06-01T10:00:59Z'), 'utc', now)).toBe('Jun 1 2025 10:00 UTC');
  });
});
