import type { KeyboardEvent } from 'react';

interface Props {
  search: string;
  onSearch(query: string): void;
  /** matches of the search, null when there is no search */
  matchCount: number | null;
  /** 1-based position of the cursor among the matches, 0 when it is on none */
  matchAt: number;
  onNextMatch(step: 1 | -1): void;
  hide: boolean;
  onHide(hide: boolean): void;
  hiddenCount: number;
  maxLevel: number;
  onLevel(level: number | 'all'): void;
}

/** Search and collapse by level, above the waterfall. */
export function WaterfallToolbar(p: Props) {
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      p.onNextMatch(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape' && p.search) {
      e.preventDefault();
      e.stopPropagation();
      p.onSearch('');
    }
  };
  const levels = Array.from({ length: Math.min(p.maxLevel, 12) }, (_, k) => k + 1);
  return (
    <div className="wf-toolbar">
      <input
        type="search"
        className="wf-search"
        placeholder="Search spans (name, id, key=value)"
        aria-label="Search spans"
        value={p.search}
        onChange={(e) => p.onSearch(e.target.value)}
        onKeyDown={onKey}
      />
      {p.matchCount !== null && (
        <span className="wf-matches" role="status">
          {p.matchCount === 0 ? 'No matches' : `${p.matchAt ? `${p.matchAt} of ` : ''}${p.matchCount} ${p.matchCount === 1 ? 'match' : 'matches'}`}
        </span>
      )}
      {p.matchCount !== null && p.matchCount > 0 && (
        <>
          <button type="button" className="wf-icon" aria-label="Previous match" title="Previous match (Shift+Enter)" onClick={() => p.onNextMatch(-1)}>
            ↑
          </button>
          <button type="button" className="wf-icon" aria-label="Next match" title="Next match (Enter)" onClick={() => p.onNextMatch(1)}>
            ↓
          </button>
        </>
      )}
      <label className="wf-check">
        <input type="checkbox" checked={p.hide} onChange={(e) => p.onHide(e.target.checked)} />
        Hide non-matches
      </label>
      {p.hide && p.hiddenCount > 0 && <span className="wf-hidden-note">{p.hiddenCount.toLocaleString()} spans hidden</span>}
      <span className="wf-spacer" />
      <select
        aria-label="Expand to level"
        value=""
        onChange={(e) => {
          const v = e.target.value;
          if (v) p.onLevel(v === 'all' ? 'all' : Number(v));
        }}
      >
        <option value="">Level…</option>
        {levels.map((l) => (
          <option key={l} value={l}>
            Level {l}
          </option>
        ))}
        <option value="all">All levels</option>
      </select>
      <button type="button" onClick={() => p.onLevel(1)}>
        Collapse all
      </button>
      <button type="button" onClick={() => p.onLevel('all')}>
        Expand all
      </button>
    </div>
  );
}
