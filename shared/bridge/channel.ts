import type { Guard } from './validate';

/** One request/response channel: what the renderer sends and what it gets back. */
export interface Channel<A, R> {
  args: A;
  result: R;
}

/** For each channel of a domain, the guard that validates its arguments at the boundary. */
export type Validators<H> = { [C in keyof H]: H[C] extends Channel<infer A, unknown> ? Guard<A> : never };
