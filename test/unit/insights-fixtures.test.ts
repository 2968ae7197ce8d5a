/**
 * Session insights on every real Kong fixture: each trace's breakdown buckets add up to its total (the
 * latency model's) to the nanosecond, and a group of them gets n and a nearest-rank median that is one of
 * its requests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAll } from '../../shared/decode/index';
import { summarizeTrace } from '../../shared/kong/summary';
import { groupStats } from '../../shared/insights/insights';

const KONG = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/kong');
const files = readdirSync(KONG).filter((f) => f.endsWith('.json'));

describe.each(files)('%s', (file) => {
  it('every trace keeps a breakdown whose buckets add up to its total, and the group median is one of them', async () => {
    const { traces } = await decodeAll(new Uint8Array(readFileSync(join(KONG, file))), { fileName: file });
    expect(traces.length).toBeGreaterThan(0);
    const summaries = traces.map((t) => summarizeTrace(t));
    for (const s of summaries) {
      const b = s.breakdown!;
      const buckets = Object.entries(b.rows).filter(([k]) => k.startsWith('bucket:')).reduce((a, [, v]) => a + v, 0);
      expect(buckets).toBe(b.totalNs);
      // the breakdown's parts are the list's columns
      expect(b.upstreamNs / 1e6).toBeCloseTo(s.upstreamMs!, 6);
      expect(b.totalNs / 1e6).toBeCloseTo(s.gatewayMs! + s.upstreamMs! + s.clientMs!, 6);
    }
    const g = groupStats('all', summaries.map((s) => ({ summary: s, breakdown: s.breakdown! })));
    expect(g.n).toBe(traces.length);
    expect(summaries.map((s) => s.breakdown!.totalNs / 1e6)).toContain(g.latencyMs.total.p50);
  });
});
