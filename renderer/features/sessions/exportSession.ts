/**
 * "Export as OTLP/JSON": a stored session written as spec-conformant OTLP/JSON (hex ids), sanitized, for
 * sharing with a colleague or support: the same encoder and sanitizer as `ktv export`.
 */
import { encodeOtlpJson } from '../../../shared/encode/otlp-json';
import { sanitizeLog, sanitizeTrace } from '../../../shared/sanitize/telemetry';
import type { TraceSpans } from '../../../shared/model/types';
import { traceFromChunks } from '../../db/chunks';
import { db } from '../../db/db';
import { decodePage, type SessionRow } from '../../db/schema';

export async function sessionAsOtlpJson(sessionId: string): Promise<string> {
  const [pages, chunks, logRows] = await Promise.all([
    db.pages.where('sessionId').equals(sessionId).toArray(),
    db.chunks.where('sessionId').equals(sessionId).toArray(),
    db.logs.where('sessionId').equals(sessionId).toArray(),
  ]);
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const traces: TraceSpans[] = [];
  for (const page of pages) {
    for (const row of decodePage(page).traces) {
      const trace = traceFromChunks(db.name, row.traceId, row.chunks.map((id) => chunkById.get(id)));
      if (trace) traces.push(trace);
    }
  }
  const doc = encodeOtlpJson(
    traces.map((t) => sanitizeTrace(t)),
    logRows.flatMap((r) => r.records.map(sanitizeLog)),
  );
  return JSON.stringify(doc);
}

export function exportFileName(session: SessionRow): string {
  const safe = session.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'session';
  return `${safe}.otlp.json`;
}

/** Saves the session through the browser's download (a save dialog in the desktop app). */
export async function downloadSession(session: SessionRow): Promise<void> {
  const blob = new Blob([await sessionAsOtlpJson(session.id)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(session);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
