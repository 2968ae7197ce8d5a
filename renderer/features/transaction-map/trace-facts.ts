/**
 * The latency model, the verdict and the error marks of the open trace, computed once per trace object
 * and shared by the tiles, the phase bar, the map, the verdict line, the waterfall and the PNG export (a
 * figure shown in several places comes from one computation).
 */
import { latencyModel, type LatencyModel } from '../../../shared/kong/latency';
import { errorMarks, verdict, type Verdict } from '../../../shared/kong/verdict';
import type { TraceSpans } from '../../../shared/model/types';

export interface TraceFacts {
  model: LatencyModel;
  verdict: Verdict;
  /** span id -> why it is marked as in error */
  errors: Map<string, string>;
}

const cache = new WeakMap<TraceSpans, TraceFacts>();

export function traceFacts(trace: TraceSpans): TraceFacts {
  let facts = cache.get(trace);
  if (!facts) {
    const model = latencyModel(trace);
    const v = verdict(trace, model);
    facts = { model, verdict: v, errors: errorMarks(trace, v) };
    cache.set(trace, facts);
  }
  return facts;
}
