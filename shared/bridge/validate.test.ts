import { describe, expect, it } from 'vitest';
import { GuardError, v } from './validate';

describe('bridge guards', () => {
  const guard = v.object({ path: v.string({ min: 1 }), limit: v.optional(v.number({ integer: true, min: 1 })) });

  it('passes well-formed arguments through, typed', () => {
    expect(guard({ path: '/tmp/a.json', limit: 3 })).toEqual({ path: '/tmp/a.json', limit: 3 });
  });

  it.each([
    [null, 'arguments: expected an object, got null'],
    [{ path: 5 }, 'path: expected a string, got number'],
    [{ path: '' }, 'path: expected at least 1 characters'],
    [{ path: 'a', limit: 1.5 }, 'limit: expected an integer'],
    [{ path: 'a', limit: 0 }, 'limit: expected a number >= 1'],
  ])('rejects %j naming the bad field', (input, message) => {
    expect(() => guard(input)).toThrow(GuardError);
    expect(() => guard(input)).toThrow(message);
  });

  it('names array positions', () => {
    expect(() => v.array(v.string())(['a', 2], 'ids')).toThrow('ids[1]: expected a string, got number');
  });
});
