/**
 * How a page stores a trace's summary row (see PageRow in schema.ts). Apart from schema.ts so the decode
 * workers can make the JSON without loading the database code.
 */
import type { RootFields } from '../../shared/kong/summary';
import type { TraceSummary } from '../../shared/model/types';
import type { TraceRow } from './schema';

/** A TraceRow as a page stores it: without its id and session (the page's) and the fields rootFields derives. */
export type StoredRow = Omit<TraceRow, 'id' | 'sessionId' | keyof RootFields>;

/** The JSON a page stores for a summary (the row's own fields are added by the writer). */
export function summaryJson(s: TraceSummary): string {
  const stored: Omit<StoredRow, 'logCount' | 'hasPayload' | 'chunks'> = {
    traceId: s.traceId,
    rootName: s.rootName,
    startMs: s.startMs,
    durationMs: s.durationMs,
    gatewayMs: s.gatewayMs,
    upstreamMs: s.upstreamMs,
    clientMs: s.clientMs,
    spanCount: s.spanCount,
    errorCount: s.errorCount,
    konnectSessionId: s.konnectSessionId,
    rootAttributes: s.rootAttributes,
  };
  if (s.requestTraceId) stored.requestTraceId = s.requestTraceId;
  if (s.upstreamHost) stored.upstreamHost = s.upstreamHost;
  // session insights read it instead of the spans (shared/insights/breakdown.ts)
  if (s.breakdown) stored.breakdown = s.breakdown;
  return JSON.stringify(stored);
}
