/** How a time-per-phase bucket is named on screen and in the PNG export. */
const LABELS: Record<string, string> = { header_filter: 'header filter', body_filter: 'body filter', other: 'gateway (no span)' };

export const phaseLabel = (key: string): string => LABELS[key] ?? key;
