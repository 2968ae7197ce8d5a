/**
 * What differs in the selected row beyond its duration: a two-column attribute table with changed ones
 * marked (ids and timestamps hidden, and named so), the span status, and its log lines grouped as only in
 * A, only in B or in both (numbers and ids masked).
 */
import { useMemo } from 'react';
import type { Alignment } from '../../../shared/compare/align';
import { attributeDiff, logDiff } from '../../../shared/compare/attr-diff';
import type { LogRecord, Span, TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../../../shared/util/duration';
import { useTraceLogs } from '../../db/repo';
import { signedMs } from './compare-model';

const EMPTY: LogRecord[] = [];
const STATUS = ['unset', 'ok', 'error'];

const statusText = (s: Span | null) => (s ? `${STATUS[s.status.code] ?? s.status.code}${s.status.message ? `: ${s.status.message}` : ''}` : null);
const bodyText = (l: LogRecord) => (typeof l.body === 'string' ? l.body : JSON.stringify(l.body));

export function RowDiff({ alignment, traceA, traceB, sessionA, sessionB, selected }: { alignment: Alignment; traceA: TraceSpans; traceB: TraceSpans; sessionA: string; sessionB: string; selected: number | null }) {
  const logsA = useTraceLogs(sessionA, traceA.traceId) ?? EMPTY;
  const logsB = useTraceLogs(sessionB, traceB.traceId) ?? EMPTY;
  const row = selected === null ? null : (alignment.rows[selected] ?? null);
  const sa = row && row.a >= 0 ? traceA.spans[row.a]! : null;
  const sb = row && row.b >= 0 ? traceB.spans[row.b]! : null;
  const attrs = useMemo(() => attributeDiff(sa?.attributes ?? {}, sb?.attributes ?? {}), [sa, sb]);
  const logs = useMemo(
    () =>
      logDiff(
        sa ? logsA.filter((l) => l.spanId === sa.spanId).map(bodyText) : [],
        sb ? logsB.filter((l) => l.spanId === sb.spanId).map(bodyText) : [],
      ),
    [sa, sb, logsA, logsB],
  );

  if (!row) {
    return (
      <aside className="cmp-diff tv-empty" aria-label="Row differences">
        <p className="muted">Select a row (or press n) to see what differs in its attributes and log lines.</p>
      </aside>
    );
  }
  const changedCount = attrs.rows.filter((r) => r.change !== 'same').length;
  return (
    <aside className="cmp-diff" aria-label="Row differences">
      <h3 className="cmp-diff-title">{row.label}</h3>
      <p className="mono muted cmp-diff-key">{row.key}</p>
      <p className="cmp-diff-times mono">
        A {row.aMs === null ? '–' : formatDuration(row.aMs * 1e6)} · B {row.bMs === null ? '–' : formatDuration(row.bMs * 1e6)} · {signedMs(row.deltaMs, formatDuration)}{' '}
        <span className="muted">({row.change === 'added' ? 'only in B' : row.change === 'removed' ? 'only in A' : row.change})</span>
      </p>
      {statusText(sa) !== statusText(sb) && (
        <p className="cmp-diff-status">
          status: {statusText(sa) ?? '–'} → {statusText(sb) ?? '–'}
        </p>
      )}
      <table className="cmp-attrs" aria-label="Attribute differences">
        <caption className="muted">
          {changedCount} of {attrs.rows.length} attributes differ
          {attrs.hidden.length > 0 ? ` · ${attrs.hidden.length} ids and timestamps hidden (${attrs.hidden.join(', ')})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">attribute</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {attrs.rows.map((r) => (
            <tr key={r.key} data-change={r.change}>
              <th scope="row" className="mono">
                {r.key}
              </th>
              <td className="mono">{r.a ?? '–'}</td>
              <td className="mono">{r.b ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {logs.length > 0 && (
        <ul className="cmp-logs" aria-label="Log line differences">
          {logs.map((g) => (
            <li key={g.message} data-where={g.where}>
              <span className="cmp-log-where">{g.where === 'both' ? `both (${g.a} / ${g.b})` : g.where === 'only-a' ? `only in A (${g.a})` : `only in B (${g.b})`}</span> <span className="mono">{g.message}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
