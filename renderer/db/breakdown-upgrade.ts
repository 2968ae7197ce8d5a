/**
 * The upgrade that gives traces stored before session insights their breakdown (shared/insights/breakdown.ts),
 * or a newer one when BREAKDOWN_VERSION has moved on,
 * so the insights view works from every stored summary without asking for a re-import. It runs in the ingest
 * worker, the store's only writer: once over every session at start-up, and for one session when the view
 * finds rows without one (store op `addBreakdowns`).
 *
 * Resumable by construction: each page is finished in its own short transaction, and a row that has a
 * current breakdown is never touched again, so an upgrade stopped anywhere (window closed, aborted) picks up where it
 * left off (a row whose breakdown is current is never touched). The spans are read and the breakdowns computed outside any transaction (chunks never change once
 * written); the transaction re-reads the page and fills only rows that still lack one, so an import writing
 * into the same page meanwhile loses nothing. Rows with no spans have nothing to break down and are skipped.
 */
import { BREAKDOWN_VERSION, computeBreakdown, type Breakdown } from '../../shared/insights/breakdown';
import { readTraceSpans } from './chunks';
import { decodePage, type KtvDb, type PageRow } from './schema';
import type { StoredRow } from './stored-row';

/** The meta flag set once every stored page has been looked at. */
export const BREAKDOWNS_FLAG = `breakdownsAdded:v${BREAKDOWN_VERSION}`;

export interface BreakdownUpgrade {
  /** pages rewritten */
  pages: number;
  /** rows given a (new) breakdown */
  added: number;
  /** rows with spans that could not be read back (left without one) */
  unreadable: number;
  /** false when stopped by the signal before the last page */
  complete: boolean;
}

/** A row with spans and no breakdown, or one of an older version (missing fields the view now reads). */
const needsOne = (r: { breakdown?: Breakdown; spanCount: number }) => r.spanCount > 0 && (r.breakdown?.v ?? 0) < BREAKDOWN_VERSION;

/** Adds the missing breakdowns to the pages of one session, or of every session. */
export async function addMissingBreakdowns(db: KtvDb, opts: { sessionId?: string; signal?: AbortSignal } = {}): Promise<BreakdownUpgrade> {
  const out: BreakdownUpgrade = { pages: 0, added: 0, unreadable: 0, complete: false };
  // a session an import is still creating gets breakdowns from that import
  const busy = new Set((await db.sessions.filter((s) => s.status === 'importing' || s.importId !== undefined).primaryKeys()) as string[]);
  const ids = (opts.sessionId === undefined ? await db.pages.toCollection().primaryKeys() : await db.pages.where('sessionId').equals(opts.sessionId).primaryKeys()) as string[];
  for (const id of ids) {
    if (opts.signal?.aborted) return out;
    const stored = await db.pages.get(id);
    if (!stored || busy.has(stored.sessionId)) continue;
    const missing = decodePage(stored).traces.filter(needsOne);
    if (missing.length === 0) continue;
    const found = new Map<string, Breakdown>();
    for (const row of missing) {
      const spans = await readTraceSpans(db, row);
      if (spans && spans.spans.length > 0) found.set(row.traceId, computeBreakdown(spans, row.status));
      else out.unreadable++;
    }
    if (found.size === 0) continue;
    out.added += await db.transaction('rw', db.pages, async () => {
      const page = await db.pages.get(id);
      if (!page) return 0;
      const rows = JSON.parse(page.traces) as StoredRow[];
      let added = 0;
      for (const r of rows) {
        const b = found.get(r.traceId);
        if (b && needsOne(r)) {
          r.breakdown = b;
          added++;
        }
      }
      if (added > 0) await db.pages.put({ ...page, traces: JSON.stringify(rows) } satisfies PageRow);
      return added;
    });
    out.pages++;
  }
  out.complete = true;
  return out;
}

/** The start-up run over every session, once: skipped when an earlier run finished. */
export async function upgradeBreakdowns(db: KtvDb, signal?: AbortSignal): Promise<BreakdownUpgrade | null> {
  if (await db.meta.get(BREAKDOWNS_FLAG)) return null;
  const result = await addMissingBreakdowns(db, { signal });
  if (result.complete) await db.meta.put({ key: BREAKDOWNS_FLAG, value: { at: Date.now(), added: result.added } });
  return result;
}
