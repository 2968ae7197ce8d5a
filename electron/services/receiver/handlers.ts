/** The capture channels of the bridge, for both transports (desktop IPC and the browser-mode host). */
import type { EventHub, HandlerImpls } from '../../bridge/router';
import type { CaptureHandlers } from '../../../shared/bridge/capture';
import { CaptureService, type CaptureServiceOptions } from './capture-service';

export interface CaptureDeps {
  events: EventHub;
  /** for tests and the benchmark; the app uses the defaults */
  options?: Omit<CaptureServiceOptions, 'onStatus'>;
}

export type CaptureHandlerImpls = HandlerImpls<keyof CaptureHandlers> & { dispose(): Promise<void> };

export function createCaptureHandlers(deps: CaptureDeps): CaptureHandlerImpls {
  const service = new CaptureService({
    ...deps.options,
    warn: deps.options?.warn ?? ((message) => console.warn(`ktv capture: ${message}`)),
    onStatus: (status) => deps.events.emit('capture.status', status),
  });
  const impls: HandlerImpls<keyof CaptureHandlers> = {
    'capture.start': (args) => service.start(args),
    'capture.stop': ({ id }) => service.stop(id),
    'capture.status': () => service.status(),
    'capture.drain': ({ id, cursor }) => service.drain(id, cursor),
  };
  // not enumerable, so spreading the handlers into the dispatch table copies only channels
  return Object.defineProperty(impls, 'dispose', { value: () => service.dispose(), enumerable: false }) as CaptureHandlerImpls;
}
