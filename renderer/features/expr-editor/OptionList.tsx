/** The popup listbox shared by autocomplete and history; options are picked with the mouse or keyboard. */
import { useEffect, useRef } from 'react';

export interface Option {
  label: string;
  kind: string;
  detail?: string;
  description?: string;
}

interface OptionListProps {
  id: string;
  open: boolean;
  label: string;
  options: Option[];
  active: number;
  optionId(index: number): string;
  onPick(index: number): void;
}

export function OptionList({ id, open, label, options, active, optionId, onPick }: OptionListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (active >= 0) listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // the listbox stays in the DOM (hidden) so the input's aria-controls always names an element
  return (
    <ul ref={listRef} id={id} role="listbox" aria-label={label} className="ktv-expr__list" hidden={!open}>
      {open &&
        options.map((o, i) => (
          <li
            key={`${o.kind}:${o.label}`}
            id={optionId(i)}
            data-index={i}
            role="option"
            aria-selected={i === active}
            className={`ktv-expr__option ktv-expr__option--${o.kind}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(i)}
          >
            <span className="ktv-expr__option-label">{o.label}</span>
            {o.detail && <span className="ktv-expr__option-detail">{o.detail}</span>}
            {o.description && <span className="ktv-expr__option-description">{o.description}</span>}
          </li>
        ))}
    </ul>
  );
}
