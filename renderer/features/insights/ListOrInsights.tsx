/**
 * The list pane's two tabs: the trace list and session insights (issue 19). Both follow the same
 * expression filter, held in the store, so switching tabs keeps what is filtered. The tabs sit in each
 * one's own bar, so they take no height from the list. Insights need room: opening them expands a compact
 * list pane (as the list's own expand button does), and going back to the list compacts it again. The tab
 * is in the store, since a figure of the insights that lists its traces switches to the list; what the
 * insights show is kept here, so coming back finds the same group and selection.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';
import { useListSize } from '../shell/Workspace';
import { FilteredTraceList } from '../trace-filter/FilteredTraceList';
import { selectTraceSet } from '../trace-filter/trace-filter-slice';
import { initialInsightsView, InsightsView, type InsightsViewState } from './InsightsView';
import './Insights.css';

export function ListOrInsights() {
  const tab = useStore((s) => s.listTab);
  const setTab = useStore((s) => s.setListTab);
  const sessionId = useStore((s) => s.sessionId);
  const listingSet = useStore((s) => selectTraceSet(s) !== null);
  const [view, setView] = useState<InsightsViewState>(() => initialInsightsView(sessionId));
  const size = useListSize();
  const grew = useRef(false);
  const shown = useRef(tab);
  // the pane's size follows the tab, however it changed (a tab, or a figure listing its traces: then the
  // list keeps the room, since a compact list under the set's chip would show hardly a row of it)
  useEffect(() => {
    if (shown.current === tab) return;
    shown.current = tab;
    if (tab === 'insights' && size && !size.expanded) {
      size.toggle();
      grew.current = true;
    } else if (tab === 'traces' && grew.current && size?.expanded) {
      if (!listingSet) size.toggle();
      grew.current = false;
    }
  }, [tab, size, listingSet]);
  const tabs = (
    <div className="list-tabs-bar" role="tablist" aria-label="List or insights">
      {(['traces', 'insights'] as const).map((t) => (
        <button key={t} role="tab" type="button" aria-selected={tab === t} className="list-tab" onClick={() => setTab(t)}>
          {t === 'traces' ? 'Traces' : 'Insights'}
        </button>
      ))}
    </div>
  );
  return tab === 'traces' ? <FilteredTraceList tabs={tabs} /> : <InsightsView tabs={tabs} state={view} onState={setView} />;
}
