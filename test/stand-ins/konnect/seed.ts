/**
 * The stand-in's organisation: enough control planes to need paging, one Kong Ingress Controller and one
 * event-proxy cluster (unsupported), nodes on old and new gateway versions, routes and services, and one
 * finished session serving the real Gateway 3.10 trace plus generated ones.
 */
import { CONSUMER_IDS, FIXTURE_ROUTE_ID, FIXTURE_SESSION_ID, UPSTREAM_IDS } from './traces';

export interface CpRecord {
  id: string;
  name: string;
  description: string;
  labels: Record<string, string>;
  config: { cluster_type: string; control_plane_endpoint: string; telemetry_endpoint: string; cloud_gateway: boolean; auth_type: string };
  created_at: string;
  updated_at: string;
}

export interface NodeRecord {
  id: string;
  version: string;
  hostname: string;
  last_ping: number;
  type: string;
  config_hash: string;
}

export interface RouteRecord {
  id: string;
  name: string | null;
  paths: string[];
  hosts: string[] | null;
  methods: string[] | null;
  service: { id: string } | null;
}

export interface ServiceRecord {
  id: string;
  name: string | null;
  host: string;
  port: number;
  protocol: string;
  path: string | null;
}

/** A session as Kong's draft names its fields, plus the stand-in's own bookkeeping (the *Ms fields). */
export interface SessionRecord {
  id: string;
  control_plane_id: string;
  name: string | null;
  targets: string[];
  sampling_rule: string | null;
  duration_secs: number;
  /** per data-plane node */
  max_samples: number;
  capture_content: string[];
  /** assumed: not in the draft */
  capture_logs: boolean;
  created_at: string;
  /** ms: until then the session is `pending` (the nodes have not picked it up yet) */
  startedMs: number;
  /** ms: a stop (DELETE) arrived */
  cancelledMs: number | null;
  /** traces ready when the session was created (seeded sessions) */
  preloaded: number;
  /** a status forced by a test, to see how the app meets one Kong may add */
  statusOverride?: string;
}

export interface ConsumerRecord {
  id: string;
  username: string | null;
  custom_id: string | null;
}

export interface UpstreamRecord {
  id: string;
  name: string;
}

export interface Seed {
  controlPlanes: CpRecord[];
  nodes: Record<string, NodeRecord[]>;
  routes: Record<string, RouteRecord[]>;
  services: Record<string, ServiceRecord[]>;
  consumers: Record<string, ConsumerRecord[]>;
  upstreams: Record<string, UpstreamRecord[]>;
  sessions: SessionRecord[];
}

