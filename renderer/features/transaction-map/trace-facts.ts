/**
 * The latency model, the verdict and the error marks of the open trace, computed once per trace object
 * and shared by the tiles, the phase bar, the map, the verdict line, the waterfall and the PNG export (a
 * figure shown in several places comes from one computation).
 */
import { latencyModel, type LatencyModel } from '../../../shared/kong/latency';
import { isKongTrace } from '../../../shared/kong/transaction-map';
import { errorMarks, keyFact, verdict, type Verdict } from '../../../shared/kong/verdict';
import type { TraceSpans } from '../../../shared/model/types';

export interface TraceFacts {
  model: LatencyModel;
  verdict: Verdict;
  /** span id -> why it is marked as in error */
  errors: Map<string, string>;
  /** what failed, in the span's or Kong's own words, beside the status ("no Route matched with those values") */
  fact: string | null;
  /** a Kong request that ended in the gateway: no span of an upstream exchange */
  noUpstream: boolean;
}

const cache = new WeakMap<TraceSpans, TraceFacts>();

export function traceFacts(trace: TraceSpans): TraceFacts {
  let facts = cache.get(trace);
  if (!facts) {
    const model = latencyModel(trace);
    const v = verdict(trace, model);
    facts = { model, verdict: v, errors: errorMarks(trace, v), fact: keyFact(trace, v), noUpstream: !model.reachedUpstream && isKongTrace(trace) };
    cache.set(trace, facts);
  }
  return facts;
}
