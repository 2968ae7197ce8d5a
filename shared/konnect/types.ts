/**
 * What the app knows of Konnect, in the shapes that cross the bridge and that the CLI prints. The wire
 * shapes (Konnect's JSON) are mapped to these in electron/services/konnect/, so the renderer never sees
 * a Konnect field name and a change on Konnect's side stays on the Node side.
 */
import type { KonnectRegion } from './regions';
import type { TokenKind } from './token';

export type TokenStorage = 'os-encrypted' | 'memory' | 'user-file' | 'environment';

export interface KonnectAccount {
  id: string;
  label: string;
  region: KonnectRegion;
  /** where requests go: the region's URL or a KONNECT_BASE_URL override */
  baseUrl: string;
  tokenKind: TokenKind;
  /** where the token is kept, for the UI to say so */
  storage: TokenStorage;
}

export interface ControlPlane {
  id: string;
  name: string;
  description: string;
  clusterType: string;
  cloudGateway: boolean;
  labels: Record<string, string>;
  debuggerSupported: boolean;
  /** why the debugger cannot run here */
  unsupportedReason?: string;
}

export interface ControlPlanePage {
  items: ControlPlane[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

export interface DataPlaneNode {
  id: string;
  hostname: string;
  version: string;
  /** ISO time of the node's last contact, when Konnect reported one */
  lastPing: string | null;
  tracingSupported: boolean;
  logsSupported: boolean;
  /** why tracing or log capture is not available */
  reason?: string;
}

/** The core entities a trace names by id on its root span (`proxy.kong.<kind>.id`). */
export const ENTITY_KINDS = ['route', 'service', 'consumer', 'upstream'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
/** id -> name; null: looked up, and the entity has no name or is gone (so it is not asked for again) */
export type EntityNames = Partial<Record<EntityKind, Record<string, string | null>>>;
export type EntityIds = Partial<Record<EntityKind, string[]>>;
/** Kong writes `unknown` (and other non-ids) when there is no such entity: only UUIDs are looked up */
export const isEntityId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export interface EntityRef {
  id: string;
  name: string;
  /** a route's paths/hosts or a service's host, to tell unnamed entities apart */
  detail: string;
}

/** `all`: no rule (Konnect's `sampling_rule: null`), every request is captured */
export type SamplingRule =
  | { kind: 'all' }
  | { kind: 'route'; routeId: string; label?: string }
  | { kind: 'service'; serviceId: string; label?: string }
  | { kind: 'expression'; expression: string };

export interface SessionSpec {
  /** optional in Kong's draft */
  name?: string;
  /** data-plane node ids (the draft's `targets`) */
  nodeIds: string[];
  rule: SamplingRule;
  /** seconds, 10 to 1800 */
  durationS: number;
  /** per data-plane node, as Kong's draft says: two nodes may bring twice as many */
  maxSamples: number;
  /** assumed: the draft has no log-capture field (docs/konnect-api.md) */
  captureLogs: boolean;
  captureHeaders: boolean;
  /** bodies only with headers: the draft allows `[]`, `["headers"]` and `["headers","body"]` */
  captureBodies: boolean;
}

/** The statuses Kong names (its withdrawn MCP tool docs). Any other arrives and is shown as it comes. */
export const SESSION_STATUSES = ['pending', 'in_progress', 'completed', 'timed_out', 'cancelled'] as const;
export type KnownSessionStatus = (typeof SESSION_STATUSES)[number];
export type SessionStatus = KnownSessionStatus | (string & {});

export interface DebugSession extends SessionSpec {
  id: string;
  controlPlaneId: string;
  /** as Kong names it, never mapped */
  status: SessionStatus;
  /** ISO times */
  createdAt: string;
  startedAt: string | null;
  endsAt: string | null;
  endedAt: string | null;
  traceCount: number;
  logCount: number;
  /** why it ended, as Konnect said (duration reached, max traces reached, stopped by ...) */
  endReason?: string;
}

/** One page of a session's traces, as text the decoders read (a Konnect `batches` document etc.). */
export interface TracePage {
  /** `{"batches":[...]}`, or null when the page holds no spans */
  traces: string | null;
  /** OTLP/JSON `{"resourceLogs":[...]}`, or null */
  logs: string | null;
  /** `{ "<traceid>:reqres": {...} }`, or null; sanitized on ingest */
  payloads: string | null;
  /** hex ids of the traces on this page */
  traceIds: string[];
  /** route, service, consumer and upstream ids the page's spans name, to look their names up */
  entityIds: EntityIds;
  /** opaque; pass it back to continue after this page (it is returned even when the page is empty) */
  cursor: string;
  /** more is ready now: ask again at once rather than after the poll interval */
  hasMore: boolean;
  session: DebugSession;
}

export const SESSION_DURATION = { minS: 10, maxS: 1800, defaultS: 300 } as const;
export const SESSION_MAX_SAMPLES = { min: 1, max: 1000, default: 200 } as const;

const ENDED = new Set<string>(['completed', 'timed_out', 'cancelled']);
const KNOWN = new Set<string>(SESSION_STATUSES);
/** how long past its duration a session in a status we do not know may still be running */
const UNKNOWN_STATUS_GRACE_MS = 60_000;

/** The session can take a Stop: only `in_progress` (a pending one has not reached its nodes yet). */
export const isRunning = (s: Pick<DebugSession, 'status'>): boolean => s.status === 'in_progress';

/**
 * The session will produce nothing more, so polling stops: one of Kong's three ended statuses, or a status
 * we do not know once the session's duration (plus a minute) has passed, so a new status Kong adds can
 * never make a poll run forever.
 */
export function hasEnded(s: Pick<DebugSession, 'status' | 'startedAt' | 'createdAt' | 'durationS'>, nowMs: number): boolean {
  if (ENDED.has(s.status)) return true;
  if (KNOWN.has(s.status)) return false;
  const from = Date.parse(s.startedAt ?? s.createdAt);
  return Number.isFinite(from) && nowMs > from + s.durationS * 1000 + UNKNOWN_STATUS_GRACE_MS;
}
