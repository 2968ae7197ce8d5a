/**
 * The one copy button: copies text to the clipboard and says "Copied" (or "Failed") for a moment over its
 * label, which keeps its width so nothing jumps; the accessible name stays `label`. A click on it never
 * reaches the row it sits in (a log line, a list row).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { copyText } from './copy';
import './ui.css';

type State = 'idle' | 'copied' | 'failed';

export function CopyButton({ label, text, small, children = 'Copy' }: { label: string; text: string | (() => string); small?: boolean; children?: ReactNode }) {
  const [state, setState] = useState<State>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={`copy-button${small ? ' copy-button-small' : ''}`}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        void copyText(typeof text === 'function' ? text() : text).then((ok) => setState(ok ? 'copied' : 'failed'));
      }}
    >
      <span className={state === 'idle' ? undefined : 'copy-button-hidden'}>{children}</span>
      {state !== 'idle' && <span className="copy-button-note">{state === 'copied' ? 'Copied' : 'Failed'}</span>}
    </button>
  );
}
