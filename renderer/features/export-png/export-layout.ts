/**
 * Where things go on the exported PNG: a few header lines of text, the map drawn at its natural size,
 * then the time-per-phase bar with its legend. Pure, so the sizes are tested without a canvas.
 */

export const EXPORT_PAD = 16;
export const LINE_H = 18;
export const BAR_H = 12;
export const LEGEND_H = 18;
export const MIN_WIDTH = 480;

export interface ExportLayout {
  width: number;
  height: number;
  /** baselines of the header lines */
  lineY: number[];
  mapY: number;
  barY: number;
  legendY: number;
}

export function exportLayout(mapWidth: number, mapHeight: number, lines: number, hasBar: boolean): ExportLayout {
  const width = Math.max(MIN_WIDTH, Math.ceil(mapWidth) + 2 * EXPORT_PAD);
  const lineY = Array.from({ length: lines }, (_, i) => EXPORT_PAD + 13 + i * LINE_H);
  const mapY = EXPORT_PAD + lines * LINE_H + 8;
  const barY = mapY + Math.ceil(mapHeight) + 12;
  const legendY = barY + BAR_H + 14;
  const height = hasBar ? legendY + LEGEND_H + EXPORT_PAD - 8 : mapY + Math.ceil(mapHeight) + EXPORT_PAD;
  return { width, height, lineY, mapY, barY, legendY };
}

/** A file name that sorts by trace and says what it is. */
export function pngFileName(traceId: string): string {
  return `ktv-trace-${traceId.replace(/[^0-9a-z]/gi, '').slice(0, 32) || 'unknown'}.png`;
}
