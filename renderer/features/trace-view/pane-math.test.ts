import { describe, expect, it } from 'vitest';
import { clampSize, sizeAfterDrag, sizeAfterKey } from './pane-math';

const bounds = { min: 20, max: 80 };

describe('pane sizes', () => {
  it('keeps sizes within bounds', () => {
    expect(clampSize(5, bounds)).toBe(20);
    expect(clampSize(95, bounds)).toBe(80);
  });

  it('follows a drag, converting pixels to the pane unit and honouring which side the pane is on', () => {
    expect(sizeAfterDrag(50, 100, 10, 1, bounds)).toBe(60);
    expect(sizeAfterDrag(50, 100, 10, -1, bounds)).toBe(40);
    expect(sizeAfterDrag(50, 10_000, 10, 1, bounds)).toBe(80);
  });

  it('moves by arrow keys, five steps with Shift, and jumps to the bounds with Home and End', () => {
    expect(sizeAfterKey('ArrowRight', false, 50, 2, 1, bounds)).toBe(52);
    expect(sizeAfterKey('ArrowRight', false, 50, 2, -1, bounds)).toBe(48);
    expect(sizeAfterKey('ArrowUp', true, 50, 2, 1, bounds)).toBe(40);
    expect(sizeAfterKey('End', false, 50, 2, 1, bounds)).toBe(80);
    expect(sizeAfterKey('Tab', false, 50, 2, 1, bounds)).toBeNull();
  });
});
