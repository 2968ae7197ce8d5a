/** How an incomplete span (Span.incomplete) is described wherever it is shown, in one place. */
import type { SpanMissing } from './types';

/** "no start time", "no end time", "no start or end time" */
export function missingText(missing: SpanMissing): string {
  return missing === 'start' ? 'no start time' : missing === 'end' ? 'no end time' : 'no start or end time';
}

/** Where such a span is placed: "at its end time". */
export function placedText(missing: SpanMissing): string {
  return missing === 'start' ? 'at its end time' : missing === 'end' ? 'at its start time' : "at the trace's start";
}

/** "Incomplete span: the producer sent no start time; drawn at its end time, with no duration." */
export function incompleteTitle(missing: SpanMissing): string {
  return `Incomplete span: the producer sent ${missingText(missing)}; drawn ${placedText(missing)}, with no duration.`;
}

/** The label beside the span's mark in the waterfall: "incomplete: no end time". */
export function incompleteLabel(missing: SpanMissing): string {
  return `incomplete: ${missingText(missing)}`;
}
