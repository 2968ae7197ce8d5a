/**
 * The app-wide keyboard shortcuts, one list: the handler below and the shortcuts dialog both read it, so
 * what the dialog says is what the keys do.
 */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'F6 / Shift+F6', does: 'Move to the next / previous pane: trace list, map, waterfall, logs, span details' },
  { keys: '/', does: 'Search the trace list' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Arrow keys, Home, End', does: 'Move in the trace list, the map and the spans' },
  { keys: 'Enter', does: 'Select the trace, map node or span under the cursor' },
  { keys: 'Escape', does: 'In the spans: clear the search, then the zoom, then the selection; in the trace list: stop showing a trace set' },
  { keys: 'Drag across the bars or the minimap', does: 'Zoom the waterfall to that time' },
  { keys: 'Ctrl/Cmd + wheel', does: 'Zoom the waterfall around the pointer' },
  { keys: 'Double-click the bars or the axis', does: 'Show the whole trace again' },
];

/** The panes F6 visits, in order, each by the element that takes focus in it. */
export const PANES: readonly { name: string; selector: string }[] = [
  { name: 'trace list', selector: '[role="grid"][aria-label="Traces"]' },
  { name: 'map', selector: 'figure[aria-label="Transaction map"] [role="button"][tabindex="0"]' },
  { name: 'waterfall', selector: '[role="tree"][aria-label="Spans"]' },
  { name: 'logs', selector: 'section[aria-label="Logs"]' },
  { name: 'span details', selector: 'section[aria-label="Span details"]' },
];

/** Where F6 goes from the pane holding `current` (-1: none), skipping panes not on screen. */
export function nextPane(present: readonly boolean[], current: number, step: 1 | -1): number {
  const n = present.length;
  for (let k = 1; k <= n; k++) {
    const i = (((current < 0 ? (step === 1 ? -1 : 0) : current) + step * k) % n + n) % n;
    if (present[i]) return i;
  }
  return -1;
}

/** True when the key press is text entry (an input, a text area, a select, an editable element). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
