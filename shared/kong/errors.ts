/**
 * Which spans are in error and why, in one place for the map, the waterfall and the verdict: a span with
 * status ERROR, an `exception` event (3.10 before GA writes it with an empty name and `message:
 * exception`), a plugin that ended the request with a status (3.14's
 * `proxy.kong.plugin.http.response.status_code`), a failed try at an upstream target.
 */
import type { Span, TraceSpans } from '../model/types';
import { StatusCode } from '../model/types';
import { pluginExitOf } from './plugin-exit';
import { classifySpanName, upstreamStepOf } from './span-names';
import { attrString } from './summary';

export type SpanErrorKind = 'plugin-exit' | 'upstream-try' | 'exception' | 'status';

export interface SpanError {
  spanId: string;
  kind: SpanErrorKind;
  /** one line, for a tooltip and the verdict */
  message: string;
  /** the status a plugin ended the request with */
  status?: number;
}

function exceptionMessage(span: Span): string | null {
  for (const e of span.events) {
    const a = e.attributes;
    if (e.name === 'exception' || a['message'] === 'exception' || a['exception.message'] !== undefined) {
      return attrString(a, 'exception.message', 'exception.type', 'message') ?? 'exception';
    }
  }
  return null;
}

/** Why a span is in error, or null when it is not. */
export function spanError(span: Span): SpanError | null {
  const exit = classifySpanName(span.name).kind === 'plugin' ? pluginExitOf(span) : null;
  if (exit?.status != null) {
    const why = exit.message ?? span.status.message;
    return { spanId: span.spanId, kind: 'plugin-exit', status: exit.status, message: `ended the request with ${exit.status}${why ? `: ${why}` : ''}` };
  }
  const exception = exceptionMessage(span);
  const failed = span.status.code === StatusCode.ERROR;
  if (!failed && exception === null) return null;
  const message = exception ?? (span.status.message || 'status ERROR');
  const step = upstreamStepOf(span.name);
  if (failed && (step === 'select' || step === 'connect' || step === 'round-trip')) return { spanId: span.spanId, kind: 'upstream-try', message };
  return { spanId: span.spanId, kind: exception !== null ? 'exception' : 'status', message };
}

/** Every span in error, by span id. */
export function traceErrors(trace: TraceSpans): Map<string, SpanError> {
  const out = new Map<string, SpanError>();
  for (const s of trace.spans) {
    const e = spanError(s);
    if (e) out.set(s.spanId, e);
  }
  return out;
}
