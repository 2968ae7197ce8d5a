/** Which IPC senders may call the bridge: the app's own page, in the window's main frame only. */
import { isAppUrl } from '../security/harden';

interface FrameIds {
  processId: number;
  routingId: number;
}

/** The parts of an IpcMainInvokeEvent the guard reads. */
export interface InvokeSender {
  senderFrame: (FrameIds & { url: string; parent: unknown }) | null;
  sender: { mainFrame: FrameIds };
}

/**
 * A frame inside the page (an iframe, even one on app://ktv) is not the app: with `sandbox` and the CSP it
 * should never exist, and if it ever did, it must not reach the Node side. Frames are compared by their ids
 * (the objects Electron hands out for one frame need not be the same object).
 */
export function acceptsBridgeCall(event: InvokeSender): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
}
