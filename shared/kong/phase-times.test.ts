import { describe, expect, it } from 'vitest';
import { makeSpan, makeTrace } from '../model/testing';
import type { Span } from '../model/types';
import { phaseColorVar, phaseTimes } from './phase-times';
import { readKonnectFixture } from './testdata/read-konnect';

const span = makeSpan;
const trace = (spans: Span[]) => makeTrace(spans, { traceId: 'cd'.repeat(16) });

describe('phaseTimes on the real Konnect trace', () => {
  const fixture = readKonnectFixture();
  const times = new Map(phaseTimes(fixture).map((p) => [p.key, p.ns]));
  const root = fixture.spans.find((s) => s.name === 'kong')!;

  it('adds up to the root span exactly', () => {
    expect([...times.values()].reduce((a, b) => a + b, 0)).toBe(root.duration);
  });

  it("gives client I/O its own bucket, matching Kong's own client latency", () => {
    expect(times.get('client')).toBe(2_043_648);
  });

  it('keeps the client body read out of the access phase, and the phases in lifecycle order', () => {
    expect(times.get('access')).toBe(1_428_480 - 59_904);
    expect(phaseTimes(fixture).map((p) => p.key)).toEqual(['rewrite', 'access', 'upstream', 'header_filter', 'body_filter', 'client', 'other']);
  });
});

describe('phaseTimes rules', () => {
  it('counts the wait between sending to and reading from the upstream as upstream time', () => {
    const t = trace([
      span({ spanId: 'r', name: 'kong', duration: 100 }),
      span({ spanId: 's', parentSpanId: 'r', name: 'kong.send_request_to_upstream', start: 10, duration: 10 }),
      span({ spanId: 'h', parentSpanId: 'r', name: 'kong.read_headers_from_upstream', start: 60, duration: 10 }),
    ]);
    expect(phaseTimes(t)).toEqual([
      { key: 'upstream', ns: 60 },
      { key: 'other', ns: 40 },
    ]);
  });

  it('keeps unknown phases as their own bucket, coloured as other', () => {
    const t = trace([span({ spanId: 'r', name: 'kong', duration: 100 }), span({ spanId: 'p', parentSpanId: 'r', name: 'kong.phase.preread', duration: 30 })]);
    expect(phaseTimes(t)).toEqual([
      { key: 'preread', ns: 30 },
      { key: 'other', ns: 70 },
    ]);
    expect(phaseColorVar('preread')).toBe('--phase-other');
    expect(phaseColorVar('access')).toBe('--phase-access');
  });
});
