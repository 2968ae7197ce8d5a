/**
 * Names for route, service, consumer and upstream ids, kept with the session (its row's `meta.entityNames`)
 * so they show offline. Pure helpers: which ids still need a lookup (merging an answer in is shared/konnect/entity-names.ts).
 */
import { ENTITY_KINDS, type EntityIds, type EntityKind, type EntityNames } from '../../../shared/konnect/types';

/** the attribute each kind's id is carried in on the root span */
export const ENTITY_ATTRIBUTE: Record<EntityKind, string> = {
  route: 'proxy.kong.route.id',
  service: 'proxy.kong.service.id',
  consumer: 'proxy.kong.consumer.id',
  upstream: 'proxy.kong.upstream.id',
};
const KIND_OF_ATTRIBUTE = new Map(ENTITY_KINDS.map((k) => [ENTITY_ATTRIBUTE[k], k]));

export const entityKindOf = (attribute: string): EntityKind | undefined => KIND_OF_ATTRIBUTE.get(attribute);

export function namesOf(meta: Record<string, unknown> | undefined): EntityNames {
  const names = meta?.entityNames;
  return typeof names === 'object' && names !== null ? (names as EntityNames) : {};
}

/** The ids of `ids` that were never looked up (a null answer counts as looked up). */
export function missingIds(ids: EntityIds, known: EntityNames): EntityIds {
  const out: EntityIds = {};
  for (const kind of ENTITY_KINDS) {
    const missing = (ids[kind] ?? []).filter((id) => !(id in (known[kind] ?? {})));
    if (missing.length) out[kind] = [...new Set(missing)];
  }
  return out;
}

export const isEmpty = (ids: EntityIds): boolean => ENTITY_KINDS.every((k) => !ids[k]?.length);
