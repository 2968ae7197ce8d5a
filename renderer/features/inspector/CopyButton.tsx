import { useEffect, useState, type ReactNode } from 'react';

type State = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and says so for a moment (the button's label stays for screen readers). */
export function CopyButton(p: { label: string; text: () => string; small?: boolean; children: ReactNode }) {
  const [state, setState] = useState<State>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(p.text()).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className={`insp-copy${p.small ? ' insp-copy-small' : ''}`} aria-label={p.label} title={p.label} onClick={copy}>
      {/* the text keeps its width so the layout does not jump when it changes */}
      <span className={state === 'idle' ? undefined : 'insp-copy-hidden'}>{p.children}</span>
      {state !== 'idle' && <span className="insp-copy-note">{state === 'copied' ? 'Copied' : 'Failed'}</span>}
    </button>
  );
}
