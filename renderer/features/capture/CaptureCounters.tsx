/** Live numbers of a capture: requests received, sampled and rejected, and what was dropped. */
import { useEffect, useState } from 'react';
import type { CaptureStatus } from '../../../shared/bridge/capture';
import { endReasonText, formatRemaining } from './capture-session';

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function CaptureCounters({ status }: { status: CaptureStatus }) {
  const running = status.state === 'running';
  const now = useNow(running);
  const c = status.counters;
  const dropped = c.orphansDropped + c.lateDropped;
  return (
    <div className="capture-counters">
      <p className="capture-state" role="status">
        {running ? (
          <>
            <span className="badge badge-running">listening</span> on <code>{status.url}</code> · {formatRemaining(status.endsAt - now)} left
          </>
        ) : (
          <>Ended: {endReasonText(status)}</>
        )}
      </p>
      {status.warning && <p className="capture-warning">{status.warning}</p>}
      <dl>
        <div>
          <dt>Received</dt>
          <dd data-testid="capture-received">{c.received.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Sampled</dt>
          <dd data-testid="capture-sampled">
            {c.sampled.toLocaleString()} / {status.maxTraces.toLocaleString()}
          </dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd data-testid="capture-rejected">{c.rejected.toLocaleString()}</dd>
        </div>
      </dl>
      <p className="muted capture-detail">
        {c.spansKept.toLocaleString()} spans and {c.logsKept.toLocaleString()} log lines kept
        {c.held > 0 && ` · ${c.held.toLocaleString()} waiting for their root span`}
        {dropped > 0 && ` · ${dropped.toLocaleString()} dropped (root never arrived, or after the end)`}
        {status.receiver.badRequests > 0 && ` · ${status.receiver.badRequests} bad requests refused`}
        {status.receiver.busy > 0 && ` · ${status.receiver.busy} times asked the gateway to retry`}
      </p>
    </div>
  );
}
