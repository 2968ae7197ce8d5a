/**
 * Session insights (issue 19, docs/insights.md): the traces the list's expression filter keeps, grouped;
 * per group the headline figures, the distribution (dots on a log axis or a scatter over time) where a
 * brush or a preset selects, the group's transaction map, where the time goes with a strip of dots per row, the bridge from the rest to
 * the selection, the differences with Include / Exclude into the filter, and the outliers with reasons.
 * Every figure comes from shared/insights over the summaries' breakdowns; no span data is read. Every
 * figure opens the traces behind it (issue 19): a dot, an outlier or a percentile its request, a count, a
 * share or a mean its requests, listed in the trace list as a trace set (useOpenTraces). The view's state
 * (grouping, group, selection, plot) is held by the list pane (ListOrInsights), so it is still there after a
 * look at the list. Export: JSON and Markdown to the clipboard, CSV as a file.
 */
import { useMemo, type ReactNode } from 'react';
import { useStore } from '../../store';
import { selectTraceExpr } from '../trace-filter/trace-filter-slice';
import { saveBlob } from '../export-png/save-blob';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { bridge, extraTime, GROUP_BYS, groupChips, groupStats, groupTraces, isServerError, type GroupBy, type GroupStats } from '../../../shared/insights/insights';
import { clauseAgrees, differences, type Difference } from '../../../shared/insights/differences';
import { rankingOf, type RowKey } from '../../../shared/insights/behind';
import { groupMarkdown, insightsJson, rowsCsv } from '../../../shared/insights/export';
import { formatDuration } from '../../../shared/util/duration';
import { Distribution, inBrush, type Brush, type DistMode } from './Distribution';
import { fmtSigned, WhereTimeGoes, type SelectionSet } from './WhereTimeGoes';
import { GroupMap } from './GroupMap';
import { Headline } from './Headline';
import { BridgeBars, Differences, Outliers } from './Explain';
import { useAddBreakdowns, useInsightTraces } from './useInsightTraces';
import { SetFigure } from './Figure';
import { useOpenTraces } from './useOpenTraces';

type Preset = 'slowest 10%' | '> p90' | 'status >= 500';
const PRESETS: Preset[] = ['slowest 10%', '> p90', 'status >= 500'];
type Selection = { kind: 'preset'; preset: Preset } | { kind: 'brush'; brush: Brush } | null;

/** What the view shows, per session: kept by the list pane while the list is shown instead. */
export interface InsightsViewState {
  sessionId: string | null;
  by: GroupBy;
  groupKey: string | null;
  selection: Selection;
  mode: DistMode;
}

export const initialInsightsView = (sessionId: string | null): InsightsViewState => ({ sessionId, by: 'route', groupKey: null, selection: null, mode: 'dots' });

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));

function select(group: InsightTrace[], stats: GroupStats, sel: Selection): Set<string> {
  if (!sel) return new Set();
  const ids = (ts: InsightTrace[]) => new Set(ts.map((t) => t.summary.traceId));
  if (sel.kind === 'brush') return ids(group.filter((t) => inBrush(t, sel.brush)));
  if (sel.preset === 'status >= 500') return ids(group.filter(isServerError));
  if (sel.preset === '> p90') {
    const p90 = stats.latencyMs.total.p90;
    return p90 === null ? new Set() : ids(group.filter((t) => t.breakdown.totalNs / 1e6 > p90));
  }
  const sorted = [...group].sort((a, b) => b.breakdown.totalNs - a.breakdown.totalNs);
  return ids(sorted.slice(0, Math.max(1, Math.ceil(group.length / 10))));
}

function brushText(b: Brush): string {
  const time = b.from !== undefined && b.to !== undefined ? `started ${new Date(b.from).toLocaleTimeString()} – ${new Date(b.to).toLocaleTimeString()}` : '';
  const total = Number.isFinite(b.hiMs) ? `total ${fmtMs(b.loMs)} – ${fmtMs(b.hiMs)}` : '';
  return [total, time].filter(Boolean).join(', ');
}

