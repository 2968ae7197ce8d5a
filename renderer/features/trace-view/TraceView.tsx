/**
 * The selected trace, its views side by side: the transaction map with key metrics and time per phase
 * on top; below, the span waterfall at full height beside a column holding the span inspector over a
 * tabbed Logs / Payloads panel (the waterfall needs the height more than the inspector does).
 * The map keeps its natural height; the panes below share the rest in proportions the user can change
 * (remembered relative to the window, see shell/Panes).
 */
import { useRef, useState } from 'react';
import { LATENCY_PARTS, PART_LABELS } from '../../../shared/kong/latency';
import type { GroupBadges } from '../../../shared/insights/percentile-badges';
import type { TraceSpans } from '../../../shared/model/types';
import { useTraceRow, useTraceSpans } from '../../db/repo';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { CaptureWaiting } from '../capture/CaptureWaiting';
import { CompareActions } from '../compare/CompareActions';
import { exportTracePng } from '../export-png/exportPng';
import { Pane, PaneGroup, PaneHandle } from '../shell/Panes';
import { SpanInspector } from '../inspector/SpanInspector';
import { KeyMetrics } from '../transaction-map/KeyMetrics';
import { PhaseBar } from '../transaction-map/PhaseBar';
import { traceFacts } from '../transaction-map/trace-facts';
import { TransactionMap } from '../transaction-map/TransactionMap';
import { VerdictLine } from '../transaction-map/VerdictLine';
import { formatClock, formatFull, zoneLabel } from '../time/format-time';
import { formatDuration } from '../waterfall/format';
import { Waterfall } from '../waterfall/Waterfall';
import { CopyButton } from '../../ui/CopyButton';
import { DetailTabs } from './DetailTabs';
import { usePendingFocus } from './usePendingFocus';
import { usePercentileBadges } from './usePercentileBadges';
import './TraceView.css';

/**
 * The span inspector's first share of the side column: in a short window the logs need the height more
 * (five lines at least under their filters), and the inspector scrolls.
 */
const inspectorDefault = () => (window.innerHeight < 900 ? '28%' : '38%');

export function TraceView() {
  const sessionId = useStore((s) => s.sessionId);
  const traceId = useStore((s) => s.traceId);
  const hidden = useStore((s) => s.traceHidden);
  const trace = useTraceSpans(sessionId, traceId);
  const row = useTraceRow(sessionId, traceId);
  const badges = usePercentileBadges(sessionId, traceId);

  if (!sessionId || !traceId) {
    return (
      <section className="trace-view tv-empty" aria-label="Trace">
        <CaptureWaiting sessionId={sessionId}>
          <div>
            <h2>{hidden ? 'The open trace is hidden by the filter' : 'No trace selected'}</h2>
            <p className="muted">
              {hidden
                ? 'Clear or change the filter above to see it again, or pick a trace in the list.'
                : sessionId
                  ? 'Pick a trace in the list above, or paste an X-Kong-Request-Id, trace id or traceparent anywhere outside a text field.'
                  : 'Open a trace file (or drop one on the window), connect Konnect to pull a debugger session, or start a live capture from the sidebar.'}
            </p>
          </div>
        </CaptureWaiting>
      </section>
    );
  }
  if (trace === undefined) return <section className="trace-view tv-empty" aria-label="Trace" aria-busy="true" />;
  if (trace === null) {
    return (
      <section className="trace-view tv-empty" aria-label="Trace">
        <p className="muted">This trace is no longer stored. Pick another one in the list.</p>
      </section>
    );
  }
  return <TraceLayout trace={trace} row={row ?? null} badges={badges} />;
}

function TraceLayout({ trace, row, badges }: { trace: TraceSpans; row: TraceRow | null; badges: GroupBadges | null }) {
  const svg = useRef<SVGSVGElement>(null);
  const [exportState, setExportState] = useState('');
  const zone = useStore((s) => s.timeZone);
  usePendingFocus(trace);

  const title = [row?.method, row?.path ?? row?.rootName, row?.status].filter((v) => v !== null && v !== undefined).join(' ');

  async function onExport() {
    if (!svg.current) return;
    setExportState('Exporting…');
    const { model, verdict } = traceFacts(trace);
    const parts = { total: model.totalNs, gateway: model.gatewayNs, upstream: model.upstreamNs, client: model.clientNs };
    const reported = LATENCY_PARTS.filter((p) => model.reported[p] !== null).map((p) => `${PART_LABELS[p]} ${formatDuration(model.reported[p]! * 1e6)}`);
    try {
      await exportTracePng({
        svg: svg.current,
        traceId: trace.traceId,
        lines: [
          title || trace.traceId,
          verdict.text,
          `${LATENCY_PARTS.map((p) => `${PART_LABELS[p]} ${formatDuration(parts[p])}`).join(' · ')} (total: ${model.clock})${reported.length ? `; reported by Kong: ${reported.join(' · ')}` : ''}`,
          `trace ${trace.traceId}${row?.requestId ? ` · request ${row.requestId}` : ''}`,
          row ? formatFull(row.startMs, zone) : '',
        ],
        phases: model.phases,
      });
      setExportState('PNG saved');
    } catch (e) {
      setExportState(`Export failed: ${(e as Error).message}`);
    }
  }

  return (
    <section className="trace-view" aria-label="Trace">
      <header className="tv-head">
        <h2 className="tv-title" title={row?.url ?? undefined}>
          {title || trace.spans[0]?.name || 'Trace'}
        </h2>
        {row && (
          <time className="tv-time mono muted" dateTime={new Date(row.startMs).toISOString()} title={formatFull(row.startMs, zone)}>
            {formatClock(row.startMs, zone)} {zoneLabel(zone, row.startMs)}
          </time>
        )}
        <span className="tv-id mono muted" title="Trace id">
          {trace.traceId}
        </span>
        <CopyButton text={trace.traceId} label="Copy trace id" small />
        <span className="spacer" />
        {row && <CompareActions sessionId={row.sessionId} traceId={trace.traceId} row={row} />}
        <span className="muted tv-export-state" aria-live="polite">
          {exportState}
        </span>
        <button type="button" onClick={() => void onExport()}>
          Export PNG
        </button>
      </header>
      <VerdictLine trace={trace} />
      {/* the map at its natural height: it is the answer at a glance, so it is never scrolled inside */}
      <div className="tv-summary">
        <TransactionMap trace={trace} svgRef={svg} badges={badges} />
        <aside className="tv-aside">
          <KeyMetrics trace={trace}>
            <PhaseBar trace={trace} />
          </KeyMetrics>
        </aside>
      </div>
      <PaneGroup id="trace-panes" orientation="horizontal" className="tv-panes">
        <Pane id="waterfall-pane" minSize={320} className="tv-left">
          <Waterfall trace={trace ?? undefined} badges={badges} />
        </Pane>
        <PaneHandle orientation="vertical" label="Resize side panel" />
        <Pane id="side-pane" defaultSize="42%" minSize={260} maxSize="75%" className="tv-right">
          <PaneGroup id="side-split" orientation="vertical">
            <Pane id="inspector-pane" defaultSize={inspectorDefault()} minSize={48} className="tv-inspector">
              <SpanInspector trace={trace ?? undefined} />
            </Pane>
            <PaneHandle orientation="horizontal" label="Resize span details" />
            <Pane id="details-pane" minSize={120} className="tv-details">
              <DetailTabs trace={trace} row={row} />
            </Pane>
          </PaneGroup>
        </Pane>
      </PaneGroup>
    </section>
  );
}
