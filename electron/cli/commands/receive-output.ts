/**
 * What `ktv receive` accumulates and writes: traces merged by id, logs without repeats, as OTLP/JSON,
 * sanitized like `ktv export` unless `--raw`. Each trace and log is encoded on its own first, so one
 * that cannot be written (it would not merge, sanitize or serialize) is reported and the rest are written.
 */
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { logKey, mergeTraceSpans } from '../../../shared/model/merge';
import type { LogRecord, TraceSpans } from '../../../shared/model/types';
import { encodeOtlpJson } from '../../../shared/encode/otlp-json';
import { sanitizeLog, sanitizeTrace } from '../../../shared/sanitize/telemetry';

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class CaptureCollector {
  /** fragments per trace, merged once at the end (a trace may arrive over several requests) */
  private readonly fragments = new Map<string, TraceSpans[]>();
  private readonly logs = new Map<string, LogRecord>();
  /** what could not be kept, and why */
  readonly problems: string[] = [];

  add(traces: TraceSpans[], logs: LogRecord[]): void {
    for (const t of traces) {
      const list = this.fragments.get(t.traceId);
      if (list) list.push(t);
      else this.fragments.set(t.traceId, [t]);
    }
    for (const l of logs) {
      try {
        this.logs.set(logKey(l), l);
      } catch (e) {
        this.problems.push(`a log line of trace ${l.traceId || '(none)'}: ${reason(e)}`);
      }
    }
  }

  traces(): TraceSpans[] {
    const out: TraceSpans[] = [];
    for (const [traceId, list] of this.fragments) {
      try {
        out.push(list.slice(1).reduce(mergeTraceSpans, list[0]!));
      } catch (e) {
        this.problems.push(`trace ${traceId}: ${reason(e)}`);
      }
    }
    return out;
  }

  logRecords(): LogRecord[] {
    return [...this.logs.values()].sort((a, b) => a.timeMs - b.timeMs);
  }
}

export interface Written {
  traces: number;
  spans: number;
  logs: number;
  /** traces and log lines left out, each with why */
  problems: string[];
}

/** The items that encode on their own, prepared (sanitized unless raw); the others reported. */
function writable<T>(items: T[], prepare: (x: T) => T, encode: (x: T) => unknown, name: (x: T) => string, problems: string[]): T[] {
  const out: T[] = [];
  for (const item of items) {
    try {
      const ready = prepare(item);
      JSON.stringify(encode(ready));
      out.push(ready);
    } catch (e) {
      problems.push(`${name(item)}: ${reason(e)}`);
    }
  }
  return out;
}

/** Writes beside the target (readable by this user only) and renames, so a reader never sees half a file. */
export async function writeCapture(path: string, collector: CaptureCollector, opts: { raw?: boolean } = {}): Promise<Written> {
  const problems: string[] = [];
  const same = <T>(x: T) => x;
  const traces = writable(collector.traces(), opts.raw ? same : sanitizeTrace, (t) => encodeOtlpJson([t], []), (t) => `trace ${t.traceId}`, problems);
  const logs = writable(collector.logRecords(), opts.raw ? same : sanitizeLog, (l) => encodeOtlpJson([], [l]), (l) => `a log line of trace ${l.traceId || '(none)'}`, problems);
  const doc = encodeOtlpJson(traces, logs);
  // a strict TracesData reader ignores the unknown resourceLogs key; leave it out when there is nothing in it
  const text = `${JSON.stringify(logs.length ? doc : { resourceSpans: doc.resourceSpans })}\n`;
  const tmp = `${path}.${process.pid}.partial`;
  await rm(tmp, { force: true });
  await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
  // the mode given at creation is narrowed by the umask, never widened: say it once more
  await chmod(tmp, 0o600);
  await rename(tmp, path);
  return { traces: traces.length, spans: traces.reduce((n, t) => n + t.spans.length, 0), logs: logs.length, problems: [...collector.problems, ...problems] };
}
