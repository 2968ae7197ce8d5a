import type { KonnectAccount, ControlPlanePage, DataPlaneNode, DebugSession, EntityIds, EntityNames, EntityRef, SessionSpec, TracePage } from '../konnect/types';
import { SESSION_DURATION, SESSION_MAX_SAMPLES } from '../konnect/types';
import { KONNECT_REGIONS } from '../konnect/regions';
import type { Channel, Validators } from './channel';
import { v, type Guard } from './validate';

/**
 * Konnect account, control planes, nodes and debugger sessions (issue 6). Tokens go in (sign-in) and never
 * come back out: every other channel names an account by id. Calls that may take long accept an `opId`
 * the renderer can pass to `konnect.cancel`.
 */
export interface KonnectHandlers {
  'konnect.accounts': Channel<void, KonnectAccount[]>;
  /** checks the token's shape, then that Konnect accepts it, then keeps it (remember: browser mode's file) */
  'konnect.signIn': Channel<{ token: string; region: string; label?: string; remember?: boolean }, KonnectAccount>;
  /** forgets the token everywhere it was kept */
  'konnect.signOut': Channel<{ accountId: string }, void>;
  'konnect.controlPlanes': Channel<{ accountId: string; pageNumber: number; pageSize: number; search?: string; opId?: string }, ControlPlanePage>;
  /** every node of a control plane (all cursor pages) */
  'konnect.nodes': Channel<{ accountId: string; controlPlaneId: string; opId?: string }, DataPlaneNode[]>;
  /** routes or services for a basic sampling rule */
  'konnect.entities': Channel<{ accountId: string; controlPlaneId: string; kind: 'routes' | 'services'; opId?: string }, EntityRef[]>;
  /** names for the route, service, consumer and upstream ids a trace carries (public core-entities endpoints) */
  'konnect.entityNames': Channel<{ accountId: string; controlPlaneId: string; ids: EntityIds; opId?: string }, EntityNames>;
  'konnect.sessions': Channel<{ accountId: string; controlPlaneId: string; opId?: string }, DebugSession[]>;
  'konnect.startSession': Channel<{ accountId: string; controlPlaneId: string; spec: SessionSpec }, DebugSession>;
  'konnect.stopSession': Channel<{ accountId: string; controlPlaneId: string; sessionId: string }, DebugSession>;
  /** the next page of a session's traces, logs and payloads after `cursor` (omit it to start over) */
  'konnect.pull': Channel<{ accountId: string; controlPlaneId: string; sessionId: string; cursor?: string; opId?: string }, TracePage>;
  'konnect.cancel': Channel<{ opId: string }, void>;
}


const id = v.string({ min: 1, max: 200 });
const opId = v.optional(v.string({ min: 1, max: 100 }));
const cp = { accountId: id, controlPlaneId: id };
const idList = v.array(v.string({ min: 1, max: 100 }), { max: 2000 });

const ruleGuard: Guard<KonnectRule> = (x, path = '') => {
  const kind = v.object({ kind: v.literal('all', 'route', 'service', 'expression') })(x, path).kind;
  if (kind === 'all') return v.object({ kind: v.literal('all') })(x, path);
  if (kind === 'route') return v.object({ kind: v.literal('route'), routeId: id, label: v.optional(v.string({ max: 500 })) })(x, path);
  if (kind === 'service') return v.object({ kind: v.literal('service'), serviceId: id, label: v.optional(v.string({ max: 500 })) })(x, path);
  return v.object({ kind: v.literal('expression'), expression: v.string({ min: 1, max: 4096 }) })(x, path);
};
type KonnectRule =
  | { kind: 'all' }
  | { kind: 'route'; routeId: string; label?: string }
  | { kind: 'service'; serviceId: string; label?: string }
  | { kind: 'expression'; expression: string };

const specGuard = v.object({
  name: v.optional(v.string({ max: 200 })),
  nodeIds: v.array(id, { max: 500 }),
  rule: ruleGuard,
  durationS: v.number({ integer: true, min: SESSION_DURATION.minS, max: SESSION_DURATION.maxS }),
  maxSamples: v.number({ integer: true, min: SESSION_MAX_SAMPLES.min, max: SESSION_MAX_SAMPLES.max }),
  captureLogs: v.boolean(),
  captureHeaders: v.boolean(),
  captureBodies: v.boolean(),
});

export const konnectValidators: Validators<KonnectHandlers> = {
  'konnect.accounts': v.none(),
  'konnect.signIn': v.object({
    token: v.string({ min: 1, max: 1000 }),
    region: v.literal(...KONNECT_REGIONS),
    label: v.optional(v.string({ max: 100 })),
    remember: v.optional(v.boolean()),
  }),
  'konnect.signOut': v.object({ accountId: id }),
  'konnect.controlPlanes': v.object({
    accountId: id,
    pageNumber: v.number({ integer: true, min: 1, max: 100_000 }),
    pageSize: v.number({ integer: true, min: 1, max: 100 }),
    search: v.optional(v.string({ max: 200 })),
    opId,
  }),
  'konnect.nodes': v.object({ ...cp, opId }),
  'konnect.entities': v.object({ ...cp, kind: v.literal('routes', 'services'), opId }),
  'konnect.entityNames': v.object({
    ...cp,
    ids: v.object({ route: v.optional(idList), service: v.optional(idList), consumer: v.optional(idList), upstream: v.optional(idList) }),
    opId,
  }),
  'konnect.sessions': v.object({ ...cp, opId }),
  'konnect.startSession': v.object({ ...cp, spec: specGuard }),
  'konnect.stopSession': v.object({ ...cp, sessionId: id }),
  'konnect.pull': v.object({ ...cp, sessionId: id, cursor: v.optional(v.string({ max: 4096 })), opId }),
  'konnect.cancel': v.object({ opId: v.string({ min: 1, max: 100 }) }),
};

export interface KonnectEvents {
  /** a Konnect call is waiting before it retries (429 Retry-After, or back-off after 5xx/network loss) */
  'konnect.waiting': { accountId: string; opId?: string; what: string; seconds: number; reason: 'rate-limited' | 'unavailable' | 'network' | 'timeout' };
  /** an account was added or removed (another window, or a 401 that signed it out) */
  'konnect.accountsChanged': { accounts: KonnectAccount[] };
}

export type { Channel };
