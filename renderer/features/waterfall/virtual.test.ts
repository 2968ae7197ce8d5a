import { describe, expect, it } from 'vitest';
import { revealRow } from './virtual';

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
