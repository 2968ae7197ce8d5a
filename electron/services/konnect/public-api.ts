/**
 * Konnect's public, documented endpoints (domain.md section 9), mapped to the app's own shapes:
 * control planes (page number paging, name search), data-plane nodes (cursor paging) and the routes,
 * services, consumers and upstreams of a control plane's core entities (size/offset paging).
 */
import { clusterSupport } from '../../../shared/konnect/cluster';
import type { ControlPlane, ControlPlanePage, DataPlaneNode, EntityIds, EntityNames, EntityRef } from '../../../shared/konnect/types';
import { nodeCapabilities } from '../../../shared/konnect/version';
import { lookupEntityNames } from './entity-names';
import type { CallContext, KonnectHttp } from './http';
import { arrayField, asBool, asNum, asRec, asStr, isoTime } from './wire';

const enc = encodeURIComponent;

export function toControlPlane(raw: unknown): ControlPlane {
  const r = asRec(raw);
  const config = asRec(r.config);
  const clusterType = asStr(config.cluster_type, 'CLUSTER_TYPE_CONTROL_PLANE');
  const support = clusterSupport(clusterType);
  const labels: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRec(r.labels))) labels[k] = asStr(val);
  const cp: ControlPlane = {
    id: asStr(r.id),
    name: asStr(r.name, asStr(r.id)),
    description: asStr(r.description),
    clusterType,
    cloudGateway: asBool(config.cloud_gateway),
    labels,
    debuggerSupported: support.supported,
  };
  if (support.reason) cp.unsupportedReason = support.reason;
  return cp;
}

export function toNode(raw: unknown): DataPlaneNode {
  const r = asRec(raw);
  const version = asStr(r.version, 'unknown');
  const caps = nodeCapabilities(version);
  const node: DataPlaneNode = {
    id: asStr(r.id),
    hostname: asStr(r.hostname, asStr(r.id)),
    version,
    lastPing: isoTime(r.last_ping),
    tracingSupported: caps.tracing,
    logsSupported: caps.logs,
  };
  if (caps.reason) node.reason = caps.reason;
  return node;
}

/** `page.next` is either a bare cursor or a URL/path carrying page[after]; both are accepted. */
export function cursorFrom(next: unknown): string | null {
  if (typeof next !== 'string' || next === '') return null;
  if (!next.includes('page[after]') && !next.includes('page%5Bafter%5D')) return next;
  const query = next.slice(next.indexOf('?') + 1);
  return new URLSearchParams(query).get('page[after]');
}

function toEntity(raw: unknown, kind: 'routes' | 'services'): EntityRef {
  const r = asRec(raw);
  const id = asStr(r.id);
  if (kind === 'services') {
    const host = asStr(r.host);
    const port = r.port === undefined ? '' : `:${asNum(r.port)}`;
    return { id, name: asStr(r.name) || id, detail: `${asStr(r.protocol, 'http')}://${host}${port}${asStr(r.path)}` };
  }
  const list = (x: unknown) => (Array.isArray(x) ? x.map((v) => asStr(v)).filter(Boolean) : []);
  const detail = [list(r.methods).join(','), list(r.hosts).join(','), list(r.paths).join(' ')].filter(Boolean).join(' ');
  return { id, name: asStr(r.name) || id, detail };
}

export interface NodesPage {
  items: DataPlaneNode[];
  next: string | null;
  total: number;
}

export class KonnectPublicApi {
  constructor(private readonly http: KonnectHttp) {}

  async controlPlanes(q: { pageNumber: number; pageSize: number; search?: string }, ctx: CallContext = {}): Promise<ControlPlanePage> {
    const what = 'List control planes';
    const body = await this.http.request<unknown>('GET', '/v2/control-planes', {
      ...ctx,
      what,
      query: { 'page[size]': q.pageSize, 'page[number]': q.pageNumber, 'filter[name][contains]': q.search?.trim() || undefined },
    });
    const page = asRec(asRec(asRec(body).meta).page);
    const items = arrayField(body, 'data', what).map(toControlPlane);
    return { items, pageNumber: asNum(page.number, q.pageNumber), pageSize: asNum(page.size, q.pageSize), total: asNum(page.total, items.length) };
  }

  /** Every control plane, across as many pages as there are. */
  async allControlPlanes(ctx: CallContext = {}, opts: { pageSize?: number; search?: string } = {}): Promise<ControlPlane[]> {
    const pageSize = opts.pageSize ?? 100;
    const out: ControlPlane[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.controlPlanes({ pageNumber, pageSize, search: opts.search }, ctx);
      out.push(...page.items);
      if (page.items.length === 0 || out.length >= page.total || page.items.length < pageSize) return out;
    }
  }

  async nodesPage(cpId: string, q: { after?: string | null; pageSize?: number }, ctx: CallContext = {}): Promise<NodesPage> {
    const what = 'List data-plane nodes';
    const body = await this.http.request<unknown>('GET', `/v2/control-planes/${enc(cpId)}/nodes`, {
      ...ctx,
      what,
      query: { 'page[size]': q.pageSize ?? 100, 'page[after]': q.after ?? undefined },
    });
    const page = asRec(asRec(body).page);
    const items = arrayField(body, 'items', what).map(toNode);
    return { items, next: cursorFrom(page.next), total: asNum(page.total_count, items.length) };
  }

  /** Every node, following the cursor until Konnect gives none. */
  async allNodes(cpId: string, ctx: CallContext = {}, pageSize = 100): Promise<DataPlaneNode[]> {
    const out: DataPlaneNode[] = [];
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: NodesPage = await this.nodesPage(cpId, { after, pageSize }, ctx);
      out.push(...page.items);
      // a cursor seen before would loop forever; stop there rather than trust the server
      if (!page.next || seen.has(page.next) || page.items.length === 0) return out;
      seen.add(page.next);
      after = page.next;
    }
  }

  /** Names for the route, service, consumer and upstream ids a trace carries. */
  entityNames(cpId: string, ids: EntityIds, ctx: CallContext = {}): Promise<EntityNames> {
    return lookupEntityNames(this.http, cpId, ids, ctx);
  }

  /** Routes or services of a control plane, up to `max` (a picker has no use for more). */
  async entities(cpId: string, kind: 'routes' | 'services', ctx: CallContext = {}, opts: { size?: number; max?: number } = {}): Promise<EntityRef[]> {
    const what = `List ${kind}`;
    const max = opts.max ?? 1000;
    const out: EntityRef[] = [];
    let offset: string | undefined;
    while (out.length < max) {
      const body = await this.http.request<unknown>('GET', `/v2/control-planes/${enc(cpId)}/core-entities/${kind}`, {
        ...ctx,
        what,
        query: { size: opts.size ?? 100, offset },
      });
      out.push(...arrayField(body, 'data', what).map((e) => toEntity(e, kind)));
      const next = asRec(body).offset;
      if (typeof next !== 'string' || next === '' || next === offset) break;
      offset = next;
    }
    return out.slice(0, max).sort((a, b) => a.name.localeCompare(b.name));
  }
}
