/// <reference lib="webworker" />
/**
 * A decode worker: the ingest worker cuts a big JSON-lines file into segments of whole lines and hands
 * them to two of these, so decoding runs on both cores while the ingest worker writes. It answers with
 * what the store needs, in the cheapest form to send and store: trace summaries as JSON text, the source
 * lines as bytes (transferred), logs, payloads, what it skipped. Not the decoded spans: sending those back
 * would cost as much as decoding them.
 */
import { DecodeError } from '../../shared/decode/api';
import { decodeLineSegment } from '../../shared/decode/index';
import { summarizeTrace } from '../../shared/kong/summary';
import type { SegmentJob, SegmentReply } from './ingest-types';
import type { SummaryText } from './schema';
import { summaryJson } from './stored-row';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(job: SegmentJob): SegmentReply {
  const r = decodeLineSegment({ bytes: job.parts, fileName: job.fileName, firstLine: 1, startsInput: job.first, last: job.last, keepSource: true });
  const { batch } = r;
  const summaries: SummaryText[] = batch.traces.map((t) => {
    const s = summarizeTrace(t, batch.sessionOf?.[t.traceId] ?? null);
    const text: SummaryText = { traceId: s.traceId, requestId: s.requestId, spanCount: s.spanCount, startMs: s.startMs, konnectSessionId: s.konnectSessionId, json: summaryJson(s) };
    if (s.requestTraceId) text.requestTraceId = s.requestTraceId;
    return text;
  });
  const out: SegmentReply = {
    id: job.id,
    ok: true,
    summaries,
    chunksOf: batch.source?.chunksOf ?? {},
    chunks: batch.source?.chunks ?? [],
    logs: batch.logs,
    payloads: batch.payloads,
    skipped: batch.skipped,
    spans: r.spans,
    logCount: r.logs,
    skippedCount: r.skipped,
    lines: r.lines,
  };
  if (batch.sessionOf) out.sessionOf = batch.sessionOf;
  if (r.firstSkipped) out.firstSkipped = r.firstSkipped;
  return out;
}

scope.onmessage = (e: MessageEvent<SegmentJob>) => {
  const job = e.data;
  let out: SegmentReply;
  try {
    out = reply(job);
  } catch (err) {
    out =
      err instanceof DecodeError
        ? { id: job.id, ok: false, where: err.where, reason: err.reason }
        : { id: job.id, ok: false, where: 'line 1', reason: err instanceof Error ? err.message : String(err) };
  }
  // the source lines go over by transfer (each chunk owns its buffer)
  scope.postMessage(out, out.ok ? out.chunks.map((c) => c.bytes.buffer as ArrayBuffer) : []);
};
