/**
 * Server side of the bridge, shared by both transports: validates a call's channel and arguments against
 * the contract, runs the handler, and always answers with a Result (never a thrown error).
 */
import type { ArgsOf, ChannelName, EventName, Events, ResultOf } from '../../shared/bridge/contract';
import { isChannel, validators } from '../../shared/bridge/contract';
import { BridgeFailure, err, ok, type Result } from '../../shared/bridge/result';
import { GuardError } from '../../shared/bridge/validate';

/** The implementation of some channels: each takes validated arguments and returns the result value. */
export type HandlerImpls<C extends ChannelName = ChannelName> = {
  [K in C]: (args: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;
};

export type Dispatch = (channel: string, args: unknown) => Promise<Result<unknown>>;

export function createDispatch(impls: HandlerImpls): Dispatch {
  return async (channel, rawArgs) => {
    if (!isChannel(channel)) return err('unknown-channel', `no such channel: ${String(channel).slice(0, 80)}`);
    let args: unknown;
    try {
      args = (validators[channel] as (x: unknown) => unknown)(rawArgs);
    } catch (e) {
      if (e instanceof GuardError) return err('invalid-argument', `${channel}: ${e.message}`);
      throw e;
    }
    try {
      const impl = impls[channel] as (a: unknown) => unknown;
      return ok(await impl(args));
    } catch (e) {
      if (e instanceof BridgeFailure) return err(e.code, e.message, e.details);
      const message = e instanceof Error ? e.message : String(e);
      return err('internal', `${channel} failed: ${message}`);
    }
  };
}

type Listener = (event: EventName, payload: unknown) => void;

/** Pushes events to every connected renderer (IPC web contents or HTTP event streams). */
export class EventHub {
  private listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
