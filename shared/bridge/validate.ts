/**
 * A small hand-written guard library for validating what crosses the bridge. A guard either returns the
 * value, typed, or throws a GuardError whose message names the path of the bad field.
 */

export class GuardError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || 'arguments'}: expected ${expected}`);
    this.name = 'GuardError';
  }
}

export type Guard<T> = (value: unknown, path?: string) => T;
export type GuardType<G> = G extends Guard<infer T> ? T : never;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export const v = {
  string:
    (opts: { min?: number; max?: number; pattern?: RegExp } = {}): Guard<string> =>
    (x, path = '') => {
      if (typeof x !== 'string') throw new GuardError(path, `a string, got ${describe(x)}`);
      if (opts.min !== undefined && x.length < opts.min) throw new GuardError(path, `at least ${opts.min} characters`);
      if (opts.max !== undefined && x.length > opts.max) throw new GuardError(path, `at most ${opts.max} characters`);
      if (opts.pattern && !opts.pattern.test(x)) throw new GuardError(path, `a string matching ${opts.pattern}`);
      return x;
    },
  number:
    (opts: { min?: number; max?: number; integer?: boolean } = {}): Guard<number> =>
    (x, path = '') => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new GuardError(path, `a finite number, got ${describe(x)}`);
      if (opts.integer && !Number.isInteger(x)) throw new GuardError(path, 'an integer');
      if (opts.min !== undefined && x < opts.min) throw new GuardError(path, `a number >= ${opts.min}`);
      if (opts.max !== undefined && x > opts.max) throw new GuardError(path, `a number <= ${opts.max}`);
      return x;
    },
  boolean: (): Guard<boolean> => (x, path = '') => {
    if (typeof x !== 'boolean') throw new GuardError(path, `a boolean, got ${describe(x)}`);
    return x;
  },
  literal:
    <const L extends string | number | boolean>(...values: L[]): Guard<L> =>
    (x, path = '') => {
      if (!values.includes(x as L)) throw new GuardError(path, `one of ${values.map((s) => JSON.stringify(s)).join(', ')}`);
      return x as L;
    },
  optional:
    <T>(g: Guard<T>): Guard<T | undefined> =>
    (x, path = '') =>
      x === undefined ? undefined : g(x, path),
  nullable:
    <T>(g: Guard<T>): Guard<T | null> =>
    (x, path = '') =>
      x === null ? null : g(x, path),
  array:
    <T>(g: Guard<T>, opts: { max?: number } = {}): Guard<T[]> =>
    (x, path = '') => {
      if (!Array.isArray(x)) throw new GuardError(path, `an array, got ${describe(x)}`);
      if (opts.max !== undefined && x.length > opts.max) throw new GuardError(path, `at most ${opts.max} items`);
      return x.map((item, i) => g(item, `${path}[${i}]`));
    },
  object:
    <S extends Record<string, Guard<unknown>>>(shape: S): Guard<{ [K in keyof S]: GuardType<S[K]> }> =>
    (x, path = '') => {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new GuardError(path, `an object, got ${describe(x)}`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const value = shape[key]!((x as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
        if (value !== undefined) out[key] = value;
      }
      return out as { [K in keyof S]: GuardType<S[K]> };
    },
  /** no arguments: accepts undefined, null or {} */
  none: (): Guard<void> => (x, path = '') => {
    if (x === undefined || x === null) return;
    if (typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0) return;
    throw new GuardError(path, 'no arguments');
  },
};
