import { describe, expect, it } from 'vitest';
import { percentileRank } from '../insights/stats';
import { slowPluginWithRedis } from '../kong/testdata/cases';
import type { TraceSpans } from '../model/types';
import { compareWithGroup } from './group';

const MS = 1e6;
/** The case trace with its Redis call (and everything around it) `ms` longer, under another trace id. */
function variant(id: string, ms: number): TraceSpans {
  const t = JSON.parse(JSON.stringify(slowPluginWithRedis())) as TraceSpans;
  t.traceId = id;
  const redis = t.spans.find((s) => s.name === 'kong.io.redis.eval')!;
  for (const s of t.spans) {
    if (s.start > redis.start) s.start += ms * MS;
    else if (s.start + s.duration > redis.start) s.duration += ms * MS;
  }
  return t;
}

describe('one trace against its group', () => {
  it('each row: the group median, the p10-p90 band and the subject percentile; the slow call stands out', () => {
    const group = Array.from({ length: 12 }, (_, i) => variant(`g${i}`, i)); // Redis 176 .. 187 ms
    const subject = variant('s', 300);
    const c = compareWithGroup(subject, [...group, subject]);
    expect(c.size).toBe(12);
    const redis = c.rows.find((r) => r.key.endsWith('io:redis.eval'))!;
    expect(redis.n).toBe(12);
    expect(redis.medianMs).toBe(181); // nearest rank: the 6th of 12
    expect(redis.p10Ms).toBe(177);
    expect(redis.p90Ms).toBe(186);
    expect(redis.percentile).toBe(100);
    expect(redis.change).toBe('changed');
    expect(redis.deltaMs).toBeCloseTo(476 - 181, 6);
    const router = c.rows.find((r) => r.key.endsWith('core:router'))!;
    expect(router.change).toBe('same');
    expect(c.total.percentile).toBe(100);
  });

  it('below 10 traces no band is drawn; a span no trace of the group has is added', () => {
    const subject = variant('s', 0);
    subject.spans.push({ ...subject.spans[1]!, spanId: 'x1', name: 'kong.access.plugin.jwt', parentSpanId: subject.spans.find((s) => s.name === 'kong.phase.access')!.spanId });
    const c = compareWithGroup(subject, [variant('a', 0), variant('b', 1)]);
    const redis = c.rows.find((r) => r.key.endsWith('io:redis.eval'))!;
    expect(redis.p10Ms).toBeNull();
    expect(redis.medianMs).toBe(176);
    const jwt = c.rows.find((r) => r.key.endsWith('plugin:access:jwt'))!;
    expect(jwt.change).toBe('added');
    expect(jwt.percentile).toBeNull();
  });

  it('percentile rank: the share of values at or below', () => {
    expect(percentileRank([1, 2, 3, 4], 2)).toBe(50);
    expect(percentileRank([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileRank([], 5)).toBe(0);
  });
});
