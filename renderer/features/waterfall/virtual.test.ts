import { describe, expect, it } from 'vitest';
import { revealRow, rowRange } from './virtual';

describe('rowRange', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(rowRange(0, 220, 22, 50_000, 5)).toEqual({ first: 0, end: 15 });
    expect(rowRange(22_000, 220, 22, 50_000, 5)).toEqual({ first: 995, end: 1015 });
  });

  it('stays inside the row count', () => {
    expect(rowRange(1_000_000, 220, 22, 30, 5)).toEqual({ first: 15, end: 30 });
    expect(rowRange(0, 220, 22, 0, 5)).toEqual({ first: 0, end: 0 });
  });
});

describe('revealRow', () => {
  it('does not scroll when the row is already in view', () => {
    expect(revealRow(3, 0, 220, 22)).toBeNull();
  });

  it('scrolls by the least amount for a neighbour and centres a far jump', () => {
    expect(revealRow(10, 0, 220, 22)).toBe(22);
    expect(revealRow(4, 110, 220, 22)).toBe(88);
    expect(revealRow(10_000, 0, 220, 22)).toBe(220_000 - 73);
  });
});
