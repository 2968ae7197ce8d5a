/**
 * Where a drafted rule waits (live capture, Konnect's new-session form): says where the rule comes from,
 * and lets the user discard it. The rule itself is in the form's editor, where it can be changed.
 */
import { useState } from 'react';
import { useStore } from '../../store';
import type { RuleDraft, RuleTarget } from './rule-draft-slice';
import './rule-draft.css';

export function RuleDraftNote({ target, onDiscard }: { target: RuleTarget; onDiscard?: () => void }) {
  const draft = useRuleDraft(target);
  const clear = useStore((s) => s.clearRuleDraft);
  if (!draft) return null;
  return (
    <p className="rule-draft">
      <span>
        From insights, for more like these: <span className="rule-draft-why">{draft.why}</span>
      </span>
      <button
        type="button"
        onClick={() => {
          clear();
          onDiscard?.();
        }}
      >
        Discard
      </button>
    </p>
  );
}

/** The draft for this form, or null: what the form starts with and takes again when a new one comes. */
export function useRuleDraft(target: RuleTarget) {
  return useStore((s) => (s.ruleDraft?.target === target ? s.ruleDraft : null));
}

/**
 * The draft for this form, calling `onNew` (with this component's state setters) while rendering when one
 * is there that this component has not seen, on its first render too: the form takes its rule, the panel
 * or dialog holding the form opens.
 */
export function useNewRuleDraft(target: RuleTarget, onNew: (draft: RuleDraft) => void): RuleDraft | null {
  const draft = useRuleDraft(target);
  const [seen, setSeen] = useState<RuleDraft | null>(null);
  if (draft !== seen) {
    setSeen(draft);
    if (draft) onNew(draft);
  }
  return draft;
}
