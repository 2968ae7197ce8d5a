/**
 * The window below the header: sessions sidebar | (trace list / trace view), in resizable panes.
 * The trace list gives way first: in a window under 900 px tall it starts as a strip of a few rows (the
 * map, the waterfall and the logs are what the user came for) and one button expands it.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Pane, PaneGroup, PaneHandle, usePaneRef } from './Panes';

/** the list bar, its column header and a few rows (two in a window under 760 px tall), in pixels (TraceList.css) */
const stripPx = () => 34 + 24 + (window.innerHeight < 760 ? 2 : 3) * 24;
const EXPANDED_LIST = '60%';
const TALL_WINDOW_PX = 900;

interface ListSize {
  expanded: boolean;
  toggle(): void;
}
const ListSizeContext = createContext<ListSize | null>(null);

/** The trace list's expand / compact toggle, for its bar; null outside a Workspace. */
export function useListSize(): ListSize | null {
  return useContext(ListSizeContext);
}

function listDefaultSize(): number | string {
  return window.innerHeight < TALL_WINDOW_PX ? stripPx() : '20%';
}

export function Workspace({ sidebar, list, view }: { sidebar: ReactNode; list: ReactNode; view: ReactNode }) {
  const listPane = usePaneRef();
  const [expanded, setExpanded] = useState(false);
  const [listDefault] = useState(listDefaultSize);
  const size: ListSize = {
    expanded,
    toggle() {
      const pane = listPane.current;
      if (!pane) return;
      pane.resize(expanded ? stripPx() : EXPANDED_LIST);
    },
  };
  return (
    <PaneGroup id="workspace" orientation="horizontal" className="app-body">
      <Pane id="sessions-pane" defaultSize="16%" minSize={170} maxSize="40%" className="sidebar-pane">
        <aside className="sidebar">{sidebar}</aside>
      </Pane>
      <PaneHandle orientation="vertical" label="Resize sessions sidebar" />
      <Pane id="main-pane" minSize="50%">
        <main className="app-main">
          <ListSizeContext.Provider value={size}>
            <PaneGroup id="main-split" orientation="vertical" className="app-main-panes">
              <Pane
                id="list-pane"
                panelRef={listPane}
                defaultSize={listDefault}
                minSize={34 + 24 + 24}
                maxSize="85%"
                className="list-pane"
                onResize={(s) => setExpanded(s.inPixels > stripPx() * 1.5)}
              >
                {list}
              </Pane>
              <PaneHandle orientation="horizontal" label="Resize trace list" />
              <Pane id="view-pane" minSize="15%" className="view-pane">
                {view}
              </Pane>
            </PaneGroup>
          </ListSizeContext.Provider>
        </main>
      </Pane>
    </PaneGroup>
  );
}
