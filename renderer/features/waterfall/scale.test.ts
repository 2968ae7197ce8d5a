import { describe, expect, it } from 'vitest';
import { createViewedBounds, isFullWindow, normalizeWindow, panWindow, placeTickLabels, resizeWindow, tickCount, ticks, zoomAround, zoomToDrag } from './scale';

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

describe('zoomAround', () => {
  it('keeps the time under the pointer where it is', () => {
    const view = [0.2, 0.6] as const;
    const at = 0.25; // 0.3 of the trace
    const next = zoomAround(view, at, 0.5);
    expect(next[1] - next[0]).toBeCloseTo(0.2);
    expect(next[0] + at * (next[1] - next[0])).toBeCloseTo(0.3);
  });

  it('zooms out no further than the whole trace and stays inside it', () => {
    expect(zoomAround([0.9, 1], 1, 100)).toEqual([0, 1]);
    const w = zoomAround([0.8, 1], 0.9, 2);
    expect(w[1]).toBeLessThanOrEqual(1);
    expect(w[1] - w[0]).toBeCloseTo(0.4);
  });
});

describe('tick labels', () => {
  const label = () => 44;
  it('never lets two labels overlap, whatever the width', () => {
    for (const width of [120, 180, 292, 330, 640, 1400]) {
      for (const view of [[0, 1], [0, 0.013], [0.4, 0.41], [0.999, 1]] as const) {
        const placed = placeTickLabels(ticks(0, 60e9, view, tickCount(width)), width, label);
        expect(placed.length).toBeGreaterThan(0);
        const boxes = placed.map((t) => (t.align === 'start' ? [t.at * width, t.at * width + 44] : [t.at * width - 44, t.at * width]));
        boxes.slice(1).forEach((b, i) => expect(b[0]).toBeGreaterThanOrEqual(boxes[i]![1]!));
        boxes.forEach((b) => expect(b[1]).toBeLessThanOrEqual(width + 1e-9));
      }
    }
  });

  it('turns the label at the right edge to end at its tick rather than run off', () => {
    const placed = placeTickLabels([{ value: 0, at: 0 }, { value: 60, at: 1 }], 300, label);
    expect(placed.map((t) => t.align)).toEqual(['start', 'end']);
  });

  it('fits more ticks on a wider axis', () => {
    expect(tickCount(300)).toBeLessThan(tickCount(900));
    expect(tickCount(50)).toBe(2);
  });
});
