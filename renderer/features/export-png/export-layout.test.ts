import { describe, expect, it } from 'vitest';
import { EXPORT_PAD, MIN_WIDTH, exportLayout, pngFileName } from './export-layout';

describe('exportLayout', () => {
  it('stacks the header lines, the map and the phase bar without overlap', () => {
    const l = exportLayout(900, 260, 3, true);
    expect(l.width).toBe(900 + 2 * EXPORT_PAD);
    expect(l.lineY).toHaveLength(3);
    expect(l.mapY).toBeGreaterThan(l.lineY.at(-1)!);
    expect(l.barY).toBeGreaterThanOrEqual(l.mapY + 260);
    expect(l.legendY).toBeGreaterThan(l.barY);
    expect(l.height).toBeGreaterThan(l.legendY);
  });

  it('keeps a readable minimum width for a small map and ends after the map when there is no bar', () => {
    const l = exportLayout(100, 50, 1, false);
    expect(l.width).toBe(MIN_WIDTH);
    expect(l.height).toBe(l.mapY + 50 + EXPORT_PAD);
  });
});

describe('pngFileName', () => {
  it('names the file after the trace id, stripped of anything odd', () => {
    expect(pngFileName('0af7651916cd43dd8448eb211c80319c')).toBe('ktv-trace-0af7651916cd43dd8448eb211c80319c.png');
    expect(pngFileName('../x')).toBe('ktv-trace-x.png');
  });
});
