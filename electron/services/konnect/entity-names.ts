/**
 * Names for the route, service, consumer and upstream ids a trace carries, from Konnect's public
 * core-entities endpoints (`GET /v2/control-planes/{cp}/core-entities/{routes,services,consumers,upstreams}`,
 * paged by `size` and the opaque `offset` of the previous answer). A kind is listed only when ids of it
 * are wanted, and only until every wanted id is found or the page limit is reached; the HTTP client waits
 * out 429s (Retry-After) like every other call.
 */
import { ENTITY_KINDS, isEntityId, type EntityIds, type EntityKind, type EntityNames } from '../../../shared/konnect/types';
import type { CallContext, KonnectHttp } from './http';
import { arrayField, asRec, asStr } from './wire';

const PATHS: Record<EntityKind, string> = { route: 'routes', service: 'services', consumer: 'consumers', upstream: 'upstreams' };
const ATTRIBUTES = new Map<string, EntityKind>(ENTITY_KINDS.map((k) => [`proxy.kong.${k}.id`, k]));

/** What a user recognises an entity by: its name, a consumer's username or custom id. */
function nameOf(kind: EntityKind, raw: unknown): string | null {
  const r = asRec(raw);
  const name = kind === 'consumer' ? asStr(r.username) || asStr(r.custom_id) : asStr(r.name);
  return name || null;
}

/** Entity ids named by the spans of a Konnect `batches` document (OTLP/JSON attributes). */
export function entityIdsOf(batches: unknown[]): EntityIds {
  const found = new Map<EntityKind, Set<string>>();
  for (const b of batches) {
    for (const ss of Array.isArray(asRec(b).scopeSpans) ? (asRec(b).scopeSpans as unknown[]) : []) {
      for (const sp of Array.isArray(asRec(ss).spans) ? (asRec(ss).spans as unknown[]) : []) {
        for (const a of Array.isArray(asRec(sp).attributes) ? (asRec(sp).attributes as unknown[]) : []) {
          const kind = ATTRIBUTES.get(asStr(asRec(a).key));
          const id = kind ? asStr(asRec(asRec(a).value).stringValue) : '';
          if (kind && isEntityId(id)) (found.get(kind) ?? found.set(kind, new Set()).get(kind)!).add(id);
        }
      }
    }
  }
  return Object.fromEntries([...found].map(([k, ids]) => [k, [...ids]]));
}

export async function lookupEntityNames(http: KonnectHttp, cpId: string, wanted: EntityIds, ctx: CallContext = {}, opts: { size?: number; maxPages?: number } = {}): Promise<EntityNames> {
  const out: EntityNames = {};
  for (const kind of ENTITY_KINDS) {
    const ids = new Set(wanted[kind] ?? []);
    if (ids.size === 0) continue;
    const names: Record<string, string | null> = {};
    let offset: string | undefined;
    for (let page = 0; page < (opts.maxPages ?? 20) && Object.keys(names).length < ids.size; page++) {
      const what = `Look up ${PATHS[kind]}`;
      const body = await http.request<unknown>('GET', `/v2/control-planes/${encodeURIComponent(cpId)}/core-entities/${PATHS[kind]}`, { ...ctx, what, query: { size: opts.size ?? 1000, offset } });
      for (const e of arrayField(body, 'data', what)) {
        const id = asStr(asRec(e).id);
        if (ids.has(id)) names[id] = nameOf(kind, e);
      }
      const next = asRec(body).offset;
      if (typeof next !== 'string' || next === '' || next === offset) break;
      offset = next;
    }
    // ids not found are gone (or beyond the page limit): remembered as nameless so they are not asked again
    for (const id of ids) names[id] ??= null;
    out[kind] = names;
  }
  return out;
}
