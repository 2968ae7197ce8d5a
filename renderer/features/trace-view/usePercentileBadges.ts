/**
 * The open trace's percentile badges against its group (route and method) of the session, by breakdown row
 * (shared/insights/percentile-badges.ts): computed once per trace and list of summaries, which the map and
 * the waterfall then only look up. Called where the trace view stays mounted, so opening another trace of the
 * session reads no summaries again.
 */
import { useMemo } from 'react';
import { groupBadges, type GroupBadges } from '../../../shared/insights/percentile-badges';
import { useTraces } from '../../db/repo';

export function usePercentileBadges(sessionId: string | null, traceId: string | null): GroupBadges | null {
  const traces = useTraces(sessionId);
  return useMemo(() => (traces && traceId ? groupBadges(traces, traceId) : null), [traces, traceId]);
}
