/** Durations and offsets as the waterfall prints them (formatDuration is shared with the verdict). */
import { formatDuration } from '../../../shared/util/duration';

export { formatDuration };

/** A time offset from a reference point: "+1.25 ms". */
export function formatOffset(ns: number): string {
  return ns < 0 ? formatDuration(ns) : `+${formatDuration(ns)}`;
}
