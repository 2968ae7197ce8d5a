import { useMemo } from 'react';
import { describeAttribute, describeSpan } from '../../../shared/kong/catalogue';
import { missingText, placedText } from '../../../shared/model/incomplete';
import { selfTime, spanIndex } from '../../../shared/model/span-index';
import type { Attributes, Span, TraceSpans } from '../../../shared/model/types';
import { useTraceSpans } from '../../db/repo';
import { EntityName } from '../entity-names/EntityName';
import { entityKindOf } from '../entity-names/entity-names';
import { useStore } from '../../store';
import { formatDuration, formatOffset } from '../waterfall/format';
import { traceFacts } from '../transaction-map/trace-facts';
import { CopyButton } from '../../ui/CopyButton';
import { formatClock, formatFull, zoneLabel } from '../time/format-time';
import { attrText, kindName, spanAsJson, spanAsText, statusName, wallMs } from './span-text';
import './inspector.css';

/**
 * Details of the selected span: timings, ids, attributes (explained on hover), resource, events, links.
 * Like the waterfall, it takes the selected trace's spans from a parent that has them, or reads them.
 */
export function SpanInspector({ trace: given }: { trace?: TraceSpans } = {}) {
  const sessionId = useStore((s) => s.sessionId);
  const traceId = useStore((s) => s.traceId);
  const spanId = useStore((s) => s.spanId);
  const usable = given && given.traceId === traceId ? given : undefined;
  const read = useTraceSpans(usable ? null : sessionId, usable ? null : traceId);
  const trace = usable ?? read;
  const found = useMemo(() => (trace && spanId ? findSpan(trace, spanId) : null), [trace, spanId]);

  if (!trace || !found) {
    return (
      <section className="insp insp-empty" aria-label="Span details">
        <p className="muted">{spanId && trace ? 'The selected span is not in this trace.' : 'Select a span to see its details.'}</p>
      </section>
    );
  }
  return <Details trace={trace} span={found.span} selfNs={found.selfNs} />;
}

function findSpan(trace: TraceSpans, spanId: string): { span: Span; selfNs: number } | null {
  const index = spanIndex(trace);
  const span = index.byId.get(spanId);
  return span ? { span, selfNs: selfTime(index, span) } : null;
}

