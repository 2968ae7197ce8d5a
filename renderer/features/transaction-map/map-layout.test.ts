import { describe, expect, it } from 'vitest';
import { buildTransactionMap } from '../../../shared/kong/transaction-map';
import { readKonnectFixture } from '../../../shared/kong/testdata/read-konnect';
import { ENDPOINT_W, GAP_X, NODE_H, NODE_W, fitLabel, fitScale, layoutMap } from './map-layout';

describe('layoutMap', () => {
  const map = buildTransactionMap(readKonnectFixture());
  if (map.kind !== 'kong') throw new Error('expected a Kong map');
  const layout = layoutMap(map.stages);

  it('places the stages left to right without overlap, endpoints narrower', () => {
    const xs = layout.stages.map((s) => s.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(layout.stages[0]!.w).toBe(ENDPOINT_W);
    expect(layout.stages[2]!.w).toBe(NODE_W);
    layout.stages.slice(1).forEach((s, i) => expect(s.x - (layout.stages[i]!.x + layout.stages[i]!.w)).toBe(GAP_X));
    expect(layout.width).toBe(layout.stages.at(-1)!.x + ENDPOINT_W + 8);
  });

  it('stacks a group’s nodes in start order and sizes the figure to the tallest stage', () => {
    const request = layout.stages.find((s) => s.stage.kind === 'request')!;
    expect(request.nodes.map((n) => n.node.label)).toEqual(['router', 'basic-auth', 'rate-limiting-advanced', 'response-ratelimiting', 'request-transformer', 'DNS']);
    const ys = request.nodes.map((n) => n.y);
    ys.slice(1).forEach((y, i) => expect(y).toBeGreaterThanOrEqual(ys[i]! + NODE_H));
    expect(layout.height).toBeGreaterThan(request.nodes.at(-1)!.y + NODE_H);
    expect(request.groupBox!.h).toBeGreaterThan(6 * NODE_H);
  });

  it('links each stage to the next', () => {
    expect(layout.links).toHaveLength(layout.stages.length - 1);
    layout.links.forEach((l) => expect(l.x2).toBeGreaterThan(l.x1));
  });
});

describe('fitLabel', () => {
  it('shortens long plugin names with an ellipsis and leaves short ones', () => {
    expect(fitLabel('basic-auth', 100)).toBe('basic-auth');
    expect(fitLabel('rate-limiting-advanced', 62)).toBe('rate-limi…');
  });
});

describe('fitScale', () => {
  it('shrinks a wide map to fit, but not past the point where labels become unreadable', () => {
    expect(fitScale(1000, 1200)).toBe(1);
    expect(fitScale(1000, 900)).toBe(0.9);
    expect(fitScale(1000, 300)).toBe(0.72);
    expect(fitScale(1000, 0)).toBe(1);
  });
});
