import { describe, expect, it } from 'vitest';
import type { StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

// the slice alone, without the persisted app store around it
const makeStore = () => createStore<SelectionSlice>()(createSelectionSlice as unknown as StateCreator<SelectionSlice>);

describe('selection slice: opening a trace at a row', () => {
  it('opens the trace with no span yet and remembers the row until a span is selected', () => {
    const store = makeStore();
    store.getState().selectTrace('t0');
    store.getState().selectSpan('s0');
    store.getState().openTraceAt('t1', 'plugin:access:rate-limiting');
    expect(store.getState()).toMatchObject({ traceId: 't1', spanId: null, pendingFocus: { traceId: 't1', rowKey: 'plugin:access:rate-limiting' } });
    store.getState().selectSpan('s1');
    expect(store.getState()).toMatchObject({ traceId: 't1', spanId: 's1', pendingFocus: null });
  });

  it('drops the row when the user picks something else first', () => {
    const store = makeStore();
    store.getState().openTraceAt('t1', 'bucket:access');
    store.getState().selectTrace('t2');
    expect(store.getState()).toMatchObject({ traceId: 't2', pendingFocus: null });
    store.getState().openTraceAt('t1', 'bucket:access');
    store.getState().selectSession('other');
    expect(store.getState().pendingFocus).toBeNull();
    store.getState().openTraceAt('t1', 'bucket:access');
    store.getState().closeHiddenTrace();
    expect(store.getState().pendingFocus).toBeNull();
  });
});
