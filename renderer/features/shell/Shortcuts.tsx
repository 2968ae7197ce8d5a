/**
 * App-wide keys: F6 cycles the panes, `/` goes to the trace search, `?` opens the list of shortcuts
 * (an in-app dialog, closed by Escape).
 */
import { useEffect, useState } from 'react';
import { Dialog } from './Dialog';
import { isTyping, nextPane, PANES, SHORTCUTS } from './shortcuts';

function focusPane(step: 1 | -1): void {
  const els = PANES.map((p) => document.querySelector<HTMLElement>(p.selector));
  const active = document.activeElement;
  // a pane is the focus element's own box, or for the map its figure (any of its nodes may hold focus)
  const current = els.findIndex((el, i) => {
    const box = el && PANES[i]!.name === 'map' ? el.closest('figure') : el;
    return !!box && !!active && box.contains(active);
  });
  const i = nextPane(
    els.map((el) => !!el),
    current,
    step,
  );
  const el = i >= 0 ? els[i]! : null;
  if (!el) return;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

export function Shortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'F6') {
        e.preventDefault();
        focusPane(e.shiftKey ? -1 : 1);
        return;
      }
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('input[aria-label="Filter traces"]');
        if (!search) return;
        e.preventDefault();
        search.focus();
        search.select();
      } else if (e.key === '?') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <Dialog
      title="Keyboard shortcuts"
      wide
      onClose={() => setOpen(false)}
      actions={
        <button type="button" className="primary" onClick={() => setOpen(false)}>
          Close
        </button>
      }
    >
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