function Details({ trace, span, selfNs }: { trace: TraceSpans; span: Span; selfNs: number }) {
  const description = describeSpan(span.name);
  const error = traceFacts(trace).errors.get(span.spanId) ?? null;
  const scope = trace.scopes[span.scope];
  const zone = useStore((s) => s.timeZone);
  const startKnown = span.incomplete !== 'start' && span.incomplete !== 'both';
  const at = wallMs(trace.baseNs, span.start);
  return (
    <section className="insp" aria-label="Span details">
      <header className="insp-head">
        <h3 className="insp-title" title={span.name}>
          {span.name}
        </h3>
        <div className="insp-actions">
          <CopyButton label="Copy span as text" text={() => spanAsText(trace, span, selfNs)}>
            Copy as text
          </CopyButton>
          <CopyButton label="Copy span as JSON" text={() => spanAsJson(trace, span)}>
            JSON
          </CopyButton>
        </div>
      </header>
      {description && <p className="insp-desc muted">{description}</p>}
      {span.incomplete && (
        <p className="insp-incomplete" role="note">
          <strong>Incomplete span</strong>: {missingText(span.incomplete)} was sent; duration unknown; shown {placedText(span.incomplete)}.
        </p>
      )}

      <dl className="insp-summary">
        <Fact label="Duration" value={span.incomplete ? 'unknown' : formatDuration(span.duration)} num />
        <Fact label="Self time" value={span.incomplete ? 'unknown' : formatDuration(selfNs)} num />
        <Fact
          label="Start"
          value={span.incomplete === 'start' || span.incomplete === 'both' ? 'unknown' : formatOffset(span.start)}
          num
          title={span.incomplete === 'start' || span.incomplete === 'both' ? undefined : formatFull(wallMs(trace.baseNs, span.start), zone)}
        />
        {span.incomplete === 'start' && <Fact label="End" value={formatOffset(span.start)} num title={formatFull(wallMs(trace.baseNs, span.start), zone)} />}
        {/* the wall clock in the user's zone, dated when not today; the full date, milliseconds and zone on hover */}
        <Fact label={span.incomplete === 'start' ? 'Ended at' : 'At'} value={startKnown || span.incomplete === 'start' ? `${formatClock(at, zone)} ${zoneLabel(zone, at)}` : 'unknown'} num title={formatFull(at, zone)} />
        <Fact
          label="Status"
          value={`${statusName(span.status.code)}${span.status.message ? `: ${span.status.message}` : ''}`}
          error={error !== null}
        />
        {error !== null && <Fact label="Error" value={error} error />}
        <Fact label="Kind" value={kindName(span.kind)} />
        {scope && <Fact label="Scope" value={`${scope.name}${scope.version ? ` ${scope.version}` : ''}`} />}
      </dl>

      <h4 className="insp-h">Ids</h4>
      <dl className="insp-facts insp-ids">
        {/* named apart from the trace header's own "Copy trace id" */}
        <IdRow label="Trace id" copyLabel="Copy span's trace id" value={trace.traceId} />
        <IdRow label="Span id" copyLabel="Copy span id" value={span.spanId} />
        <IdRow label="Parent id" copyLabel="Copy parent span id" value={span.parentSpanId} />
      </dl>

      <AttributeTable title="Attributes" attributes={span.attributes} />
      {span.events.length > 0 && (
        <>
          <h4 className="insp-h">Events ({span.events.length})</h4>
          <ol className="insp-events">
            {span.events.map((e, k) => (
              <li key={k}>
                <span className="insp-num insp-event-t">{formatOffset(e.t - span.start)}</span> <strong>{e.name}</strong>
                {Object.keys(e.attributes).length > 0 && <AttrList attributes={e.attributes} />}
              </li>
            ))}
          </ol>
        </>
      )}
      {span.links && span.links.length > 0 && (
        <>
          <h4 className="insp-h">Links ({span.links.length})</h4>
          <ul className="insp-events">
            {span.links.map((l, k) => (
              <li key={k} className="mono">
                {l.traceId} / {l.spanId}
                {Object.keys(l.attributes).length > 0 && <AttrList attributes={l.attributes} />}
              </li>
            ))}
          </ul>
        </>
      )}
      <AttributeTable title="Resource" attributes={trace.resources[span.resource] ?? {}} />
    </section>
  );
}

function Fact(p: { label: string; value: string; num?: boolean; error?: boolean; title?: string }) {
  const cls = [p.num && 'insp-num', p.error && 'insp-error'].filter(Boolean).join(' ');
  return (
    <div className="insp-fact">
      <dt>{p.label}</dt>
      <dd className={cls || undefined} title={p.title || undefined}>
        {p.value}
      </dd>
    </div>
  );
}

function IdRow({ label, copyLabel, value }: { label: string; copyLabel: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="insp-id">
        {value ? (
          <>
            <span className="mono">{value}</span>
            <CopyButton label={copyLabel} text={() => value} small>
              Copy
            </CopyButton>
          </>
        ) : (
          <span className="muted">none (root span)</span>
        )}
      </dd>
    </>
  );
}

const isLatency = (key: string): boolean => key.startsWith('proxy.kong.latency.');

function AttributeTable({ title, attributes }: { title: string; attributes: Attributes }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return (
    <>
      <h4 className="insp-h">
        {title} ({entries.length})
      </h4>
      {entries.length === 0 ? (
        <p className="muted insp-none">None.</p>
      ) : (
        <table className="insp-attrs">
          <tbody>
            {entries.map(([k, v]) => {
              const hint = describeAttribute(k);
              const entity = typeof v === 'string' ? entityKindOf(k) : undefined;
              return (
                <tr key={k}>
                  <th scope="row" title={hint ?? undefined} className={hint ? 'insp-known' : undefined}>
                    {k}
                  </th>
                  <td>
                    {entity ? <EntityName kind={entity} id={v as string} /> : attrText(v)}
                    {isLatency(k) && typeof v !== 'object' && <span className="muted"> ms</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function AttrList({ attributes }: { attributes: Attributes }) {
  return (
    <ul className="insp-attrlist">
      {Object.entries(attributes).map(([k, v]) => (
        <li key={k}>
          <span className="muted">{k}</span> = {attrText(v)}
        </li>
      ))}
    </ul>
  );
}
