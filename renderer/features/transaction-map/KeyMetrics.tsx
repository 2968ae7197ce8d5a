/**
 * The key metrics beside the map: what happened (status, method, URL), to what (route, service,
 * consumer), how long and the request id to quote. The four latency tiles are the latency model
 * (shared/kong/latency.ts: gateway + upstream + client = the root span); Kong's own figures sit under
 * them, labelled as reported by Kong, and a difference worth knowing is said in words.
 */
import { useMemo, type ReactNode } from 'react';
import { LATENCY_PARTS, PART_LABELS, type LatencyPart } from '../../../shared/kong/latency';
import { rootFields, findRoot } from '../../../shared/kong/summary';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../waterfall/format';
import { CopyButton } from '../../ui/CopyButton';
import { traceFacts } from './trace-facts';
import { EntityName } from '../entity-names/EntityName';
import './Summary.css';

const fromMs = (v: number | null) => (v === null ? '–' : formatDuration(v * 1e6));

function statusTone(status: number | null): string {
  if (status === null) return '';
  if (status >= 500) return 'tone-error';
  if (status >= 400) return 'tone-warn';
  return 'tone-ok';
}

/** `children` (the phase bar) sits under the latencies it breaks down. */
export function KeyMetrics({ trace, children }: { trace: TraceSpans; children?: ReactNode }) {
  const { model, fact, noUpstream } = traceFacts(trace);
  const f = useMemo(() => rootFields(findRoot(trace)?.attributes ?? {}), [trace]);
  const ns: Record<LatencyPart, number> = { total: model.totalNs, gateway: model.gatewayNs, upstream: model.upstreamNs, client: model.clientNs };
  const reported = LATENCY_PARTS.filter((p) => model.reported[p] !== null);
  const rows: [string, ReactNode, string?][] = [
    [
      'Status',
      <>
        <span className={statusTone(f.status)}>{f.status ?? '–'}</span>
        {f.upstreamStatus !== null && f.upstreamStatus !== f.status && <span className="muted"> upstream {f.upstreamStatus}</span>}
        {fact && <span className="key-fact">{` ${fact}`}</span>}
      </>,
      fact ?? undefined,
    ],
    ['Request', <span className="mono">{`${f.method ?? ''} ${f.url ?? ''}`.trim() || '–'}</span>, f.url ?? undefined],
    ['Route', <span className="mono">{f.route}{f.route && f.routeId && ' · '}{f.routeId ? <EntityName kind="route" id={f.routeId} /> : !f.route && '–'}</span>],
    ['Service', <span className="mono">{f.serviceId ? <EntityName kind="service" id={f.serviceId} /> : '–'}</span>],
    ['Consumer', <span className="mono">{f.consumerId ? <EntityName kind="consumer" id={f.consumerId} /> : '–'}</span>],
  ];
  const clock = model.clock === 'root span' ? 'the root span' : 'first to last span (no root span)';
  return (
    <div className="key-metrics" role="group" aria-label="Key metrics">
      <div className="latencies" role="list" aria-label="Latency from the spans">
        {LATENCY_PARTS.map((part) => (
          <div
            key={part}
            role="listitem"
            className={`latency${part === 'total' ? ' strong' : ''}`}
            data-part={part}
            title={part === 'total' ? `Total: ${clock}. Gateway + upstream + client add up to it.` : undefined}
          >
            <span className="latency-label">{PART_LABELS[part]}</span>
            <span className="latency-value mono">{formatDuration(ns[part])}</span>
            {part === 'upstream' && noUpstream && (
              <span className="latency-caption" title="no upstream: the request ended in the gateway">
                not reached
              </span>
            )}
          </div>
        ))}
      </div>
      <p className="latency-note muted">
        {`Total is ${clock}.`}
        {reported.length > 0 && (
          <span className="reported" data-testid="reported-latency">
            {' Reported by Kong: '}
            {reported.map((p) => `${PART_LABELS[p]} ${fromMs(model.reported[p])}`).join(' · ')}
          </span>
        )}
      </p>
      {model.mismatches.map((m) => (
        <p key={m.part} className="latency-mismatch" role="note">
          {`${m.text}.`}
        </p>
      ))}
      {children}
      <dl>
        {rows.map(([label, value, title]) => (
          <div key={label} title={title}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Request id</dt>
          <dd>
            <span className="mono">{f.requestId ?? '–'}</span>
            {f.requestId && <CopyButton text={f.requestId} label="Copy request id" small />}
          </dd>
        </div>
      </dl>
    </div>
  );
}
