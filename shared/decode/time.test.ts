import { describe, expect, it } from 'vitest';
import { addNs, compareNs, diffNs, formatNs, nsOut, nsToMs, readMicros, readNs } from './time';

describe('nanosecond arithmetic stays exact without BigInt', () => {
  it('splits 19-digit times exactly', () => {
    expect(readNs('1739932819947000064')).toBe(true);
    expect([nsOut.sec, nsOut.nano]).toEqual([1739932819, 947000064]);
    expect(formatNs(nsOut.sec, nsOut.nano)).toBe('1739932819947000064');
  });

  it.each([
    ['1739932819947000064', 773426176, '1739932820720426240'],
    ['1739932819947000064', -947000064, '1739932819000000000'],
    ['999999999', 1, '1000000000'],
    ['0', 5, '5'],
  ])('%s + %d = %s', (base, offset, expected) => {
    expect(addNs(base, offset)).toBe(expected);
  });

  it('differences and comparisons', () => {
    expect(diffNs('1739932820720426240', '1739932819947000064')).toBe(773426176);
    expect(compareNs('999', '1000')).toBeLessThan(0);
    expect(compareNs('1739932820720426240', '1739932819947000064')).toBeGreaterThan(0);
    expect(nsToMs('1544712660300000000')).toBe(1544712660300);
  });

  it.each([['-5'], ['12a'], [''], [null], [{}], [[1, 2]], [Number.NaN]])('rejects %j', (value) => {
    expect(readNs(value)).toBe(false);
  });

  it('accepts int64 written as a JSON number (precision the producer kept)', () => {
    expect(readNs(1544712660000000000)).toBe(true);
    expect(formatNs(nsOut.sec, nsOut.nano)).toBe('1544712660000000000');
    expect(readNs(2999999999)).toBe(true);
    expect([nsOut.sec, nsOut.nano]).toEqual([2, 999999999]);
  });

  it('reads microseconds', () => {
    expect(readMicros(1739932819947123)).toBe(true);
    expect([nsOut.sec, nsOut.nano]).toEqual([1739932819, 947123000]);
  });
});
