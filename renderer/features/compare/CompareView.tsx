/**
 * Two requests side by side (issue 20): the header (A the baseline, B the subject, and B relative to A),
 * the bridge from A's total to B's, the aligned waterfall (differences only, sort by |delta|, `n` / `p`)
 * and, for the selected row, what differs in its attributes and log lines.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compareTraces, comparisonJson, deltaText } from '../../../shared/compare/compare';
import { comparisonMarkdown, exportFileName } from '../../../shared/compare/markdown';
import { saveBlob } from '../export-png/save-blob';
import { CopyButton } from '../../ui/CopyButton';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../../../shared/util/duration';
import { useTraceRow, useTraceSpans } from '../../db/repo';
import type { TraceRow } from '../../db/schema';
import type { CompareRef } from './compare-slice';
import { useStore } from '../../store';
import { AlignedWaterfall } from './AlignedWaterfall';
import { CompareBridge } from './CompareBridge';
import { RowDiff } from './RowDiff';
import { TwinMaps } from './TwinMaps';
import { PayloadDiff } from './PayloadDiff';
import { CompareTabs } from './CompareTabs';
import './compare.css';

export function CompareView({ a, b }: { a: CompareRef; b: CompareRef }) {
  const traceA = useTraceSpans(a.sessionId, a.traceId);
  const traceB = useTraceSpans(b.sessionId, b.traceId);
  const rowA = useTraceRow(a.sessionId, a.traceId);
  const rowB = useTraceRow(b.sessionId, b.traceId);
  const close = useStore((s) => s.closeCompare);

  // picking another trace in the list leaves the comparison for that trace
  const selected = useStore((s) => s.traceId);
  const first = useRef(selected);
  useEffect(() => {
    if (selected !== first.current) close();
  }, [selected, close]);

  if (traceA === undefined || traceB === undefined) return <section className="trace-view cmp-view" aria-label="Compare" aria-busy="true" />;
  if (traceA === null || traceB === null) {
    return (
      <section className="trace-view tv-empty cmp-view" aria-label="Compare">
        <p className="muted">
          {traceA === null ? 'A' : 'B'} ({(traceA === null ? a : b).traceId}) is no longer stored.{' '}
          <button type="button" onClick={close}>
            Back to the trace
          </button>
        </p>
      </section>
    );
  }
  return <Comparison a={a} b={b} traceA={traceA} traceB={traceB} rowA={rowA ?? null} rowB={rowB ?? null} />;
}

function title(row: TraceRow | null, trace: TraceSpans): string {
  const t = [row?.method, row?.path ?? row?.rootName, row?.status].filter((v) => v !== null && v !== undefined).join(' ');
  return t || trace.spans[0]?.name || trace.traceId;
}

function Comparison({ a, b, traceA, traceB, rowA, rowB }: { a: CompareRef; b: CompareRef; traceA: TraceSpans; traceB: TraceSpans; rowA: TraceRow | null; rowB: TraceRow | null }) {
  const close = useStore((s) => s.closeCompare);
  const swap = useStore((s) => s.swapCompare);
  const c = useMemo(() => compareTraces(traceA, traceB), [traceA, traceB]);
  const [selected, setSelected] = useState<number | null>(null);
  const [body, setBody] = useState<'spans' | 'maps'>('spans');
  const [detail, setDetail] = useState<'span' | 'payloads'>('span');
  // picking a row (a click, a map node, n / p) shows what differs in it
  const select = useCallback((row: number | null) => {
    setSelected(row);
    setDetail('span');
  }, []);
  useEffect(() => setSelected(null), [c]);
  const markdown = useMemo(() => comparisonMarkdown(c, { a: title(rowA, traceA), b: title(rowB, traceB) }), [c, rowA, rowB, traceA, traceB]);
  const differing = c.alignment.rows.filter((r) => r.change !== 'same').length;
  const delta = c.deltaMs > 0 ? 'slower' : c.deltaMs < 0 ? 'faster' : 'same';

  return (
    <section className="trace-view cmp-view" aria-label="Compare">
      <header className="cmp-head">
        <TraceCard side="A" role="baseline" trace={traceA} row={rowA} totalMs={c.a.totalMs} />
        <div className="cmp-delta" data-delta={delta}>
          <strong aria-label="B relative to A">{deltaText(c.a.totalMs, c.b.totalMs)}</strong>
          <span className="muted">
            {differing} of {c.alignment.rows.length} rows differ · {Math.round(c.alignment.matchedRatio * 100)}% of spans matched
          </span>
        </div>
        <TraceCard side="B" role="subject" trace={traceB} row={rowB} totalMs={c.b.totalMs} />
        <div className="cmp-head-actions">
          <ExportButtons
            markdown={markdown}
            json={() => `${JSON.stringify(comparisonJson(c))}\n`}
            fileName={(ext) => exportFileName(c.a.traceId, c.b.traceId, ext)}
          />
          <button type="button" onClick={swap} title="Make B the baseline and A the subject">
            Swap
          </button>
          <button type="button" onClick={close} title="Back to the selected trace">
            Close
          </button>
        </div>
      </header>
      <CompareBridge bridge={c.bridge} />
      <div className="cmp-body">
        <CompareTabs<'spans' | 'maps'>
          label="Spans or maps"
          tabs={[
            { id: 'spans', label: 'Aligned spans' },
            { id: 'maps', label: 'Transaction maps' },
          ]}
          tab={body}
          onTab={setBody}
          panel={(id) =>
            id === 'spans' ? (
              <AlignedWaterfall alignment={c.alignment} traceA={traceA} traceB={traceB} totalMs={Math.max(c.a.totalMs, c.b.totalMs)} selected={selected} onSelect={select} />
            ) : (
              <TwinMaps
                alignment={c.alignment}
                traceA={traceA}
                traceB={traceB}
                selected={selected}
                onSelect={select}
                titles={{ a: title(rowA, traceA), b: title(rowB, traceB) }}
                totals={{ aMs: c.a.totalMs, bMs: c.b.totalMs }}
              />
            )
          }
          keep={['spans']}
        />
        <CompareTabs<'span' | 'payloads'>
          label="Differences"
          tabs={[
            { id: 'span', label: 'Span' },
            { id: 'payloads', label: 'Payloads' },
          ]}
          tab={detail}
          onTab={setDetail}
          panel={(id) =>
            id === 'span' ? <RowDiff alignment={c.alignment} traceA={traceA} traceB={traceB} sessionA={a.sessionId} sessionB={b.sessionId} selected={selected} /> : <PayloadDiff a={a} b={b} />
          }
        />
      </div>
    </section>
  );
}

function TraceCard({ side, role, trace, row, totalMs }: { side: 'A' | 'B'; role: string; trace: TraceSpans; row: TraceRow | null; totalMs: number }) {
  return (
    <div className={`cmp-card cmp-card-${side.toLowerCase()}`} aria-label={`${side}, the ${role}`}>
      <span className="cmp-side">{side}</span>
      <div className="cmp-card-text">
        <span className="cmp-card-title" title={row?.url ?? undefined}>
          {title(row, trace)}
        </span>
        <span className="mono muted cmp-card-id">
          {role} · {trace.traceId}
        </span>
      </div>
      <span className="cmp-total mono" aria-label={`${side} total`}>
        {formatDuration(totalMs * 1e6)}
      </span>
    </div>
  );
}

/** Export: the comparison as Markdown (copy or save) and as the JSON `ktv compare --json` prints (save). */
function ExportButtons({ markdown: md, json, fileName }: { markdown: string; json(): string; fileName(ext: 'md' | 'json'): string }) {
  const [open, setOpen] = useState(false);
  const save = (text: string, ext: 'md' | 'json') => {
    saveBlob(new Blob([text], { type: ext === 'md' ? 'text/markdown' : 'application/json' }), fileName(ext));
    setOpen(false);
  };
  return (
    <div className="cmp-export" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)} title="Export the comparison as Markdown or JSON">
        Export ▾
      </button>
      <div className="cmp-export-menu" role="group" aria-label="Export the comparison" hidden={!open}>
        <CopyButton text={md} label="Copy the comparison as Markdown">
          Copy Markdown
        </CopyButton>
        <button type="button" onClick={() => save(md, 'md')} title="Save the comparison as a Markdown file">
          Save .md
        </button>
        <button type="button" onClick={() => save(json(), 'json')} title="Save the comparison as JSON, the shape ktv compare --json prints">
          Save .json
        </button>
      </div>
    </div>
  );
}
