/**
 * The list pane's two tabs: the trace list and session insights (issue 19). Both follow the same
 * expression filter, held in the store, so switching tabs keeps what is filtered. The tabs sit in each
 * one's own bar, so they take no height from the list.
 */
import { useState } from 'react';
import { FilteredTraceList } from '../trace-filter/FilteredTraceList';
import { InsightsView } from './InsightsView';
import './Insights.css';

type Tab = 'traces' | 'insights';

export function ListOrInsights() {
  const [tab, setTab] = useState<Tab>('traces');
  const tabs = (
    <div className="list-tabs-bar" role="tablist" aria-label="List or insights">
      {(['traces', 'insights'] as const).map((t) => (
        <button key={t} role="tab" type="button" aria-selected={tab === t} className="list-tab" onClick={() => setTab(t)}>
          {t === 'traces' ? 'Traces' : 'Insights'}
        </button>
      ))}
    </div>
  );
  return tab === 'traces' ? <FilteredTraceList tabs={tabs} /> : <InsightsView tabs={tabs} />;
}
