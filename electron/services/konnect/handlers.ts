/**
 * The bridge handlers for the Konnect channels, shared by the desktop app and the browser-mode host. They
 * hold no state of their own beyond in-flight operations (for `konnect.cancel`); accounts live in the
 * SecretStore. Waits before retries are pushed to the renderer as `konnect.waiting` events.
 */
import type { KonnectHandlers } from '../../../shared/bridge/konnect';
import { BridgeFailure } from '../../../shared/bridge/result';
import { validateSessionSpec } from '../../../shared/konnect/session-spec';
import type { TracePage } from '../../../shared/konnect/types';
import type { EventHub, HandlerImpls } from '../../bridge/router';
import type { SecretStore } from '../secrets';
import { KonnectAccounts, type HttpTuning } from './accounts';
import { entityIdsOf } from './entity-names';
import type { CallContext } from './http';

export interface KonnectDeps {
  secrets: SecretStore;
  events: EventHub;
  env: Record<string, string | undefined>;
  /** timeouts and retry tuning, for tests */
  http?: HttpTuning;
}

const json = (x: unknown): string | null => (x === null ? null : JSON.stringify(x));

export function createKonnectHandlers(deps: KonnectDeps): HandlerImpls<keyof KonnectHandlers> {
  const accounts = new KonnectAccounts(deps.secrets, deps.env, deps.http);
  const ops = new Map<string, AbortController>();

  /** Runs `fn` with a context whose signal `konnect.cancel` can abort and whose waits become events. */
  async function withOp<T>(accountId: string, opId: string | undefined, fn: (ctx: CallContext) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (opId) {
      ops.get(opId)?.abort();
      ops.set(opId, controller);
    }
    const ctx: CallContext = {
      signal: controller.signal,
      onWait: (w) => deps.events.emit('konnect.waiting', { accountId, ...(opId ? { opId } : {}), what: w.what, seconds: Math.max(1, Math.ceil(w.ms / 1000)), reason: w.reason }),
    };
    try {
      return await fn(ctx);
    } finally {
      if (opId && ops.get(opId) === controller) ops.delete(opId);
    }
  }

  const announce = async () => deps.events.emit('konnect.accountsChanged', { accounts: await accounts.list() });

  return {
    'konnect.accounts': () => accounts.list(),
    'konnect.signIn': async (args) => {
      const account = await withOp('', undefined, (ctx) => accounts.signIn(args, ctx));
      await announce();
      return account;
    },
    'konnect.signOut': async ({ accountId }) => {
      await accounts.signOut(accountId);
      await announce();
    },
    'konnect.controlPlanes': ({ accountId, opId, ...q }) =>
      withOp(accountId, opId, async (ctx) => (await accounts.connect(accountId)).publicApi.controlPlanes(q, ctx)),
    'konnect.nodes': ({ accountId, controlPlaneId, opId }) =>
      withOp(accountId, opId, async (ctx) => (await accounts.connect(accountId)).publicApi.allNodes(controlPlaneId, ctx)),
    'konnect.entities': ({ accountId, controlPlaneId, kind, opId }) =>
      withOp(accountId, opId, async (ctx) => (await accounts.connect(accountId)).publicApi.entities(controlPlaneId, kind, ctx)),
    'konnect.entityNames': ({ accountId, controlPlaneId, ids, opId }) =>
      withOp(accountId, opId, async (ctx) => (await accounts.connect(accountId)).publicApi.entityNames(controlPlaneId, ids, ctx)),
    'konnect.sessions': ({ accountId, controlPlaneId, opId }) =>
      withOp(accountId, opId, async (ctx) => (await accounts.connect(accountId)).sessions.list(controlPlaneId, ctx)),
    'konnect.startSession': ({ accountId, controlPlaneId, spec }) =>
      withOp(accountId, undefined, async (ctx) => {
        const problems = validateSessionSpec(spec);
        if (problems.length) {
          throw new BridgeFailure('invalid-argument', `Start debugger session: ${problems.map((p) => p.reason).join('; ')}`, { invalidParameters: problems });
        }
        return (await accounts.connect(accountId)).sessions.start(controlPlaneId, spec, ctx);
      }),
    'konnect.stopSession': ({ accountId, controlPlaneId, sessionId }) =>
      withOp(accountId, undefined, async (ctx) => (await accounts.connect(accountId)).sessions.stop(controlPlaneId, sessionId, ctx)),
    'konnect.pull': ({ accountId, controlPlaneId, sessionId, cursor, opId }) =>
      withOp(accountId, opId, async (ctx): Promise<TracePage> => {
        const page = await (await accounts.connect(accountId)).sessions.pull(controlPlaneId, sessionId, cursor ?? null, ctx);
        return {
          traces: page.batches.length ? json({ batches: page.batches }) : null,
          logs: page.resourceLogs.length ? json({ resourceLogs: page.resourceLogs }) : null,
          payloads: Object.keys(page.payloads).length ? json(page.payloads) : null,
          traceIds: page.traceIds,
          entityIds: entityIdsOf(page.batches),
          cursor: page.cursor,
          hasMore: page.hasMore,
          session: page.session,
        };
      }),
    'konnect.cancel': ({ opId }) => {
      ops.get(opId)?.abort();
      ops.delete(opId);
    },
  };
}
