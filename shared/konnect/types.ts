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

export interface EntityRef {
  id: string;
  name: string;
  /** a route's paths/hosts or a service's host, to tell unnamed entities apart */
  detail: string;
}

export type SamplingRule =
  | { kind: 'route'; routeId: string; label?: string }
  | { kind: 'service'; serviceId: string; label?: string }
  | { kind: 'expression'; expression: string };

export interface SessionSpec {
  nodeIds: string[];
  rule: SamplingRule;
  /** seconds, 10 to 1800 */
  durationS: number;
  maxTraces: number;
  captureLogs: boolean;
  captureHeaders: boolean;
  captureBodies: boolean;
}

export type SessionState = 'pending' | 'running' | 'completed' | 'stopped' | 'failed';

export interface DebugSession extends SessionSpec {
  id: string;
  controlPlaneId: string;
  state: SessionState;
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
  /** opaque; pass it back to continue after this page (it is returned even when the page is empty) */
  cursor: string;
  /** more is ready now: ask again at once rather than after the poll interval */
  hasMore: boolean;
  session: DebugSession;
}

export const SESSION_DURATION = { minS: 10, maxS: 1800, defaultS: 300 } as const;
export const SESSION_MAX_TRACES = { min: 1, max: 1000, default: 200 } as const;

export const isFinished = (state: SessionState): boolean => state === 'completed' || state === 'stopped' || state === 'failed';
