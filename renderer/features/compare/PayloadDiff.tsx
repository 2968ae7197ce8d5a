/**
 * The two requests' captured payloads side by side (issue 20): headers that differ (ids and dates hidden
 * and named), and the bodies: JSON member by member, other bodies as text. Sanitized again as shown, like
 * the trace view's Payloads tab; all of it text, never markup.
 */
import { useMemo } from 'react';
import { payloadDiff, type PartDiff, type ValueDiffRow } from '../../../shared/compare/payload-diff';
import { sanitizePayload } from '../../../shared/sanitize';
import { usePayload } from '../../db/repo';
import type { CompareRef } from './compare-slice';

export function PayloadDiff({ a, b }: { a: CompareRef; b: CompareRef }) {
  const storedA = usePayload(a.sessionId, a.traceId);
  const storedB = usePayload(b.sessionId, b.traceId);
  const diff = useMemo(() => (storedA === undefined || storedB === undefined ? undefined : payloadDiff(storedA && sanitizePayload(storedA), storedB && sanitizePayload(storedB))), [storedA, storedB]);
  if (diff === undefined) return <section className="cmp-diff cmp-payloads" aria-label="Payload differences" aria-busy="true" />;
  if (diff === null) {
    return (
      <section className="cmp-diff cmp-payloads" aria-label="Payload differences">
        <p className="muted">No headers or bodies were captured for A or B.</p>
      </section>
    );
  }
  return (
    <section className="cmp-diff cmp-payloads" aria-label="Payload differences">
      {(!storedA || !storedB) && <p className="muted">Only {storedA ? 'A' : 'B'} had its headers and bodies captured.</p>}
      <Part title="Request" part={diff.request} />
      <Part title="Response" part={diff.response} />
    </section>
  );
}

function Rows({ label, rows, caption }: { label: string; rows: ValueDiffRow[]; caption: string }) {
  return (
    <table className="cmp-attrs" aria-label={label}>
      <caption className="muted">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label.includes('body') ? 'member' : 'header'}</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
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
  );
}

const differing = (rows: ValueDiffRow[]) => rows.filter((r) => r.change !== 'same').length;

function Part({ title, part }: { title: string; part: PartDiff }) {
  const lower = title.toLowerCase();
  const { body } = part;
  return (
    <section className="cmp-payload-part" aria-label={`${title} payload`}>
      <h3 className="cmp-diff-title">{title}</h3>
      {part.headers.length === 0 ? (
        <p className="muted">No headers captured.</p>
      ) : (
        <Rows
          label={`${title} header differences`}
          rows={part.headers}
          caption={`${differing(part.headers)} of ${part.headers.length} headers differ${part.hiddenHeaders.length ? ` · ${part.hiddenHeaders.length} ids and dates hidden (${part.hiddenHeaders.join(', ')})` : ''}`}
        />
      )}
      {body.kind === 'none' ? (
        <p className="muted">No {lower} body captured.</p>
      ) : body.kind === 'json' ? (
        <Rows label={`${title} body differences`} rows={body.rows} caption={`JSON: ${differing(body.rows)} of ${body.rows.length} members differ${body.truncated ? ' (the first 2,000 compared)' : ''}`} />
      ) : (
        <div className="cmp-body-text" role="group" aria-label={`${title} bodies`}>
          <p className="muted">{body.same ? 'The bodies are the same.' : 'The bodies differ:'}</p>
          {!body.same && (
            <div className="cmp-body-cols">
              <pre className="payload-body mono" aria-label={`A's ${lower} body`}>{body.a ?? '(not captured)'}</pre>
              <pre className="payload-body mono" aria-label={`B's ${lower} body`}>{body.b ?? '(not captured)'}</pre>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
