/** A session's status as the UI shows it: Kong's word made readable, or, for one Kong adds later, as it came. */
import { SESSION_STATUSES } from '../../../shared/konnect/types';

const KNOWN = new Set<string>(SESSION_STATUSES);

export const statusText = (status: string): string => (KNOWN.has(status) ? status.replace(/_/g, ' ') : status);
export const statusClass = (status: string): string => `badge badge-${KNOWN.has(status) ? status.replace(/_/g, '-') : 'other'}`;
