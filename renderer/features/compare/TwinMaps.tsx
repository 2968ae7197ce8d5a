/**
 * Twin transaction maps (issue 20): A's map over B's, drawn by the trace view's own TransactionMap with the
 * same node positions (shared/compare/twin-maps.ts merges the two maps' nodes), each node named
 * `A -> B (delta)`, a changed node outlined with its delta, a node in one trace only ghosted in the other
 * and named so. Clicking a node selects its aligned row.
 */
import { useMemo, useRef, useState } from 'react';
import { deltaText } from '../../../shared/compare/compare';
import { exportFileName } from '../../../shared/compare/markdown';
import { exportTracePng } from '../export-png/exportPng';
import type { Alignment } from '../../../shared/compare/align';
import { twinMaps, type TwinNode } from '../../../shared/compare/twin-maps';
import { buildTransactionMap, isKongTrace } from '../../../shared/kong/transaction-map';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../../../shared/util/duration';
import { TransactionMap, type NodeNote } from '../transaction-map/TransactionMap';
import { signedMs } from './compare-model';

const dur = (ns: number | null | undefined) => (ns === null || ns === undefined ? '–' : formatDuration(ns));

function note(t: TwinNode, side: 'A' | 'B'): NodeNote {
  const label = (t.a ?? t.b)!.label;
  const ghost = side === 'A' && !t.a ? `only in B: ${label}` : side === 'B' && !t.b ? `only in A: ${label}` : null;
  const delta = signedMs(t.deltaNs / 1e6, formatDuration);
  // B's map carries the deltas; a node in one trace only says so on its own side
  const shown = side === 'B' || t.change === 'removed' ? delta : null;
  return { text: `A ${dur(t.a?.durationNs)} → B ${dur(t.b?.durationNs)} (${delta})`, delta: shown, slower: t.deltaNs > 0, change: t.change, ghost };
}

export interface TwinMapsProps {
  alignment: Alignment;
  traceA: TraceSpans;
  traceB: TraceSpans;
  selected: number | null;
  onSelect(row: number): void;
  /** for the PNG's header: each side's title and total */
  titles: { a: string; b: string };
  totals: { aMs: number; bMs: number };
}

export function TwinMaps({ alignment, traceA, traceB, selected, onSelect, titles, totals }: TwinMapsProps) {
  const svgA = useRef<SVGSVGElement>(null);
  const svgB = useRef<SVGSVGElement>(null);
  const [saved, setSaved] = useState('');
  const twin = useMemo(() => twinMaps(buildTransactionMap(traceA), buildTransactionMap(traceB), alignment, traceA, traceB), [alignment, traceA, traceB]);
  const notes = useMemo(() => {
    if (!twin) return null;
    const of = (byId: Map<string, TwinNode>, side: 'A' | 'B') => new Map([...byId].map(([id, t]) => [id, note(t, side)]));
    return { a: of(twin.byIdA, 'A'), b: of(twin.byIdB, 'B') };
  }, [twin]);
  const rowOf = useMemo(() => {
    const a = new Map<string, number>();
    const b = new Map<string, number>();
    alignment.rows.forEach((r, i) => {
      if (r.a >= 0) a.set(traceA.spans[r.a]!.spanId, i);
      if (r.b >= 0) b.set(traceB.spans[r.b]!.spanId, i);
    });
    return { a, b };
  }, [alignment, traceA, traceB]);
  const row = selected === null ? null : alignment.rows[selected];
  const selA = row && row.a >= 0 ? traceA.spans[row.a]!.spanId : null;
  const selB = row && row.b >= 0 ? traceB.spans[row.b]!.spanId : null;

  if (!twin || !notes) {
    return (
      <section className="cmp-maps tv-empty" aria-label="Twin transaction maps">
        <p className="muted">Twin maps line up Kong gateway traces; {isKongTrace(traceA) ? 'B' : 'A'} is not one.</p>
      </section>
    );
  }
  const pick = (map: Map<string, number>) => (spanId: string) => {
    const r = map.get(spanId);
    if (r !== undefined) onSelect(r);
  };
  async function onPng() {
    if (!svgA.current || !svgB.current) return;
    setSaved('Exporting…');
    try {
      await exportTracePng({
        svg: [svgA.current, svgB.current],
        traceId: traceB.traceId,
        fileName: exportFileName(traceA.traceId, traceB.traceId, 'png'),
        lines: [`B relative to A: ${deltaText(totals.aMs, totals.bMs)}`, `A (top, the baseline): ${titles.a} · ${formatDuration(totals.aMs * 1e6)} · trace ${traceA.traceId}`, `B (below, the subject): ${titles.b} · ${formatDuration(totals.bMs * 1e6)} · trace ${traceB.traceId}`],
        phases: [],
      });
      setSaved('PNG saved');
    } catch (e) {
      setSaved(`Export failed: ${(e as Error).message}`);
    }
  }
  return (
    <section className="cmp-maps" aria-label="Twin transaction maps">
      <div className="cmp-maps-bar">
        <button type="button" onClick={() => void onPng()} title="Save both maps, A over B, as one PNG">
          Save maps as PNG
        </button>
        <span className="muted" role="status">
          {saved}
        </span>
      </div>
      <div className="cmp-map cmp-map-a">
        <span className="cmp-map-side">
          <span className="cmp-side">A</span> baseline
        </span>
        <TransactionMap trace={traceA} model={twin.a} notes={notes.a} selectedSpanId={selA} onPick={pick(rowOf.a)} label="A's transaction map" svgRef={svgA} />
      </div>
      <div className="cmp-map cmp-map-b">
        <span className="cmp-map-side">
          <span className="cmp-side">B</span> subject
        </span>
        <TransactionMap trace={traceB} model={twin.b} notes={notes.b} selectedSpanId={selB} onPick={pick(rowOf.b)} label="B's transaction map" svgRef={svgB} />
      </div>
    </section>
  );
}
