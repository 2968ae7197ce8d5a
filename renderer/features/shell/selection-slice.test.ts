import { describe, expect, it } from 'vitest';
import type { StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createTraceFilterSlice, type TraceFilterSlice } from '../trace-filter/trace-filter-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

type State = SelectionSlice & TraceFilterSlice;
// the slice with the trace sets it reads, without the persisted app store around them
const makeStore = () =>
  createStore<State>()((...a) => ({
    ...(createSelectionSlice as unknown as StateCreator<State, [], [], SelectionSlice>)(...a),
    ...(createTraceFilterSlice as unknown as StateCreator<State, [], [], TraceFilterSlice>)(...a),
  }));

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

describe('selection slice: a trace set listed in the trace list', () => {
  it('stays while a trace it holds opens, and goes when one it would hide opens, by either way of opening', () => {
    const store = makeStore();
    store.getState().selectSession('s');
    store.getState().showTraceSet('s', { label: '5xx', traceIds: ['a', 'b'] });
    store.getState().selectTrace('a');
    expect(store.getState().traceSetBySession.s).toBeDefined();
    store.getState().openTraceAt('c', 'bucket:access');
    expect(store.getState().traceSetBySession.s).toBeUndefined();
    expect(store.getState().traceId).toBe('c');
    store.getState().showTraceSet('s', { label: '5xx', traceIds: ['a', 'b'] });
    store.getState().selectTrace('c');
    expect(store.getState().traceSetBySession.s).toBeUndefined();
  });
});
