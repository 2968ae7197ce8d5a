/**
 * A button's popover (a menu, or a small panel such as Settings): one open at a time in the whole app,
 * closed by Escape (focus back on its button), by a click outside and by Tab in a menu; it takes focus
 * when it opens and the arrow keys (Home/End) move between its items. `aria-expanded` is the truth.
 */
import { useCallback, useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { create } from 'zustand';

const useOpen = create<{ id: string | null; set(id: string | null): void }>((set) => ({ id: null, set: (id) => set({ id }) }));

const ITEMS: Record<'menu' | 'panel', string> = {
  menu: '[role="menuitem"]:not([disabled])',
  panel: 'button:not([disabled]), select:not([disabled]), input:not([disabled]), a[href]',
};

export interface Popover {
  open: boolean;
  setOpen(open: boolean): void;
  /** closes it, and puts focus back on its button unless the user is going elsewhere */
  close(refocus?: boolean): void;
  /** moves focus to the first item (for a popover whose items arrive later) */
  focusFirst(): void;
  buttonProps: { ref: RefObject<HTMLButtonElement | null>; 'aria-expanded': boolean; 'aria-controls': string | undefined; onClick(): void; onKeyDown(e: KeyboardEvent): void };
  popoverProps: { ref: RefObject<HTMLDivElement & HTMLUListElement | null>; id: string; onKeyDown(e: KeyboardEvent): void };
}

export function usePopover(kind: 'menu' | 'panel' = 'menu'): Popover {
  const id = useId();
  const open = useOpen((s) => s.id === id);
  const button = useRef<HTMLButtonElement | null>(null);
  const popover = useRef<(HTMLDivElement & HTMLUListElement) | null>(null);

  const items = useCallback(() => [...(popover.current?.querySelectorAll<HTMLElement>(ITEMS[kind]) ?? [])], [kind]);
  const focusFirst = useCallback(() => (items()[0] ?? popover.current)?.focus(), [items]);
  const setOpen = useCallback(
    (next: boolean) => {
      const st = useOpen.getState();
      if (next) st.set(id);
      else if (st.id === id) st.set(null);
    },
    [id],
  );
  const close = useCallback(
    (refocus = true) => {
      setOpen(false);
      if (refocus) button.current?.focus();
    },
    [setOpen],
  );

  useEffect(() => {
    if (!open) return;
    focusFirst();
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!popover.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, focusFirst, setOpen]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key === 'Tab' && kind === 'menu') {
      setOpen(false);
      return;
    }
    const active = document.activeElement as HTMLElement | null;
    // in a panel, a select or a text field keeps its own arrow keys
    if (kind === 'panel' && active && (active.tagName === 'SELECT' || (active.tagName === 'INPUT' && (active as HTMLInputElement).type !== 'checkbox'))) return;
    const list = items();
    if (!list.length) return;
    const at = list.indexOf(active as HTMLElement);
    const next = { ArrowDown: (at + 1) % list.length, ArrowUp: (at - 1 + list.length) % list.length, Home: 0, End: list.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    list[next]!.focus();
  };

  return {
    open,
    setOpen,
    close,
    focusFirst,
    buttonProps: {
      ref: button,
      'aria-expanded': open,
      'aria-controls': open ? id : undefined,
      onClick: () => setOpen(!open),
      onKeyDown: (e) => {
        if (e.key === 'ArrowDown' && !open) {
          e.preventDefault();
          setOpen(true);
        } else if (e.key === 'Escape' && open) {
          e.preventDefault();
          close();
        }
      },
    },
    popoverProps: { ref: popover, id, onKeyDown },
  };
}
