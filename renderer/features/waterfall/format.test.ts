import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset } from './format';

describe('formatDuration', () => {
  it('picks the unit that keeps three significant digits', () => {
    expect(formatDuration(812_000)).toBe('812 µs');
    expect(formatDuration(8_120)).toBe('8.12 µs');
    expect(formatDuration(1_250_000)).toBe('1.25 ms');
    expect(formatDuration(12_345_678)).toBe('12.3 ms');
    expect(formatDuration(12_000_000_000)).toBe('12.0 s');
    expect(formatDuration(250)).toBe('0.25 µs');
  });

  it('carries to the next unit instead of printing 1000', () => {
    expect(formatDuration(999_700)).toBe('1.00 ms');
    expect(formatDuration(999_600_000)).toBe('1.00 s');
  });

  it('handles zero, negatives and garbage', () => {
    expect(formatDuration(0)).toBe('0 µs');
    expect(formatDuration(-2_000_000)).toBe('-2.00 ms');
    expect(formatDuration(Number.NaN)).toBe('–');
  });

  it('signs offsets', () => {
    expect(formatOffset(1_500_000)).toBe('+1.50 ms');
    expect(formatOffset(0)).toBe('+0 µs');
  });
});
