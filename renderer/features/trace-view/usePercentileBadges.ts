/**
 * The open trace's percentile badges against its group (route and method) of the session, by breakdown row
 * (shared/insights/percentile-badges.ts): computed once per trace and list of summaries, which the map and
 * the waterfall then only look up.
 */
import { useMemo } from 'react';
import { groupBadges, type GroupBadges } from '../../../shared/insights/percentile-badges';
import { useTraces } from '../../db/repo';

export function usePercentileBadges(sessionId: string | null, traceId: string): GroupBadges | null {
  const traces = useTraces(sessionId);
  return useMemo(() => (traces ? groupBadges(traces, traceId) : null), [traces, traceId]);
}
