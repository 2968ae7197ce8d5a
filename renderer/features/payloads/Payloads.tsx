/**
 * The captured request and response of the selected trace (sanitized at import and as shown): headers as a table,
 * bodies pretty-printed when JSON, and a plain note when nothing was captured. All of it as text.
 */
import { useMemo } from 'react';
import type { PayloadPart } from '../../../shared/model/types';
import { sanitizePayload } from '../../../shared/sanitize';
import { usePayload } from '../../db/repo';
import { useStore } from '../../store';
import { CopyButton } from '../../ui/CopyButton';
import { contentTypeOf, headerRows, prettyBody } from './pretty';
import './Payloads.css';

export function Payloads() {
  const sessionId = useStore((s) => s.sessionId);
  const traceId = useStore((s) => s.traceId);
  const stored = usePayload(sessionId, traceId);
  // sanitized again as shown (idempotent), so payloads stored before a masking rule was added get it too
  const payload = useMemo(() => (stored ? sanitizePayload(stored) : stored), [stored]);
  if (payload === undefined) return null;
  if (payload === null) {
    return (
      <section className="payloads" aria-label="Payloads">
        <p className="payloads-empty muted">
          No headers or bodies were captured for this trace. Konnect captures them only when the debugger session is started with
          header or body capture on (payloads are kept for 3 days).
        </p>
      </section>
    );
  }
  return (
    <section className="payloads" aria-label="Payloads">
      <Part title="Request" part={payload.request} />
      <Part title="Response" part={payload.response} />
    </section>
  );
}

function Part({ title, part }: { title: string; part: PayloadPart }) {
  const rows = useMemo(() => headerRows(part.headers), [part.headers]);
  const body = useMemo(() => (part.body === undefined ? null : prettyBody(part.body, contentTypeOf(part.headers))), [part]);
  return (
    <section className="payload-part" aria-label={title}>
      <h3>{title}</h3>
      <h4>Headers</h4>
      {rows.length === 0 ? (
        <p className="muted">No headers captured.</p>
      ) : (
        <table className="headers-table">
          <tbody>
            {rows.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row" className="mono">
                  {name}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>
        Body {body?.json && <span className="muted">(JSON, pretty-printed)</span>}
        {body && body.text && <CopyButton text={part.body ?? ''} label={`Copy ${title.toLowerCase()} body`} small />}
      </h4>
      {body === null ? (
        <p className="muted">Body not captured.</p>
      ) : body.text === '' ? (
        <p className="muted">Empty body.</p>
      ) : (
        <pre className="payload-body mono">{body.text}</pre>
      )}
    </section>
  );
}
