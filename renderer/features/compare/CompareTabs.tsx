/**
 * Tabs inside the compare view (ARIA tabs pattern, arrow keys between tabs). Panels named in `keep` stay
 * mounted while hidden (the aligned waterfall keeps its `n` / `p` keys and scroll position); the others
 * are drawn only while shown.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export function CompareTabs<T extends string>({ label, tabs, tab, onTab, panel, keep = [] }: { label: string; tabs: { id: T; label: string }[]; tab: T; onTab(id: T): void; panel(id: T): ReactNode; keep?: T[] }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const base = label.toLowerCase().replace(/\W+/g, '-');
  function onKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    onTab(next.id);
    refs.current[next.id]?.focus();
  }
  return (
    <div className="cmp-tabs">
      <div role="tablist" aria-label={label} className="tv-tablist" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`cmp-${base}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`cmp-${base}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs
        .filter((t) => t.id === tab || keep.includes(t.id))
        .map((t) => (
          <div key={t.id} role="tabpanel" id={`cmp-${base}-panel-${t.id}`} aria-labelledby={`cmp-${base}-tab-${t.id}`} className="cmp-tabpanel" hidden={t.id !== tab}>
            {panel(t.id)}
          </div>
        ))}
    </div>
  );
}
