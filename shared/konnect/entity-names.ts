/** Names looked up for entity ids, kept with a session (its row's `meta.entityNames`). */
import { ENTITY_KINDS, type EntityNames } from './types';

/** `b`'s names over `a`'s, kind by kind. */
export function mergeNames(a: EntityNames, b: EntityNames): EntityNames {
  const out: EntityNames = { ...a };
  for (const kind of ENTITY_KINDS) if (b[kind]) out[kind] = { ...a[kind], ...b[kind] };
  return out;
}
