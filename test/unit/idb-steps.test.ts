/**
 * The write driver (renderer/db/idb-steps.ts): a write's steps run inside one IndexedDB transaction and can
 * wait for nothing but IndexedDB reads, so the transaction cannot commit under them (issue 18: re-opening a
 * multi-trace file failed with "Transaction committed too early" because the writer awaited a decoder).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { runSteps, type Answers, type Read, type Steps } from '../../renderer/db/idb-steps';
import { batchSteps } from '../../renderer/db/write-batch';
import { openDb, newSessionRow, type KtvDb, type SessionRow } from '../../renderer/db/schema';

let db: KtvDb;
let n = 0;
beforeEach(() => {
  db = openDb(`steps-${n++}`);
});

const row = (id: string, name = id): SessionRow => newSessionRow({ id, name, source: 'file' }, 1);

describe('runSteps', () => {
  it('answers each round of reads in order, then applies the writes in the same transaction', async () => {
    await db.sessions.bulkPut([row('a'), row('b')]);
    function* steps(): Steps<string[]> {
      const first: Answers = yield [{ kind: 'get', table: 'sessions', keys: ['a', 'missing', 'b'] }];
      const names = (first[0] as (SessionRow | undefined)[]).map((s) => s?.name ?? '-');
      const second: Answers = yield [{ kind: 'all', table: 'sessions' }, { kind: 'count', table: 'logs', index: 'sessionId', value: 'a' }];
      names.push(String((second[0] as unknown[]).length), String(second[1]));
      return { writes: { put: [{ table: 'sessions', rows: [row('c', names.join(','))] }] }, result: names };
    }
    expect(await runSteps(db, ['sessions', 'logs'], {}, steps())).toEqual(['a', '-', 'b', '2', '0']);
    expect((await db.sessions.get('c'))?.name).toBe('a,-,b,2,0');
  });

  it('refuses a step that waits for anything but IndexedDB, and stores nothing of the write', async () => {
    function* steps(): Steps<void> {
      // what the old writer did: wait for a decoder's promise inside the transaction
      yield [Promise.resolve() as unknown as Read];
      return { writes: { put: [{ table: 'sessions', rows: [row('late')] }] }, result: undefined };
    }
    await expect(runSteps(db, ['sessions'], { put: [{ table: 'sessions', rows: [row('early')] }] }, steps())).rejects.toThrow(/only wait for IndexedDB reads/);
    expect(await db.sessions.count()).toBe(0);
  });

  it('a step that throws rolls back the rows put before the first read', async () => {
    function* steps(): Steps<void> {
      yield [{ kind: 'get', table: 'sessions', keys: ['early'] }];
      throw new Error('merge failed');
    }
    await expect(runSteps(db, ['sessions'], { put: [{ table: 'sessions', rows: [row('early')] }] }, steps())).rejects.toThrow('merge failed');
    expect(await db.sessions.count()).toBe(0);
  });

  it('rejects with the failing request’s own error, not the abort it caused', async () => {
    await db.sessions.put(row('dup'));
    function* steps(): Steps<void> {
      yield [];
      return { writes: { add: [{ table: 'sessions', rows: [row('dup')] }] }, result: undefined };
    }
    await expect(runSteps(db, ['sessions'], {}, steps())).rejects.toMatchObject({ name: 'ConstraintError' });
  });

  it('the writer’s batch steps are a synchronous generator: between reads it cannot wait for anything', () => {
    expect(Object.getPrototypeOf(batchSteps).constructor.name).toBe('GeneratorFunction');
    expect(Object.getPrototypeOf(runSteps).constructor.name).toBe('AsyncFunction');
  });
});
