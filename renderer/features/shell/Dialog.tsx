/**
 * An in-app modal dialog on the native <dialog> (focus kept inside, Escape closes, the page behind
 * inert): what the app uses instead of window.confirm / alert / prompt, which the desktop runtime lacks.
 * Mount it to open it.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, children, actions, wide }: { title: string; onClose(): void; children: ReactNode; actions: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className={`app-dialog${wide ? ' wide' : ''}`} aria-label={title} onClose={onClose}>
      <h2 className="app-dialog-title">{title}</h2>
      <div className="app-dialog-body">{children}</div>
      <div className="app-dialog-actions">{actions}</div>
    </dialog>
  );
}
