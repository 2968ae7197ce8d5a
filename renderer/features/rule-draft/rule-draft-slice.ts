import type { Slice } from '../../store/slice';

/** Where a drafted sampling rule is to be used. */
export type RuleTarget = 'capture' | 'konnect';

/**
 * "Capture more like this" (session insights, docs/insights.md item 7): a sampling rule written from what
 * sets the slow requests apart, waiting in the live-capture form or the Konnect "new session" form until
 * the user starts a capture or a session with it, or discards it.
 */
export interface RuleDraft {
  /** the rule, in the expression language both forms take */
  rule: string;
  /** where it comes from, in words: `consumer = alice (80% of the selection, 10% of the rest)` */
  why: string;
  target: RuleTarget;
}

export interface RuleDraftSlice {
  ruleDraft: RuleDraft | null;
  draftRule(draft: RuleDraft): void;
  clearRuleDraft(): void;
}

export const createRuleDraftSlice: Slice<RuleDraftSlice> = (set) => ({
  ruleDraft: null,
  draftRule: (ruleDraft) => set({ ruleDraft }),
  clearRuleDraft: () => set({ ruleDraft: null }),
});
