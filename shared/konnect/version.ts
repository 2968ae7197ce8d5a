/**
 * Gateway versions decide what a node can do (domain.md section 9): tracing needs 3.9.1 or later, log
 * capture 3.11 or later. Versions come as "3.10.0.0", "3.9.1.2-enterprise", "3.11.0.0-beta.1" or "unknown".
 */

export type Version = readonly number[];

export const TRACING_MIN: Version = [3, 9, 1];
export const LOGS_MIN: Version = [3, 11];

/** Leading numeric components of a version string; null when it does not start with one. */
export function parseVersion(text: string): Version | null {
  const m = /^\s*v?(\d+(?:\.\d+)*)/.exec(text);
  if (!m) return null;
  return m[1]!.split('.').map(Number);
}

/** Compares component-wise; missing components count as 0, so 3.11 == 3.11.0.0. */
export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export interface NodeCapabilities {
  tracing: boolean;
  logs: boolean;
  /** why tracing or log capture is unavailable, for the greyed-out row; undefined when both work */
  reason?: string;
}

export function nodeCapabilities(version: string | undefined | null): NodeCapabilities {
  const parsed = version ? parseVersion(version) : null;
  if (!parsed) return { tracing: false, logs: false, reason: `unknown gateway version${version ? ` "${version}"` : ''}; tracing needs 3.9.1 or later` };
  if (compareVersions(parsed, TRACING_MIN) < 0) {
    return { tracing: false, logs: false, reason: `gateway ${version} is older than 3.9.1, the first version that supports debugger sessions` };
  }
  if (compareVersions(parsed, LOGS_MIN) < 0) {
    return { tracing: true, logs: false, reason: `gateway ${version} can be traced but log capture needs 3.11 or later` };
  }
  return { tracing: true, logs: true };
}
