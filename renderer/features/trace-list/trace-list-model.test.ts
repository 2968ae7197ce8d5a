import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../../shared/model/types';
import { latencyCell, matchesText, moveSelection, parseJumpId, sortTraces } from './trace-list-model';

const row = (over: Partial<TraceSummary>): TraceSummary => ({
  traceId: '0'.repeat(32),
  rootName: 'kong',
  startMs: 0,
  durationMs: 1,
  gatewayMs: null,
  upstreamMs: null,
  clientMs: null,
  spanCount: 1,
  errorCount: 0,
  method: 'GET',
  url: null,
  path: '/',
  route: null,
  routeId: null,
  serviceId: null,
  consumerId: null,
  status: 200,
  upstreamStatus: null,
  latencyTotalMs: null,
  latencyInternalMs: null,
  latencyUpstreamMs: null,
  latencyClientMs: null,
  latencyThirdPartyMs: null,
  clientAddress: null,
  requestId: null,
  konnectSessionId: null,
  rootAttributes: {},
  ...over,
});

describe('sortTraces', () => {
  const rows = [
    row({ traceId: 'a', status: 500, gatewayMs: 3, path: '/b' }),
    row({ traceId: 'b', status: 200, gatewayMs: null, path: '/a' }),
    row({ traceId: 'c', status: 404, gatewayMs: 9, path: '/c' }),
  ];
  const ids = (r: TraceSummary[]) => r.map((x) => x.traceId);

  it('sorts by each column both ways', () => {
    expect(ids(sortTraces(rows, 'status', 'asc'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortTraces(rows, 'status', 'desc'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortTraces(rows, 'path', 'asc'))).toEqual(['b', 'a', 'c']);
  });

  it('keeps rows without a value last in both directions', () => {
    expect(ids(sortTraces(rows, 'gateway', 'asc'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortTraces(rows, 'gateway', 'desc'))).toEqual(['c', 'a', 'b']);
  });

  it('sorts the total by the root span (the model), not by the figure Kong reported', () => {
    const r = [row({ traceId: 'x', durationMs: 50, latencyTotalMs: 90 }), row({ traceId: 'y', latencyTotalMs: 20, durationMs: 90 })];
    expect(ids(sortTraces(r, 'total', 'desc'))).toEqual(['y', 'x']);
  });

  it("sorts by the model's parts, and by Kong's figures (flagged) for rows stored before the model", () => {
    const r = [row({ traceId: 'new', clientMs: 5, latencyClientMs: 900 }), row({ traceId: 'old', clientMs: null, latencyClientMs: 7 })];
    expect(ids(sortTraces(r, 'client', 'desc'))).toEqual(['old', 'new']);
    expect(latencyCell(r[0]!, 'client')).toEqual({ ms: 5, reported: false });
    expect(latencyCell(r[1]!, 'client')).toEqual({ ms: 7, reported: true });
  });
});

describe('matchesText', () => {
  it('matches every word against method, path, status and ids', () => {
    const r = row({ method: 'POST', path: '/orders', status: 503, requestId: 'abc123' });
    expect(matchesText(r, 'post 503')).toBe(true);
    expect(matchesText(r, 'ABC1')).toBe(true);
    expect(matchesText(r, 'post 200')).toBe(false);
  });
});

describe('parseJumpId', () => {
  it('recognises a traceparent, with or without its header name', () => {
    expect(parseJumpId('00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01')).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(parseJumpId('traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('recognises a request id header line and bare 32-hex ids, and ignores ordinary searches', () => {
    expect(parseJumpId('X-Kong-Request-Id: 331bfb04117adc39f70b227a0df26615')).toBe('331bfb04117adc39f70b227a0df26615');
    expect(parseJumpId(' 331bfb04117adc39f70b227a0df26615 ')).toBe('331bfb04117adc39f70b227a0df26615');
    expect(parseJumpId('/orders 503')).toBeNull();
    expect(parseJumpId('331bfb04')).toBeNull();
  });
});

describe('moveSelection', () => {
  it('moves within bounds and starts at the top when nothing is selected', () => {
    expect(moveSelection(-1, 5, 'ArrowDown', 10)).toBe(0);
    expect(moveSelection(4, 5, 'ArrowDown', 10)).toBe(4);
    expect(moveSelection(0, 5, 'ArrowUp', 10)).toBe(0);
    expect(moveSelection(1, 50, 'PageDown', 10)).toBe(11);
    expect(moveSelection(3, 50, 'End', 10)).toBe(49);
    expect(moveSelection(3, 50, 'x', 10)).toBeNull();
  });
});
