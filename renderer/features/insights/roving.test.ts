import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../../../shared/kong/summary';
import * as cases from '../../../shared/kong/testdata/cases';
import { computeBreakdown } from '../../../shared/insights/breakdown';
import { dotLine, stepDot } from './roving';

const keys = { prev: 'ArrowUp', next: 'ArrowDown' };

describe('stepDot', () => {
  it('starts at the first dot going forward and at the last going back', () => {
    expect(stepDot('ArrowDown', -1, 5, keys)).toBe(0);
    expect(stepDot('ArrowUp', -1, 5, keys)).toBe(4);
  });

  it('moves one at a time and stops at either end', () => {
    expect(stepDot('ArrowDown', 2, 5, keys)).toBe(3);
    expect(stepDot('ArrowDown', 4, 5, keys)).toBe(4);
    expect(stepDot('ArrowUp', 0, 5, keys)).toBe(0);
  });

  it('jumps to the ends with Home and End, and by ten with Page Up and Page Down', () => {
    expect(stepDot('Home', 3, 30, keys)).toBe(0);
    expect(stepDot('End', 3, 30, keys)).toBe(29);
    expect(stepDot('PageDown', 3, 30, keys)).toBe(13);
    expect(stepDot('PageDown', 25, 30, keys)).toBe(29);
    expect(stepDot('PageUp', 3, 30, keys)).toBe(0);
    expect(stepDot('PageDown', -1, 30, keys)).toBe(9);
  });

  it('leaves other keys, and an empty plot, alone', () => {
    expect(stepDot('ArrowLeft', 2, 5, keys)).toBeNull();
    expect(stepDot('Enter', 2, 5, keys)).toBeNull();
    expect(stepDot('ArrowDown', -1, 0, keys)).toBeNull();
  });

  it('takes the keys it is given (a strip moves with left and right)', () => {
    expect(stepDot('ArrowRight', 1, 5, { prev: 'ArrowLeft', next: 'ArrowRight' })).toBe(2);
  });
});

describe('dotLine', () => {
  it('says the request, the time, the status and where the dot is', () => {
    const t = cases.upstream500();
    const dot = { summary: summarizeTrace(t), breakdown: computeBreakdown(t) };
    expect(dotLine(dot, 412e6, 2, 120)).toBe('GET /orders/17 412 ms 503, 3 of 120');
  });

  it('falls back to the URL without a path, and leaves out what is unknown', () => {
    const t = cases.upstream500();
    const dot = { summary: { ...summarizeTrace(t), path: null, status: null }, breakdown: computeBreakdown(t) };
    expect(dotLine(dot, 1.5e6, 0, 1)).toBe('GET https://api.acme.test/orders/17 1.50 ms, 1 of 1');
  });

  it("with a row, says the row's time in the request", () => {
    const t = cases.upstream500();
    const dot = { summary: summarizeTrace(t), breakdown: computeBreakdown(t) };
    expect(dotLine(dot, 12e6, 5, 11, 'rate-limiting (access)')).toBe('rate-limiting (access) 12.0 ms in GET /orders/17 503, 6 of 11');
  });
});
