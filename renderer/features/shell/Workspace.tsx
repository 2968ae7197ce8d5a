/**
 * The window below the header: sessions sidebar | (trace list / trace view), with splitters between them
 * whose sizes are remembered.
 */
import type { ReactNode } from 'react';
import { useStore } from '../../store';
import { Splitter } from '../trace-view/Splitter';

const SIDEBAR = { min: 180, max: 520 };
const LIST = { min: 96, max: 900 };
const DEFAULT_LIST_PX = 260;

export function Workspace({ sidebar, list, view }: { sidebar: ReactNode; list: ReactNode; view: ReactNode }) {
  const sidebarWidth = useStore((s) => s.sidebarWidth);
  const setSidebarWidth = useStore((s) => s.setSidebarWidth);
  const listPx = useStore((s) => s.paneSizes.traceList ?? DEFAULT_LIST_PX);
  const setPaneSize = useStore((s) => s.setPaneSize);
  return (
    <div className="app-body" style={{ gridTemplateColumns: `${sidebarWidth}px auto 1fr` }}>
      <aside className="sidebar">{sidebar}</aside>
      <Splitter orientation="vertical" label="Resize sessions sidebar" value={sidebarWidth} bounds={SIDEBAR} pxPerUnit={1} direction={1} step={16} onChange={setSidebarWidth} />
      <main className="app-main" style={{ gridTemplateRows: `${listPx}px auto minmax(0, 1fr)` }}>
        {list}
        <Splitter orientation="horizontal" label="Resize trace list" value={listPx} bounds={LIST} pxPerUnit={1} direction={1} step={24} onChange={(v) => setPaneSize('traceList', v)} />
        {view}
      </main>
    </div>
  );
}
