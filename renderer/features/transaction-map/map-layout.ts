/**
 * Layout of the transaction map: stages as columns left to right, a stage's nodes stacked top to
 * bottom in start order, the flow line through the first row. Pure geometry so it is unit-tested and
 * the component only draws.
 */
import type { MapNode, MapStage } from '../../../shared/kong/transaction-map';

export const NODE_W = 106;
export const NODE_H = 28;
export const ENDPOINT_W = 40;
export const GAP_X = 16;
export const GAP_Y = 4;
export const HEADER_H = 26;
export const PAD = 8;

export interface PlacedNode {
  node: MapNode;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedStage {
  stage: MapStage;
  x: number;
  w: number;
  /** the box around a group's nodes (request and response groups) */
  groupBox: { x: number; y: number; w: number; h: number } | null;
  nodes: PlacedNode[];
  /** an empty stage draws one placeholder slot here */
  empty: { x: number; y: number; w: number; h: number } | null;
}

export interface MapLayout {
  width: number;
  height: number;
  stages: PlacedStage[];
  /** y of the flow line joining the stages */
  flowY: number;
  /** arrows between consecutive stages along the flow line */
  links: { x1: number; x2: number }[];
}

const isEndpoint = (s: MapStage) => s.kind === 'client' || s.kind === 'client-end';
const isGroup = (s: MapStage) => s.kind === 'request' || s.kind === 'response';

export function layoutMap(stages: readonly MapStage[]): MapLayout {
  let x = PAD;
  const top = PAD + HEADER_H;
  const placed: PlacedStage[] = [];
  let maxRows = 1;
  let bottom = 0;
  for (const stage of stages) {
    const w = isEndpoint(stage) ? ENDPOINT_W : NODE_W;
    const nodes = stage.nodes.map((node, i) => ({ node, x, y: top + i * (NODE_H + GAP_Y), w, h: NODE_H }));
    maxRows = Math.max(maxRows, nodes.length);
    const rows = Math.max(1, nodes.length);
    const groupBox = isGroup(stage) ? { x: x - 4, y: top - 4, w: w + 8, h: rows * (NODE_H + GAP_Y) - GAP_Y + 8 } : null;
    // a sentence in place of the stage ("no upstream: the request ended in the gateway") gets three lines
    const empty = nodes.length === 0 ? { x, y: top, w, h: stage.emptyText ? NODE_H + 12 : NODE_H } : null;
    bottom = Math.max(bottom, top + (empty?.h ?? 0));
    placed.push({ stage, x, w, groupBox, nodes, empty });
    x += w + GAP_X;
  }
  const width = x - GAP_X + PAD;
  // the group box reaches 4 px below the last node; PAD more is the figure's margin
  const height = Math.max(top + maxRows * (NODE_H + GAP_Y) - GAP_Y, bottom) + PAD;
  const links = placed.slice(1).map((st, i) => ({ x1: placed[i]!.x + placed[i]!.w + (placed[i]!.groupBox ? 4 : 0), x2: st.x - (st.groupBox ? 4 : 0) }));
  return { width, height, stages: placed, flowY: top + NODE_H / 2, links };
}

/** Scale that fits the map into the available width, never below `min` (then the figure scrolls). */
export function fitScale(mapWidth: number, available: number, min = 0.72): number {
  if (!(available > 0) || !(mapWidth > 0)) return 1;
  return Math.max(min, Math.min(1, available / mapWidth));
}

/** Fits a label into a node's width at the given average character width, with an ellipsis. */
export function fitLabel(label: string, maxWidth: number, charWidth = 6.2): string {
  const max = Math.floor(maxWidth / charWidth);
  if (label.length <= max) return label;
  return `${label.slice(0, Math.max(1, max - 1))}…`;
}
