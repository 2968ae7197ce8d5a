/** Offsets as the waterfall prints them; durations come from the one formatter, shared/util/duration.ts (nanoseconds). */
import { formatDuration } from '../../../shared/util/duration';

export { formatDuration };

/** A time offset from a reference point: "+1.25 ms". */
export function formatOffset(ns: number): string {
  return ns < 0 ? formatDuration(ns) : `+${formatDuration(ns)}`;
}