const uuid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(12, '0')}`;

export const CP_DEFAULT = '0a1b2c3d-0000-4000-8000-000000000001';
export const CP_KIC = '0a1b2c3d-0000-4000-8000-000000000002';
export const CP_EVENTS = '0a1b2c3d-0000-4000-8000-000000000003';
export const SEEDED_SESSION = FIXTURE_SESSION_ID;
export const SEEDED_SESSION_TRACES = 25;

export function buildSeed(now = Date.now()): Seed {
  const iso = (ms: number) => new Date(ms).toISOString();
  const cp = (id: string, name: string, clusterType: string, extra: Partial<CpRecord['config']> = {}): CpRecord => ({
    id,
    name,
    description: `${name} control plane`,
    labels: { env: name.includes('prod') ? 'prod' : 'dev' },
    config: {
      cluster_type: clusterType,
      control_plane_endpoint: `https://${id.slice(0, 8)}.us.cp0.konghq.com`,
      telemetry_endpoint: `https://${id.slice(0, 8)}.us.tp0.konghq.com`,
      cloud_gateway: false,
      auth_type: 'pinned_client_certs',
      ...extra,
    },
    created_at: iso(now - 90 * 86_400_000),
    updated_at: iso(now - 86_400_000),
  });
  const controlPlanes: CpRecord[] = [
    cp(CP_DEFAULT, 'default', 'CLUSTER_TYPE_CONTROL_PLANE'),
    cp(CP_KIC, 'kic-prod', 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER'),
    cp(CP_EVENTS, 'events-prod', 'CLUSTER_TYPE_EVENT_PROXY'),
  ];
  const teams = ['payments', 'checkout', 'search', 'identity', 'catalog', 'shipping', 'billing', 'ledger', 'reviews', 'inventory', 'pricing'];
  teams.forEach((team, i) => {
    controlPlanes.push(cp(uuid('0a1b2c3d-0000-4000-8001-', i * 2 + 10), `${team}-prod`, 'CLUSTER_TYPE_CONTROL_PLANE'));
    controlPlanes.push(cp(uuid('0a1b2c3d-0000-4000-8001-', i * 2 + 11), `${team}-dev`, i % 3 === 0 ? 'CLUSTER_TYPE_SERVERLESS' : 'CLUSTER_TYPE_CONTROL_PLANE', { cloud_gateway: i % 4 === 0 }));
  });

  const node = (n: number, version: string, hostname: string, pingAgoS: number): NodeRecord => ({
    id: uuid('5e7a0000-0000-4000-9000-', n),
    version,
    hostname,
    last_ping: Math.floor(now / 1000) - pingAgoS,
    type: 'kong-proxy',
    config_hash: `c0ffee${n}`.padEnd(32, '0'),
  });
  const nodes: Record<string, NodeRecord[]> = {
    [CP_DEFAULT]: [
      node(1, '3.11.0.0', 'gw-eu-1.internal', 4),
      node(2, '3.10.0.0', 'gw-eu-2.internal', 9),
      node(3, '3.9.1.0', 'gw-eu-3.internal', 12),
      node(4, '3.9.0.1', 'gw-legacy-1.internal', 20),
      node(5, '3.4.3.5', 'gw-legacy-2.internal', 30),
      node(6, '3.12.0.0', 'gw-canary.internal', 2),
      node(7, '3.11.1.0', 'gw-us-1.internal', 7),
    ],
    [CP_KIC]: [node(20, '3.11.0.0', 'kic-gw-0', 5)],
  };

  const services: ServiceRecord[] = Array.from({ length: 5 }, (_, i) => ({
    id: uuid('5e2f1ce0-0000-4000-a000-', i + 1),
    name: i === 4 ? null : ['httpbin', 'orders', 'users', 'payments'][i]!,
    host: `svc-${i}.internal`,
    port: 80,
    protocol: 'http',
    path: null,
  }));
  services[0]!.id = 'c9ba713f-4dff-4e36-953d-3a446d2ec5a9'; // the service the real fixture trace went through
  const routes: RouteRecord[] = Array.from({ length: 12 }, (_, i) => ({
    id: uuid('40a7e000-0000-4000-b000-', i + 1),
    name: i === 11 ? null : `route-${i + 1}`,
    paths: [`/api/v${(i % 3) + 1}/r${i + 1}`],
    hosts: i % 2 ? ['api.example.com'] : null,
    methods: i % 4 === 0 ? ['GET'] : null,
    service: { id: services[i % services.length]!.id },
  }));
  routes[0]!.id = FIXTURE_ROUTE_ID;

  // the ids the generated traces carry (traces.ts), so names can be looked up for them
  const consumers: ConsumerRecord[] = CONSUMER_IDS.map((id, i) => ({ id, username: i === 2 ? null : ['alice', 'bob'][i]!, custom_id: i === 2 ? 'crm-7731' : null }));
  const upstreams: UpstreamRecord[] = UPSTREAM_IDS.map((id, i) => ({ id, name: ['orders-upstream', 'payments-upstream'][i]! }));

  const sessions: SessionRecord[] = [
    {
      id: SEEDED_SESSION,
      control_plane_id: CP_DEFAULT,
      name: 'all 2xx',
      targets: [nodes[CP_DEFAULT]![1]!.id],
      sampling_rule: 'http.response.status_code >= 200',
      duration_secs: 300,
      max_samples: SEEDED_SESSION_TRACES,
      capture_content: ['headers', 'body'],
      capture_logs: true,
      created_at: iso(now - 2 * 3_600_000),
      startedMs: now - 2 * 3_600_000,
      cancelledMs: null,
      preloaded: SEEDED_SESSION_TRACES,
    },
  ];
  return { controlPlanes, nodes, routes: { [CP_DEFAULT]: routes }, services: { [CP_DEFAULT]: services }, consumers: { [CP_DEFAULT]: consumers }, upstreams: { [CP_DEFAULT]: upstreams }, sessions };
}
