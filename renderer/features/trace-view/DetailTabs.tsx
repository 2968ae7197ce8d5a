/** The Logs / Payloads tabs beside the waterfall; arrow keys move between tabs (ARIA tabs pattern). */
import { useRef, type KeyboardEvent } from 'react';
import type { TraceSpans } from '../../../shared/model/types';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import type { DetailTab } from '../logs/logs-slice';
import { Logs } from '../logs/Logs';
import { Payloads } from '../payloads/Payloads';

const TABS: { id: DetailTab; label: string }[] = [
  { id: 'logs', label: 'Logs' },
  { id: 'payloads', label: 'Payloads' },
];

export function DetailTabs({ trace, row }: { trace: TraceSpans; row: TraceRow | null }) {
  const tab = useStore((s) => s.detailTab);
  const setTab = useStore((s) => s.setDetailTab);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  function onKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    refs.current[next.id]?.focus();
  }

  const counts: Record<DetailTab, string> = {
    logs: row ? String(row.logCount) : '',
    payloads: row?.hasPayload ? '●' : '',
  };
  return (
    <div className="tv-tabs">
      <div role="tablist" aria-label="Trace details" className="tv-tablist" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tv-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tv-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {counts[t.id] && <span className="tab-count muted"> {counts[t.id]}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tv-panel-${tab}`} aria-labelledby={`tv-tab-${tab}`} className="tv-tabpanel">
        {tab === 'logs' ? <Logs trace={trace} /> : <Payloads />}
      </div>
    </div>
  );
}
