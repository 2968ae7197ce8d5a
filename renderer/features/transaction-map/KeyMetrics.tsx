/**
 * The key metrics beside the map: what happened (status, method, URL), to what (route, service,
 * consumer), how long (total, gateway, upstream, client) and the request id to quote.
 */
import { useMemo, type ReactNode } from 'react';
import { keyMetrics } from '../../../shared/kong/key-metrics';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../waterfall/format';
import { CopyButton } from '../trace-view/CopyButton';
import { EntityName } from '../entity-names/EntityName';
import './Summary.css';

const ms = (v: number | null) => (v === null ? '–' : formatDuration(v * 1e6));

function statusTone(status: number | null): string {
  if (status === null) return '';
  if (status >= 500) return 'tone-error';
  if (status >= 400) return 'tone-warn';
  return 'tone-ok';
}

/** `children` (the phase bar) sits under the latencies it breaks down. */
export function KeyMetrics({ trace, children }: { trace: TraceSpans; children?: ReactNode }) {
  const m = useMemo(() => keyMetrics(trace), [trace]);
  const rows: [string, ReactNode, string?][] = [
    [
      'Status',
      <>
        <span className={statusTone(m.status)}>{m.status ?? '–'}</span>
        {m.upstreamStatus !== null && m.upstreamStatus !== m.status && <span className="muted"> upstream {m.upstreamStatus}</span>}
      </>,
    ],
    ['Request', <span className="mono">{`${m.method ?? ''} ${m.url ?? ''}`.trim() || '–'}</span>, m.url ?? undefined],
    ['Route', <span className="mono">{m.route}{m.route && m.routeId && ' · '}{m.routeId ? <EntityName kind="route" id={m.routeId} /> : !m.route && '–'}</span>],
    ['Service', <span className="mono">{m.serviceId ? <EntityName kind="service" id={m.serviceId} /> : '–'}</span>],
    ['Consumer', <span className="mono">{m.consumerId ? <EntityName kind="consumer" id={m.consumerId} /> : '–'}</span>],
  ];
  return (
    <div className="key-metrics" role="group" aria-label="Key metrics">
      <div className="latencies">
        <Latency label="Total" value={ms(m.totalMs)} strong />
        <Latency label="Gateway" value={ms(m.gatewayMs)} />
        <Latency label="Upstream" value={ms(m.upstreamMs)} />
        <Latency label="Client" value={ms(m.clientMs)} />
      </div>
      {m.derived && <p className="derived muted">Some latencies derived from spans (the gateway did not report them).</p>}
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
            <span className="mono">{m.requestId ?? '–'}</span>
            {m.requestId && <CopyButton text={m.requestId} label="Copy request id" />}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Latency({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`latency${strong ? ' strong' : ''}`}>
      <span className="latency-label">{label}</span>
      <span className="latency-value mono">{value}</span>
    </div>
  );
}
