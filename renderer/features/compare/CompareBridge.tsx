/**
 * The bridge (issue 20): A's total, one step per bucket of the latency model (the upstream expandable into
 * its steps, a gateway phase into its plugins and the rest of the phase), B's total. Each step is a bar
 * floating from the running total to the running total plus its delta, so the steps visibly walk from A's
 * total to B's; the figures are shared/compare/bridge.ts's, which add up exactly.
 */
import { useState } from 'react';
import type { Bridge } from '../../../shared/compare/bridge';
import { phaseColorVar } from '../../../shared/kong/phase-times';
import { formatDuration } from '../../../shared/util/duration';
import { phaseLabel } from '../transaction-map/phase-labels';
import { signedMs } from './compare-model';

const pct = (v: number, scale: number) => `${scale > 0 ? (v / scale) * 100 : 0}%`;

export function CompareBridge({ bridge }: { bridge: Bridge }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) => setOpen((o) => (o.has(key) ? new Set([...o].filter((k) => k !== key)) : new Set([...o, key])));
  // the scale: the largest running total on the way from A to B
  let run = bridge.aMs;
  let scale = Math.max(bridge.aMs, bridge.bMs);
  for (const s of bridge.steps) {
    run += s.deltaMs;
    scale = Math.max(scale, run);
  }
  const rows: { key: string; label: string; from: number; to: number; total?: boolean; color?: string; depth: number; expandable?: string; aMs: number; bMs: number; delta?: number }[] = [];
  rows.push({ key: 'A', label: 'A total', from: 0, to: bridge.aMs, total: true, depth: 0, aMs: bridge.aMs, bMs: bridge.aMs });
  run = bridge.aMs;
  for (const s of bridge.steps) {
    rows.push({ key: s.key, label: phaseLabel(s.key), from: run, to: run + s.deltaMs, color: `var(${phaseColorVar(s.key)})`, depth: 0, expandable: s.steps.length > 0 ? s.key : undefined, aMs: s.aMs, bMs: s.bMs, delta: s.deltaMs });
    if (open.has(s.key) && s.steps.length > 0) {
      let inner = run;
      for (const st of s.steps) {
        rows.push({ key: `${s.key}/${st.key}`, label: st.key, from: inner, to: inner + st.deltaMs, color: `var(${phaseColorVar(s.key)})`, depth: 1, aMs: st.aMs, bMs: st.bMs, delta: st.deltaMs });
        inner += st.deltaMs;
      }
    }
    run += s.deltaMs;
  }
  rows.push({ key: 'B', label: 'B total', from: 0, to: bridge.bMs, total: true, depth: 0, aMs: bridge.bMs, bMs: bridge.bMs });

  return (
    <section className="cmp-bridge" aria-label="Bridge from A to B">
      <ol className="cmp-bridge-rows">
        {rows.map((r) => {
          const lo = Math.min(r.from, r.to);
          const hi = Math.max(r.from, r.to);
          const sign = r.delta === undefined ? '' : r.delta > 0 ? 'up' : r.delta < 0 ? 'down' : 'zero';
          return (
            <li key={r.key} className={`cmp-bridge-row${r.total ? ' total' : ''}${r.depth ? ' inner' : ''}`} data-bucket={r.key} data-sign={sign}>
              <span className="cmp-bridge-label">
                {r.expandable ? (
                  <button
                    type="button"
                    className="cmp-disclose"
                    aria-expanded={open.has(r.expandable)}
                    onClick={() => toggle(r.expandable!)}
                    title={`${open.has(r.expandable) ? 'Hide' : 'Show'} ${r.expandable === 'upstream' ? 'the upstream steps' : `the plugins of ${r.label}`}`}
                  >
                    {open.has(r.expandable) ? '▾' : '▸'} {r.label}
                  </button>
                ) : (
                  r.label
                )}
              </span>
              <span className="cmp-bridge-track">
                <span className="cmp-bridge-bar" style={{ left: pct(lo, scale), width: pct(hi - lo, scale), ...(r.color && !r.total ? { background: r.color } : {}) }} />
              </span>
              <span className="cmp-bridge-figs mono">
                {r.total ? (
                  formatDuration(r.to * 1e6)
                ) : (
                  <>
                    <span className="muted">
                      {formatDuration(r.aMs * 1e6)} → {formatDuration(r.bMs * 1e6)}
                    </span>{' '}
                    <span className="cmp-bridge-delta" aria-label={`${r.label} delta`}>
                      {signedMs(r.delta ?? 0, formatDuration)}
                    </span>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
