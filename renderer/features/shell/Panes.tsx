/**
 * Resizable panes (react-resizable-panels) whose splits are remembered in the layout slice relative to
 * their group, so a split made in a small window keeps its proportions in a big one. Separators show a
 * grip, take focus and move with the arrow keys (Home/End to the limits), as the library provides.
 */
import { useState, type ReactNode } from 'react';
import { Group, Separator } from 'react-resizable-panels';
import { useStore } from '../../store';

export { Panel as Pane, usePanelRef as usePaneRef } from 'react-resizable-panels';

export function PaneGroup({ id, orientation, className, children }: { id: string; orientation: 'horizontal' | 'vertical'; className?: string; children: ReactNode }) {
  const setPaneLayout = useStore((s) => s.setPaneLayout);
  // the saved split is only the starting point; later changes come from the user's own drags
  const [initial] = useState(() => useStore.getState().paneLayouts[id]);
  return (
    <Group
      id={id}
      orientation={orientation}
      className={className}
      defaultLayout={initial}
      onLayoutChanged={(layout, meta) => {
        if (meta.isUserInteraction) setPaneLayout(id, meta.requestedLayout ?? layout);
      }}
    >
      {children}
    </Group>
  );
}

/** The handle between two panes: a line with a grip in its middle, wider to the pointer than it looks. */
export function PaneHandle({ label, orientation }: { label: string; orientation: 'horizontal' | 'vertical' }) {
  return (
    <Separator className={`pane-handle pane-handle-${orientation}`} aria-label={label} title={`${label} (drag, or focus and use the arrow keys)`}>
      <span className="pane-grip" aria-hidden="true" />
    </Separator>
  );
}
