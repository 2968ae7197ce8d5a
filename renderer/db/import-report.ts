/**
 * What an import did, in one sentence for its notification and the session's import report: new traces,
 * spans, logs and payloads, what attached to stored traces or waits for them, the sessions one file filled.
 */
import type { ImportReport } from './ingest-types';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What log lines and payloads of stored traces did: attached to a session's traces, or kept for traces to come. */
function attachments(r: ImportReport): string[] {
  const parts: string[] = [];
  const what = (logs: number, payloads: number) =>
    [payloads ? `payloads for ${plural(payloads, 'trace')}` : '', logs ? `log lines for ${plural(logs, 'trace')}` : ''].filter(Boolean).join(' and ');
  for (const a of r.attached ?? []) parts.push(`${what(a.logs, a.payloads)} attached to session ${a.name}`);
  const w = r.waiting;
  if (w && (w.logs || w.payloads)) parts.push(`${what(w.logs, w.payloads)} not imported yet, kept until they are`);
  return parts;
}

export function describeReport(r: ImportReport): string {
  const parts = [`${plural(r.traces, 'new trace')}`, `${plural(r.spans, 'span')}`];
  if (r.logs) parts.push(plural(r.logs, 'log line'));
  if (r.payloads) parts.push(plural(r.payloads, 'payload'));
  const attached = attachments(r);
  let text = `${r.fileName}: imported ${parts.join(', ')}`;
  if (r.traces === 0 && r.spans === 0) {
    if (attached.length > 0) text = `${r.fileName}: ${attached.join('; ')}`;
    else if (r.logs === 0 && r.payloads === 0) text = `${r.fileName}: already imported, nothing new`;
  } else if (attached.length > 0) text += `; ${attached.join('; ')}`;
  const filled = r.filled ?? [];
  if (filled.length > 1) text += `; this file holds ${filled.length} sessions, each listed on its own: ${filled.map((f) => f.name).join(', ')}`;
  if (r.skippedTotal) text += `; skipped ${plural(r.skippedTotal, 'record')}`;
  return text;
}
