/**
 * The list pane's two tabs: the trace list and session insights (issue 19). Both follow the same
 * expression filter, held in the store, so switching tabs keeps what is filtered. The tabs sit in each
 * one's own bar, so they take no height from the list. Insights need room: opening them expands a compact
 * list pane (as the list's own expand button does), and going back to the list compacts it again.
 */
import { useRef, useState } from 'react';
import { useListSize } from '../shell/Workspace';
import { FilteredTraceList } from '../trace-filter/FilteredTraceList';
import { InsightsView } from './InsightsView';
import './Insights.css';

type Tab = 'traces' | 'insights';

export function ListOrInsights() {
  const [tab, setTab] = useState<Tab>('traces');
  const size = useListSize();
  const grew = useRef(false);
  const open = (t: Tab) => {
    if (t === tab) return;
    setTab(t);
    if (t === 'insights' && size && !size.expanded) {
      size.toggle();
      grew.current = true;
    } else if (t === 'traces' && grew.current && size?.expanded) {
      size.toggle();
      grew.current = false;
    }
  };
  const tabs = (
    <div className="list-tabs-bar" role="tablist" aria-label="List or insights">
      {(['traces', 'insights'] as const).map((t) => (
        <button key={t} role="tab" type="button" aria-selected={tab === t} className="list-tab" onClick={() => open(t)}>
          {t === 'traces' ? 'Traces' : 'Insights'}
        </button>
      ))}
    </div>
  );
  return tab === 'traces' ? <FilteredTraceList tabs={tabs} /> : <InsightsView tabs={tabs} />;
}
