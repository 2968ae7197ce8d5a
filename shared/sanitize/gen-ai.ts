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

/**
 * An AI span's attributes and event attributes sanitized in place (the decoders call this on every span).
 * Returns whether anything changed.
 */
export function sanitizeGenAiSpan(span: Span): boolean {
  if (!isGenAiSpan(span.name)) return false;
  let changed = false;
  const attributes = sanitizeGenAiAttributes(span.attributes);
  if (attributes !== span.attributes) {
    span.attributes = attributes;
    changed = true;
  }
  for (const e of span.events) {
    const next = sanitizeGenAiAttributes(e.attributes);
    if (next !== e.attributes) {
      e.attributes = next;
      changed = true;
    }
  }
  return changed;
}

/** Every string inside a JSON value with card numbers masked (in place for objects and arrays). */
function maskJson(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskCardNumbers(value);
  if (depth > JSON_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = maskJson(value[i], depth + 1);
  } else {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = maskJson(o[k], depth + 1);
  }
  return value;
}

/** `gen_ai.*` entries of an attribute list as a wire format writes it: OTLP's `[{key, value}]` or a flat object. */
function maskJsonAttributes(attributes: unknown): void {
  if (Array.isArray(attributes)) {
    for (const kv of attributes) {
      if (kv !== null && typeof kv === 'object' && typeof (kv as { key?: unknown }).key === 'string' && (kv as { key: string }).key.startsWith('gen_ai.')) {
        (kv as { value?: unknown }).value = maskJson((kv as { value?: unknown }).value, 0);
      }
    }
  } else if (attributes !== null && typeof attributes === 'object') {
    const o = attributes as Record<string, unknown>;
    for (const k of Object.keys(o)) if (k.startsWith('gen_ai.')) o[k] = maskJson(o[k], 0);
  }
}

const JSON_DEPTH = 256;

/**
 * A parsed trace document (OTLP JSON, Konnect trace v1: any shape whose spans are objects with a `name`, an
 * `attributes` list and `events`) with every AI span's `gen_ai.*` attributes sanitized in place, as the
 * decoders sanitize the spans. The import keeps the source lines of a JSON-lines file to decode them again
 * later: a line holding an AI span is kept in this form, so no prompt is stored as it came.
 */
export function sanitizeGenAiJson(doc: unknown, depth = 0): void {
  if (depth > JSON_DEPTH || doc === null || typeof doc !== 'object') return;
  if (Array.isArray(doc)) {
    for (const v of doc) sanitizeGenAiJson(v, depth + 1);
    return;
  }
  const o = doc as Record<string, unknown>;
  if (typeof o.name === 'string' && isGenAiSpan(o.name)) {
    maskJsonAttributes(o.attributes);
    if (Array.isArray(o.events)) for (const e of o.events) if (e !== null && typeof e === 'object') maskJsonAttributes((e as { attributes?: unknown }).attributes);
    return;
  }
  for (const v of Object.values(o)) if (v !== null && typeof v === 'object') sanitizeGenAiJson(v, depth + 1);
}
