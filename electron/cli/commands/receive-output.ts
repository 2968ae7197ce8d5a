/** What `ktv receive` accumulates and writes: traces merged by id, logs without repeats, as OTLP/JSON. */
import { rename, writeFile } from 'node:fs/promises';
import { logKey, mergeTraceSpans } from '../../../shared/model/merge';
import type { LogRecord, TraceSpans } from '../../../shared/model/types';
import { encodeOtlpJson } from '../../../shared/encode/otlp-json';

export class CaptureCollector {
  /** fragments per trace, merged once at the end (a trace may arrive over several requests) */
  private readonly fragments = new Map<string, TraceSpans[]>();
  private readonly logs = new Map<string, LogRecord>();

  add(traces: TraceSpans[], logs: LogRecord[]): void {
    for (const t of traces) {
      const list = this.fragments.get(t.traceId);
      if (list) list.push(t);
      else this.fragments.set(t.traceId, [t]);
    }
    for (const l of logs) this.logs.set(logKey(l), l);
  }

  traces(): TraceSpans[] {
    return [...this.fragments.values()].map((list) => list.slice(1).reduce(mergeTraceSpans, list[0]!));
  }

  logRecords(): LogRecord[] {
    return [...this.logs.values()].sort((a, b) => a.timeMs - b.timeMs);
  }
}

export interface Written {
  traces: number;
  spans: number;
  logs: number;
}

/** Writes beside the target and renames, so a reader never sees half a file. */
export async function writeCapture(path: string, collector: CaptureCollector): Promise<Written> {
  const traces = collector.traces();
  const logs = collector.logRecords();
  const doc = encodeOtlpJson(traces, logs);
  // a strict TracesData reader ignores the unknown resourceLogs key; leave it out when there is nothing in it
  const text = `${JSON.stringify(logs.length ? doc : { resourceSpans: doc.resourceSpans })}\n`;
  const tmp = `${path}.${process.pid}.partial`;
  await writeFile(tmp, text);
  await rename(tmp, path);
  return { traces: traces.length, spans: traces.reduce((n, t) => n + t.spans.length, 0), logs: logs.length };
}
