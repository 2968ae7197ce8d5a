/** The one "follow a remote source" loop, on fake timers against a fake source. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { follow, type FollowEvent, type Next, type ReadOutcome, type RemoteSource } from './follow';

interface Page {
  items: string[];
  cursor: number;
  next: Next;
}

/** A source whose reads answer from a script, storing into an array that a test can make fail. */
function fakeSource(script: Array<ReadOutcome<Page>>) {
  const stored: string[] = [];
  const saved: number[] = [];
  const reads: number[] = [];
  const src = {
    stored,
    saved,
    reads,
    failStore: 0,
    async read(cursor: number): Promise<ReadOutcome<Page>> {
      reads.push(cursor);
      return script.shift() ?? { ok: true, page: { items: [], cursor, next: 'poll' } };
    },
    async store(page: Page) {
      if (src.failStore > 0) {
        src.failStore--;
        throw new Error('disk full');
      }
      stored.push(...page.items);
    },
    after: (page: Page) => ({ cursor: page.cursor, next: page.next }),
    async saveCursor(cursor: number) {
      saved.push(cursor);
    },
  } satisfies RemoteSource<number, Page> & Record<string, unknown>;
  return src;
}

const page = (cursor: number, next: Next, ...items: string[]): ReadOutcome<Page> => ({ ok: true, page: { items, cursor, next } });
const fail = (fatal = false, code = 'unavailable'): ReadOutcome<Page> => ({ ok: false, fatal, code, message: `failed: ${code}` });
/** random() = 1 - ε: every back-off wait is its cap, so the growth is visible */
const backoff = { baseMs: 100, maxMs: 1_000, random: () => 0.999_999 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function run(src: ReturnType<typeof fakeSource>, from = 0) {
  const events: FollowEvent<Page>[] = [];
  const ctrl = new AbortController();
  const end = follow(src, from, { pollMs: 2_000, backoff, onEvent: (e) => events.push(e) }, ctrl.signal);
  return { events, ctrl, end, waits: () => events.flatMap((e) => (e.kind === 'retrying' ? [e.inMs] : [])) };
}

describe('follow a remote source', () => {
  it('stores each page, saves the cursor after it, reads on at once while there is more, and ends when done', async () => {
    const src = fakeSource([page(1, 'more', 'a'), page(2, 'poll', 'b'), page(3, 'done', 'c')]);
    const { end, events } = run(src);
    await vi.advanceTimersByTimeAsync(0);
    expect(src.stored).toEqual(['a', 'b']);
    // waits a poll interval before the next read
    await vi.advanceTimersByTimeAsync(1_999);
    expect(src.reads).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await end).toBe('done');
    expect(src.stored).toEqual(['a', 'b', 'c']);
    expect(src.saved).toEqual([1, 2, 3]);
    expect(src.reads).toEqual([0, 1, 2]);
    expect(events.at(-1)).toEqual({ kind: 'done' });
  });

  it('backs off longer after each failure in a row, and starts over after a success', async () => {
    const src = fakeSource([fail(), fail(), fail(), page(1, 'more', 'a'), fail(), page(2, 'done', 'b')]);
    const { end, waits } = run(src);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await end).toBe('done');
    expect(waits()).toEqual([99, 199, 399, 99]);
    expect(src.stored).toEqual(['a', 'b']);
  });

  it('never grows the wait past its cap', async () => {
    const src = fakeSource([...Array.from({ length: 8 }, () => fail()), page(1, 'done')]);
    const { end, waits } = run(src);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await end).toBe('done');
    expect(Math.max(...waits())).toBe(999);
  });

  it('keeps the cursor where it was when the write fails, reads the same page again, and stores it once', async () => {
    const src = fakeSource([page(5, 'more', 'a'), page(5, 'done', 'a')]);
    src.failStore = 1;
    const { end, events } = run(src, 4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await end).toBe('done');
    expect(src.reads).toEqual([4, 4]);
    expect(src.saved).toEqual([5]);
    expect(src.stored).toEqual(['a']);
    expect(events[0]).toMatchObject({ kind: 'retrying', what: 'store', message: 'disk full' });
  });

  it('keeps the cursor where it was when saving it fails', async () => {
    const src = fakeSource([page(1, 'more', 'a'), page(1, 'done', 'a')]);
    let saves = 0;
    src.saveCursor = async (c: number) => {
      if (saves++ === 0) throw new Error('quota');
      src.saved.push(c);
    };
    const { end } = run(src);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await end).toBe('done');
    expect(src.reads).toEqual([0, 0]);
    expect(src.saved).toEqual([1]);
  });

  it('pauses on a failure retrying cannot help, saying why', async () => {
    const src = fakeSource([page(1, 'more', 'a'), fail(true, 'unauthorized')]);
    const { end, events } = run(src);
    expect(await end).toBe('paused');
    expect(events.at(-1)).toEqual({ kind: 'paused', code: 'unauthorized', message: 'failed: unauthorized' });
    expect(src.saved).toEqual([1]);
  });

  it('stops at once when stopped during a poll or a back-off, and reads nothing more', async () => {
    const polling = fakeSource([page(1, 'poll', 'a')]);
    const a = run(polling);
    await vi.advanceTimersByTimeAsync(500);
    a.ctrl.abort();
    expect(await a.end).toBe('stopped');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polling.reads).toEqual([0]);

    const failing = fakeSource([fail(), fail()]);
    const b = run(failing);
    await vi.advanceTimersByTimeAsync(50);
    b.ctrl.abort();
    expect(await b.end).toBe('stopped');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failing.reads).toEqual([0]);
  });

  it('stores nothing read after a stop', async () => {
    let answer!: (r: ReadOutcome<Page>) => void;
    const src = fakeSource([]);
    src.read = (c: number) => {
      src.reads.push(c);
      return new Promise<ReadOutcome<Page>>((r) => (answer = r));
    };
    const { end, ctrl } = run(src);
    await vi.advanceTimersByTimeAsync(0);
    ctrl.abort();
    answer(page(1, 'more', 'late')!);
    expect(await end).toBe('stopped');
    expect(src.stored).toEqual([]);
    expect(src.saved).toEqual([]);
  });
});
