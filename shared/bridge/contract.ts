/**
 * The one bridge contract between the renderer and the Node side, as typed maps: `Handlers` from channel
 * to arguments and result, `Events` from pushed event to payload. Both transports (Electron IPC and the
 * browser-mode HTTP host) implement exactly this; no call site spells a channel it does not name here.
 */
import { appValidators, type AppEvents, type AppHandlers } from './app';
import { captureValidators, type CaptureEvents, type CaptureHandlers } from './capture';
import type { Validators } from './channel';
import { konnectValidators, type KonnectEvents, type KonnectHandlers } from './konnect';
import type { Result } from './result';
import { vaultValidators, type VaultHandlers } from './vault';

export type Handlers = AppHandlers & KonnectHandlers & CaptureHandlers & VaultHandlers;
export type Events = AppEvents & KonnectEvents & CaptureEvents;

export type ChannelName = keyof Handlers;
export type EventName = keyof Events;
export type ArgsOf<C extends ChannelName> = Handlers[C]['args'];
export type ResultOf<C extends ChannelName> = Handlers[C]['result'];

export const validators: Validators<Handlers> = { ...appValidators, ...konnectValidators, ...captureValidators, ...vaultValidators };

export const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(validators, name);

/** What the renderer sees of either transport. */
export interface Bridge {
  readonly mode: 'electron' | 'browser';
  invoke<C extends ChannelName>(channel: C, ...args: ArgsOf<C> extends void ? [] : [ArgsOf<C>]): Promise<Result<ResultOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** where the renderer can fetch the bytes of a file the host registered */
  fileUrl(id: string): string;
}

/** The object the Electron preload exposes as `window.ktv` (transport level, untyped channels). */
export interface PreloadApi {
  invoke(channel: string, args: unknown): Promise<Result<unknown>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

export * from './app';
export * from './result';
