import { describe, expect, it } from 'vitest';
import type { Breakdown, InsightTrace } from './breakdown';
import { headlineFacts } from './headline';
import { summarizeTrace } from '../kong/summary';
import * as cases from '../kong/testdata/cases';

const base = summarizeTrace(cases.slowUpstream());
function t(id: string, startMs: number, status: number | null, b: Partial<Breakdown> = {}): InsightTrace {
  return {
    summary: { ...base, traceId: id, startMs, status },
    breakdown: { totalNs: 1, gatewayNs: 1, upstreamNs: 0, clientNs: 0, rows: {}, latencySource: 'reported', hasRoot: true, endedBy: 'upstream', plugins: [], ...b },
  };
}

describe('headlineFacts', () => {
  it('gives the time range, the status mix, who ended the 5xx, the plugins that answered a failure and what the data cannot vouch for', () => {
    const f = headlineFacts([
      t('a', 3000, 200),
      t('b', 1000, 502, { endedBy: 'gateway' }),
      t('c', 2000, 503),
      t('d', 4000, 200, { latencySource: 'derived', hasRoot: false }),
      t('e', 2500, null),
      t('f', 2600, 401, { endedBy: 'gateway', endedByPlugin: 'key-auth' }),
      t('g', 2700, 429, { endedBy: 'gateway', endedByPlugin: 'rate-limiting' }),
      t('h', 2800, 401, { endedBy: 'gateway', endedByPlugin: 'key-auth' }),
      // a plugin that answered 200 (a CORS preflight) ended no failing request
      t('i', 2900, 200, { endedBy: 'gateway', endedByPlugin: 'cors' }),
    ]);
    expect(f).toEqual({
      fromMs: 1000,
      toMs: 4000,
      statusMix: [{ cls: '2xx', n: 3 }, { cls: '4xx', n: 3 }, { cls: '5xx', n: 2 }, { cls: 'no status', n: 1 }],
      failingEndedBy: { upstream: 1, gateway: 1 },
      pluginEnded: [{ plugin: 'key-auth', n: 2 }, { plugin: 'rate-limiting', n: 1 }],
      derived: 1,
      noRoot: 1,
    });
  });
});
