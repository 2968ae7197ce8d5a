/**
 * Exports the current trace's summary as a PNG without new dependencies: the map's SVG is cloned with
 * its computed styles inlined (an SVG drawn as an image sees no page CSS, so theme variables would be
 * lost), drawn onto a canvas under a few lines of text, followed by the time-per-phase bar, then saved.
 */
import { phaseColorVar, type PhaseTime } from '../../../shared/kong/phase-times';
import { phaseLabel } from '../transaction-map/phase-labels';
import { formatDuration } from '../waterfall/format';
import { BAR_H, EXPORT_PAD, exportLayout, pngFileName } from './export-layout';
import { cssVarColor } from '../../theme/css-color';
import { saveBlob } from './save-blob';

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-transform',
  'letter-spacing',
] as const;

function inlinedSvg(svg: SVGSVGElement, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    // not a style attribute: the page's CSP refuses inline styles, in any document it creates; the
    // attribute is renamed in the markup, which is only ever loaded as an image (where no CSP applies)
    // the element's own style attribute (React's style props) gives way to the computed one
    target.removeAttribute('style');
    target.setAttribute(STYLE_STAND_IN, STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  // only inside tags: text cannot hold a raw '<', so `<[^<>]*` never reaches into it
  return new XMLSerializer().serializeToString(clone).replace(new RegExp(`(<[^<>]*) ${STYLE_STAND_IN}="`, 'g'), '$1 style="');
}

const STYLE_STAND_IN = 'data-ktv-style';

function loadImage(svgText: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the map could not be drawn'));
    };
    img.src = url;
  });
}

export interface ExportInput {
  /** one map, or several drawn one under the other (a comparison's twin maps) */
  svg: SVGSVGElement | SVGSVGElement[];
  traceId: string;
  /** the file's name; pngFileName(traceId) when left out */
  fileName?: string;
  /** header lines, first one bold */
  lines: string[];
  phases: PhaseTime[];
}

/** Gap between maps stacked in one image. */
const STACK_GAP = 12;

export async function exportTracePng({ svg, traceId, fileName, lines, phases }: ExportInput): Promise<void> {
  const bg = cssVarColor('--bg-panel');
  const fg = cssVarColor('--fg');
  const muted = cssVarColor('--muted');
  const font = getComputedStyle(document.body).fontFamily;

  const imgs = await Promise.all((Array.isArray(svg) ? svg : [svg]).map((el) => loadImage(inlinedSvg(el, bg))));
  const width = Math.max(...imgs.map((i) => i.width));
  const height = imgs.reduce((h, i) => h + i.height, 0) + STACK_GAP * (imgs.length - 1);
  const layout = exportLayout(width, height, lines.length, phases.length > 0);
  const scale = Math.max(2, window.devicePixelRatio || 1);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * scale;
  canvas.height = layout.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas to draw on');
  ctx.scale(scale, scale);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, layout.width, layout.height);
  lines.forEach((line, i) => {
    ctx.font = `${i === 0 ? '600 14px' : '12px'} ${font}`;
    ctx.fillStyle = i === 0 ? fg : muted;
    ctx.fillText(line, EXPORT_PAD, layout.lineY[i]!);
  });
  let y = layout.mapY;
  for (const img of imgs) {
    ctx.drawImage(img, EXPORT_PAD, y);
    y += img.height + STACK_GAP;
  }

  const total = phases.reduce((a, p) => a + p.ns, 0);
  if (total > 0) {
    const barW = layout.width - 2 * EXPORT_PAD;
    let x = EXPORT_PAD;
    let legendX = EXPORT_PAD;
    ctx.font = `11px ${font}`;
    for (const p of phases) {
      const w = (p.ns / total) * barW;
      ctx.fillStyle = cssVarColor(phaseColorVar(p.key));
      ctx.fillRect(x, layout.barY, w, BAR_H);
      x += w;
      ctx.fillRect(legendX, layout.legendY - 9, 9, 9);
      ctx.fillStyle = fg;
      const label = `${phaseLabel(p.key)} ${formatDuration(p.ns)}`;
      ctx.fillText(label, legendX + 13, layout.legendY);
      legendX += 13 + ctx.measureText(label).width + 14;
    }
  }

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the PNG could not be encoded');
  saveBlob(blob, fileName ?? pngFileName(traceId));
}
