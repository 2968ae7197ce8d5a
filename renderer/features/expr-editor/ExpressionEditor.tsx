/**
 * The sampling-expression editor: the trace list's filter and the Konnect sampling-rule field. A
 * transparent input over a layer of coloured text spans (text only, never HTML), a wavy underline under
 * the first error with its message and an optional fix below, an ARIA combobox popup of fields,
 * operators and values seen in the session, and a dropdown of recent expressions.
 */
import type { KeyboardEvent } from 'react';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CompletionItem, SeenValues } from '../../../shared/expr';
import { applyFix, compile, complete, formatError } from '../../../shared/expr';
import { applyCompletion, continuesAfter, initialActive, segments, visibleItems } from './editor-model';
import { Highlight } from './Highlight';
import { OptionList } from './OptionList';
import './ExpressionEditor.css';

export interface ExpressionEditorProps {
  value: string;
  onChange(value: string): void;
  /** Enter with no suggestion chosen */
  onSubmit?(value: string): void;
  placeholder?: string;
  /** values seen in the session, by field name */
  suggestions?: SeenValues;
  /** recent expressions, newest first */
  history?: readonly string[];
  'aria-label': string;
  /** a short note under the input when there is no error, e.g. "42 of 1,200 traces" */
  hint?: string;
  id?: string;
  className?: string;
}

type Popup = { mode: 'complete'; active: number } | { mode: 'history'; active: number } | null;

export function ExpressionEditor(props: ExpressionEditorProps) {
  const { value, onChange, onSubmit, placeholder, suggestions, history = [], hint } = props;
  const baseId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const highlightRef = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [caret, setCaret] = useState(value.length);
  const [popup, setPopup] = useState<Popup>(null);

  const error = useMemo(() => {
    if (value.trim() === '') return null;
    const r = compile(value);
    return r.ok ? null : r.errors[0]!;
  }, [value]);
  const segs = useMemo(() => segments(value, error), [value, error]);
  const completion = useMemo(() => (popup?.mode === 'complete' ? complete(value, caret, suggestions) : null), [popup?.mode, value, caret, suggestions]);
  const items = popup?.mode === 'complete' ? visibleItems(value, completion) : [];
  const historyItems = popup?.mode === 'history' ? history : [];
  const open = popup !== null && (popup.mode === 'complete' ? items.length > 0 : historyItems.length > 0);
  const count = popup?.mode === 'history' ? historyItems.length : items.length;

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && pendingCaret.current !== null) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    syncScroll();
  });

  function syncScroll() {
    if (inputRef.current && highlightRef.current) highlightRef.current.scrollLeft = inputRef.current.scrollLeft;
  }

  function edit(text: string, at: number, next: Popup) {
    pendingCaret.current = at;
    setCaret(at);
    setPopup(next);
    onChange(text);
  }

  function openCompletion(text: string, at: number) {
    const items = visibleItems(text, complete(text, at, suggestions));
    setPopup(items.length > 0 ? { mode: 'complete', active: initialActive(items) } : { mode: 'complete', active: -1 });
  }

  function choose(item: CompletionItem) {
    if (!completion) return;
    const { text, caret: at } = applyCompletion(value, completion, item);
    if (continuesAfter(item)) {
      const nextItems = visibleItems(text, complete(text, at, suggestions));
      edit(text, at, { mode: 'complete', active: initialActive(nextItems) });
    } else {
      edit(text, at, null);
    }
  }

  function chooseHistory(entry: string) {
    edit(entry, entry.length, null);
  }

  function move(delta: number) {
    if (!popup || count === 0) return;
    const next = popup.active < 0 ? (delta > 0 ? 0 : count - 1) : (popup.active + delta + count) % count;
    setPopup({ ...popup, active: next });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const active = popup?.active ?? -1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (e.altKey || (!open && value === '' && history.length > 0)) setPopup({ mode: 'history', active: 0 });
        else if (!open) openCompletion(value, caret);
        else move(1);
        return;
      case 'ArrowUp':
        if (open) {
          e.preventDefault();
          move(-1);
        }
        return;
      case 'Enter':
      case 'Tab':
        if (open && active >= 0) {
          e.preventDefault();
          if (popup?.mode === 'history') chooseHistory(historyItems[active]!);
          else choose(items[active]!);
          return;
        }
        if (e.key === 'Enter') {
          e.preventDefault();
          setPopup(null);
          onSubmit?.(value);
        }
        return;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setPopup(null);
        }
        return;
      case ' ':
        if (e.ctrlKey) {
          e.preventDefault();
          openCompletion(value, caret);
        }
        return;
      default:
        return;
    }
  }

  const listId = `${baseId}-list`;
  const errorId = `${baseId}-error`;
  const hintId = `${baseId}-hint`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;
  const activeId = open && popup && popup.active >= 0 ? optionId(popup.active) : undefined;

  return (
    <div className={`ktv-expr${props.className ? ` ${props.className}` : ''}`}>
      <div className={`ktv-expr__field${error ? ' ktv-expr__field--invalid' : ''}`}>
        <div className="ktv-expr__box">
          <Highlight ref={highlightRef} segments={segs} />
          <input
            ref={inputRef}
            id={props.id}
            className="ktv-expr__input"
            type="text"
            role="combobox"
            aria-label={props['aria-label']}
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeId}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : hint ? hintId : undefined}
            value={value}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            onChange={(e) => {
              const at = e.target.selectionStart ?? e.target.value.length;
              setCaret(at);
              onChange(e.target.value);
              openCompletion(e.target.value, at);
            }}
            onSelect={(e) => {
              setCaret(e.currentTarget.selectionStart ?? value.length);
              syncScroll();
            }}
            onScroll={syncScroll}
            onKeyDown={onKeyDown}
            onBlur={() => setPopup(null)}
          />
        </div>
        {history.length > 0 && (
          <button
            type="button"
            className="ktv-expr__history-button"
            aria-label="Recent expressions"
            aria-haspopup="listbox"
            aria-expanded={popup?.mode === 'history'}
            aria-controls={listId}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setPopup(popup?.mode === 'history' ? null : { mode: 'history', active: 0 });
              inputRef.current?.focus();
            }}
          >
            ▾
          </button>
        )}
      </div>
      {error ? (
        <div className="ktv-expr__message" id={errorId}>
          <span className="ktv-expr__error-text">{formatError(error)}</span>
          {error.fix && (
            <button
              type="button"
              className="ktv-expr__fix"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                const fix = error.fix!;
                const text = applyFix(value, fix);
                edit(text, fix.column - 1 + fix.replacement.length, null);
                inputRef.current?.focus();
              }}
            >
              Fix: {error.fix.label}
            </button>
          )}
        </div>
      ) : (
        hint && (
          <div className="ktv-expr__message ktv-expr__message--hint" id={hintId}>
            {hint}
          </div>
        )
      )}
      {/* below the message, so an error stays readable while choosing a suggestion */}
      <OptionList
        id={listId}
        open={open}
        label={popup?.mode === 'history' ? 'Recent expressions' : 'Suggestions'}
        options={
          popup?.mode === 'history'
            ? historyItems.map((h) => ({ label: h, kind: 'history' as const }))
            : items.map((i) => ({ label: i.label, kind: i.kind, detail: i.detail, description: i.description }))
        }
        active={popup?.active ?? -1}
        optionId={optionId}
        onPick={(i) => (popup?.mode === 'history' ? chooseHistory(historyItems[i]!) : choose(items[i]!))}
      />
    </div>
  );
}
