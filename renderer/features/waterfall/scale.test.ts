import { describe, expect, it } from 'vitest';
import { createViewedBounds, isFullWindow, normalizeWindow, panWindow, resizeWindow, ticks, zoomToDrag } from './scale';

describe('createViewedBounds', () => {
  it('maps spans to fractions of the whole trace when not zoomed', () => {
    const bounds = createViewedBounds(100, 300, [0, 1]);
    expect(bounds(150, 200)).toEqual({ start: 0.25, end: 0.5 });
  });

  it('maps spans to fractions of the zoom window, outside 0..1 when out of view', () => {
    const bounds = createViewedBounds(0, 1000, [0.5, 0.75]);
    expect(bounds(500, 625)).toEqual({ start: 0, end: 0.5 });
    expect(bounds(0, 100).end).toBeLessThan(0);
  });

  it('survives a zero-length trace', () => {
    expect(createViewedBounds(5, 5, [0, 1])(5, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe('window math', () => {
  it('turns a drag on a zoomed axis into a narrower window, whichever way it was dragged', () => {
    expect(zoomToDrag([0.5, 1], 0.8, 0.2)).toEqual([0.6, 0.9]);
  });

  it('keeps windows inside the trace and not narrower than the minimum', () => {
    expect(normalizeWindow(-1, 2)).toEqual([0, 1]);
    const w = normalizeWindow(1, 1);
    expect(w[1]).toBe(1);
    expect(w[1] - w[0]).toBeGreaterThan(0);
  });

  it('pans without changing the width and stops at the edges', () => {
    const moved = panWindow([0.2, 0.4], 0.1);
    expect(moved[0]).toBeCloseTo(0.3);
    expect(moved[1]).toBeCloseTo(0.5);
    expect(panWindow([0.2, 0.4], 5)).toEqual([0.8, 1]);
    expect(panWindow([0.2, 0.4], -5)).toEqual([0, 0.2]);
  });

  it('resizes one edge without crossing the other', () => {
    expect(resizeWindow([0.2, 0.4], 'end', 0.9)).toEqual([0.2, 0.9]);
    const w = resizeWindow([0.2, 0.4], 'start', 0.9);
    expect(w[1]).toBe(0.4);
    expect(w[0]).toBeLessThan(0.4);
    expect(isFullWindow([0, 1])).toBe(true);
    expect(isFullWindow(w)).toBe(false);
  });
});

describe('ticks', () => {
  it('puts round values across the visible window', () => {
    const t = ticks(0, 10_000_000, [0, 1], 5);
    expect(t.map((x) => x.value)).toEqual([0, 2e6, 4e6, 6e6, 8e6, 10e6]);
    expect(t[5]!.at).toBeCloseTo(1);
  });

  it('follows the zoom window', () => {
    const t = ticks(0, 10_000_000, [0.5, 0.6], 4);
    expect(t[0]!.value).toBe(5_000_000);
    expect(t.at(-1)!.value).toBe(6_000_000);
    expect(t.every((x) => x.at >= 0 && x.at <= 1 + 1e-9)).toBe(true);
  });
});
