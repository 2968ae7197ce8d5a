/**
 * Sanitizing decoded telemetry before it is shared (ktv export): credentials in header attributes and
 * card numbers in URLs, header attributes and log bodies, by the same rules as captured payloads.
 */
import type { LogRecord, TraceSpans } from '../model/types';
import { maskCardNumbers, sanitizeAttributes } from './index';

export function sanitizeTrace(trace: TraceSpans): TraceSpans {
  let changed = false;
  const spans = trace.spans.map((span) => {
    const attributes = sanitizeAttributes(span.attributes);
    let events = span.events;
    if (events.some((e) => sanitizeAttributes(e.attributes) !== e.attributes)) {
      events = events.map((e) => ({ ...e, attributes: sanitizeAttributes(e.attributes) }));
    }
    if (attributes === span.attributes && events === span.events) return span;
    changed = true;
    return { ...span, attributes, events };
  });
  return changed ? { ...trace, spans } : trace;
}

export function sanitizeLog(log: LogRecord): LogRecord {
  const attributes = sanitizeAttributes(log.attributes);
  const body = typeof log.body === 'string' ? maskCardNumbers(log.body) : log.body;
  return attributes === log.attributes && body === log.body ? log : { ...log, attributes, body };
}