export function InsightsView({ tabs, state, onState }: { tabs?: ReactNode; state: InsightsViewState; onState: (next: InsightsViewState) => void }) {
  const { traces, without, total } = useInsightTraces();
  const sessionId = useStore((s) => s.sessionId);
  const adding = useAddBreakdowns(sessionId, without);
  // another session's view state is not this one's
  const view = state.sessionId === sessionId ? state : initialInsightsView(sessionId);
  const { by, groupKey, selection, mode } = view;
  const patch = (p: Partial<InsightsViewState>) => onState({ ...view, ...p });
  const setSelection = (s: Selection) => patch({ selection: s });
  const open = useOpenTraces();
  const exprText = useStore(selectTraceExpr);
  const setExpr = useStore((s) => s.setTraceExpr);
  const setExprText = (t: string) => {
    if (sessionId) setExpr(sessionId, t);
  };

  // the chips need only n, 5xx and the median: every statistic is computed for the open group alone
  const chips = useMemo(() => groupChips(traces, by), [traces, by]);
  const chip = chips.find((c) => c.key === groupKey) ?? chips[0];
  const members = useMemo(() => chip?.traces ?? [], [chip]);
  const group = useMemo(() => (chip ? groupStats(chip.key, chip.traces) : null), [chip]);
  // each row's values in order, for the requests behind its percentiles (where time goes and the map)
  const rankings = useMemo(() => new Map((group?.rows ?? []).map((r) => [r.key, rankingOf(members, r.key as RowKey)])), [group, members]);
  const selected = useMemo(() => (group ? select(members, group, selection) : new Set<string>()), [members, group, selection]);
  const sel = useMemo(() => members.filter((t) => selected.has(t.summary.traceId)), [members, selected]);
  const rest = useMemo(() => members.filter((t) => !selected.has(t.summary.traceId)), [members, selected]);
  const br = useMemo(() => bridge(sel, rest), [sel, rest]);
  const diffs = useMemo(() => differences(sel, rest).slice(0, 12), [sel, rest]);
  const extra = useMemo(() => extraTime(sel, rest), [sel, rest]);
  // whether a value's clause filters the group as the table counts it; kept per group, so brushing reuses it
  const expressible = useMemo(() => {
    const known = new Map<string, boolean>();
    return (d: Difference) => {
      const k = `${d.dimension}\u0000${d.value}`;
      let ok = known.get(k);
      if (ok === undefined) known.set(k, (ok = clauseAgrees(members, d.dimension, d.value)));
      return ok;
    };
  }, [members]);
  const selectionSet: SelectionSet = { traces: sel, label: `the selection in ${chip?.key ?? ''}` };
  const restSet: SelectionSet = { traces: rest, label: `the rest of ${chip?.key ?? ''}` };

  if (total === 0)
    return (
      <div className="insights">
        <div className="insights-bar">{tabs}</div>
        <p className="insights-empty">No traces to summarise: open a session, or loosen the filter.</p>
      </div>
    );

  const copy = (text: string) => void navigator.clipboard.writeText(text);
  const csvName = `ktv-insights-${(sessionId ?? 'session').replace(/[^\w.-]+/g, '-')}.csv`;
  return (
    <div className="insights" aria-label="Session insights">
      <div className="insights-bar">
        {tabs}
        <label>
          Group by{' '}
          <select value={by} onChange={(e) => patch({ by: e.target.value as GroupBy, groupKey: null, selection: null })}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>{g === 'route' ? 'route × method' : g === 'upstream' ? 'upstream target' : g}</option>
            ))}
          </select>
        </label>
        <span className="insights-n">{traces.length} traces{exprText.trim() ? ' (filtered)' : ''}</span>
        {without > 0 && (
          <span className={adding === 'failed' ? 'insights-warn' : 'insights-n'} role="status">
            {adding === 'failed'
              ? `${without} traces stored before insights could not be broken down and are left out`
              : adding === 'working'
                ? `preparing ${without} traces stored before insights…`
                : `${without} traces left out: their spans could not be read back`}
          </span>
        )}
        <span className="insights-export">
          <button type="button" onClick={() => copy(JSON.stringify(insightsJson(traces.length, groupTraces(traces, by)), null, 2))}>Copy JSON</button>
          <button type="button" onClick={() => group && copy(groupMarkdown(group))}>Copy Markdown</button>
          <button type="button" onClick={() => saveBlob(new Blob([rowsCsv(groupTraces(traces, by))], { type: 'text/csv' }), csvName)}>Save CSV</button>
        </span>
      </div>
      <div className="insights-groups" role="listbox" aria-label="Groups">
        {chips.map((c) => (
          // a chip chooses its group; its figures open their traces in the group's headline (n, status classes)
          <button
            key={c.key}
            type="button"
            role="option"
            aria-selected={c === chip}
            className="insights-chip"
            onClick={() => patch({ groupKey: c.key, selection: null })}
          >
            <span className="insights-chip-key">{c.key}</span> n={c.n}
            {c.errors > 0 && <span className="insights-err"> {Math.round((c.errors / c.n) * 100)}% 5xx</span>} p50 {fmtMs(c.totalP50Ms)}
          </button>
        ))}
      </div>
      {group && (
        <div className="insights-body">
          <Headline g={group} members={members} open={open} />
          <div className="insights-presets" role="group" aria-label="Select">
            {PRESETS.map((p) => {
              const on = selection?.kind === 'preset' && selection.preset === p;
              return (
                <button key={p} type="button" aria-pressed={on} disabled={p === '> p90' && group.latencyMs.total.p90 === null} onClick={() => setSelection(on ? null : { kind: 'preset', preset: p })}>
                  {p}
                </button>
              );
            })}
            {selection?.kind === 'brush' && <button type="button" onClick={() => setSelection(null)}>Clear brush</button>}
            <span className="insights-n" role="status">
              {selection ? (
                <>
                  <SetFigure traces={sel} label={selectionSet.label} open={open}>{sel.length}</SetFigure>
                  {' selected of '}
                  <SetFigure traces={members} label={chip!.key} open={open}>{members.length}</SetFigure>
                  {selection.kind === 'brush' ? ` (brushed: ${brushText(selection.brush)})` : ''}
                </>
              ) : (
                'drag across the plot, or pick a preset, to compare the selection with the rest'
              )}
            </span>
            <span className="insights-mode" role="radiogroup" aria-label="Plot">
              {(['dots', 'time'] as const).map((m) => (
                <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => patch({ mode: m })}>
                  {m === 'dots' ? 'Total time' : 'Over time'}
                </button>
              ))}
            </span>
          </div>
          <Distribution members={members} g={group} mode={mode} selected={selected} onBrush={(brush) => setSelection({ kind: 'brush', brush })} onOpen={open.one} />
          <GroupMap group={group.key} members={members} rankings={rankings} extra={selection ? extra : null} open={open} />
          <WhereTimeGoes g={group} members={members} rankings={rankings} extra={selection ? extra : null} selection={selectionSet} selected={selected} open={open} />
          {br && (
            <section aria-label="Why the selection is slower">
              <h3>
                Why the selection is slower: mean{' '}
                <SetFigure traces={rest} label={restSet.label} name={`the rest's mean ${fmtMs(br.restMeanNs / 1e6)}`} open={open}>{fmtMs(br.restMeanNs / 1e6)}</SetFigure>
                {' → '}
                <SetFigure traces={sel} label={selectionSet.label} name={`the selection's mean ${fmtMs(br.selectionMeanNs / 1e6)}`} open={open}>{fmtMs(br.selectionMeanNs / 1e6)}</SetFigure>
                {' ('}
                <SetFigure traces={sel} label={selectionSet.label} name={`the selection's extra mean ${fmtSigned(br.deltaNs / 1e6)}`} open={open}>{fmtSigned(br.deltaNs / 1e6)}</SetFigure>
                {')'}
              </h3>
              <BridgeBars rows={br.rows} selection={selectionSet} open={open} />
            </section>
          )}
          {diffs.length > 0 && <Differences diffs={diffs} sel={sel} rest={rest} exprText={exprText} onFilter={setExprText} open={open} expressible={expressible} />}
          <Outliers g={group} members={members} open={open} />
        </div>
      )}
    </div>
  );
}
