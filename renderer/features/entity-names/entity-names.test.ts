import { describe, expect, it } from 'vitest';
import { mergeNames } from '../../../shared/konnect/entity-names';
import { entityKindOf, missingIds, namesOf } from './entity-names';

describe('entity names kept with a session', () => {
  it('asks only for ids never looked up; a nameless answer (null) counts as looked up', () => {
    const known = { route: { r1: 'checkout', r2: null }, consumer: { c1: 'alice' } };
    expect(missingIds({ route: ['r1', 'r2', 'r3', 'r3'], consumer: ['c1'], upstream: ['u1'] }, known)).toEqual({ route: ['r3'], upstream: ['u1'] });
    expect(missingIds({ route: ['r1'] }, known)).toEqual({});
  });

  it('merges an answer into what is stored, kind by kind', () => {
    expect(mergeNames({ route: { r1: 'a' }, service: { s1: 'x' } }, { route: { r2: 'b' } })).toEqual({ route: { r1: 'a', r2: 'b' }, service: { s1: 'x' } });
  });

  it('reads names from a session row and knows which attributes carry entity ids', () => {
    expect(namesOf({ entityNames: { route: { r: 'n' } } })).toEqual({ route: { r: 'n' } });
    expect(namesOf(undefined)).toEqual({});
    expect(['proxy.kong.route.id', 'proxy.kong.upstream.id', 'proxy.kong.plugin.id'].map(entityKindOf)).toEqual(['route', 'upstream', undefined]);
  });
});
