/** How a span looks in the waterfall: its colour (by Kong phase) and whether it is marked as an error. */
import { classifySpanName, PHASES } from '../../../shared/kong/span-names';
import { StatusCode, type Span } from '../../../shared/model/types';

const KNOWN_PHASES = new Set<string>(PHASES);

/** A CSS colour (a theme variable) for a span, from its Kong kind and phase. */
export function spanColor(name: string): string {
  const k = classifySpanName(name);
  switch (k.kind) {
    case 'phase':
    case 'plugin':
      return KNOWN_PHASES.has(k.phase) ? `var(--phase-${k.phase})` : 'var(--phase-other)';
    case 'analytics':
      return 'var(--phase-log)';
    case 'client-read':
    case 'client-write':
      return 'var(--phase-client)';
    // the router runs inside the access phase
    case 'router':
      return 'var(--phase-access)';
    case 'dns':
    case 'upstream':
      return 'var(--phase-upstream)';
    case 'root':
      return 'var(--accent)';
    default:
      return 'var(--phase-other)';
  }
}

function httpStatus(span: Span): number | null {
  const v = span.attributes['http.response.status_code'] ?? span.attributes['http.status_code'];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** Status ERROR, or an HTTP status of 500 or more recorded on the span itself. */
export function isErrorSpan(span: Span): boolean {
  if (span.status.code === StatusCode.ERROR) return true;
  const status = httpStatus(span);
  return status !== null && status >= 500;
}
