/** How a span looks in the waterfall: its colour (by Kong phase). Error marks come from shared/kong/verdict.ts. */
import { classifySpanName, PHASES } from '../../../shared/kong/span-names';

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
