/**
 * Turns a bridge error from a Konnect call into what the panel shows: the message (Konnect's `detail` is
 * already in it), whether to ask the user to sign in again, and per-field messages for a 400 so they can
 * sit next to the inputs.
 */
import type { BridgeError } from '../../../shared/bridge/result';

export interface FailureView {
  message: string;
  /** 401: the token is no longer accepted */
  signInAgain: boolean;
  /** 429 after the retries gave up, or a wait in progress */
  rateLimited: boolean;
  /** form field -> reason, from Konnect's invalid_parameters or the local checks */
  fields: Record<string, string>;
}

interface Details {
  invalidParameters?: { field: string; reason: string }[];
}

export function describeFailure(error: BridgeError): FailureView {
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Details;
  const fields: Record<string, string> = {};
  for (const p of details.invalidParameters ?? []) {
    const key = p.field || 'form';
    fields[key] = fields[key] ? `${fields[key]}; ${p.reason}` : p.reason;
  }
  return { message: error.message, signInAgain: error.code === 'unauthorized', rateLimited: error.code === 'rate-limited', fields };
}
