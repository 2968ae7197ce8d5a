/**
 * AI spans carry payloads (domain.md section 11): a 3.13+ `kong.gen_ai` span's `gen_ai.*` attributes can
 * hold the prompt and the model's answer, so they get the rules of a captured body before they are stored
 * or shown (card numbers masked, in nested lists and maps too).
 */
import type { AttrValue, Attributes, Span } from '../model/types';
import { maskCardNumbers } from './index';

/** Whether a span is an AI call whose attributes are payload. */
export function isGenAiSpan(name: string): boolean {
  return name === 'kong.gen_ai' || name.startsWith('kong.gen_ai.');
}

function sanitizeValue(value: AttrValue): AttrValue {
  if (typeof value === 'string') return maskCardNumbers(value);
  if (Array.isArray(value)) {
    const out = value.map(sanitizeValue);
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let out: Attributes | undefined;
    for (const [k, v] of Object.entries(value)) {
      const next = sanitizeValue(v);
      if (next !== v) (out ??= { ...value })[k] = next;
    }
    return out ?? value;
  }
  return value;
}

/** `gen_ai.*` attributes sanitized like a payload body; the same object when nothing changed. */
export function sanitizeGenAiAttributes(attributes: Attributes): Attributes {
  let out: Attributes | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith('gen_ai.')) continue;
    const next = sanitizeValue(value);
    if (next !== value) (out ??= { ...attributes })[key] = next;
  }
  return out ?? attributes;
}

/** An AI span's attributes and event attributes sanitized in place (the decoders call this on every span). */
export function sanitizeGenAiSpan(span: Span): void {
  if (!isGenAiSpan(span.name)) return;
  span.attributes = sanitizeGenAiAttributes(span.attributes);
  for (const e of span.events) e.attributes = sanitizeGenAiAttributes(e.attributes);
}
