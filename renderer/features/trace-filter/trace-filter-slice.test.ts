import { describe, expect, it } from 'vitest';
import type { StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createLayoutSlice, type LayoutSlice } from '../shell/layout-slice';
import { createTraceFilterSlice, selectTraceSet, type TraceFilterSlice } from './trace-filter-slice';

type State = TraceFilterSlice & LayoutSlice & { sessionId: string | null };
// the two slices a trace set touches, without the persisted app store around them
const makeStore = () =>
  createStore<State>()((...a) => ({
    sessionId: 's1',
    ...(createTraceFilterSlice as unknown as StateCreator<State, [], [], TraceFilterSlice>)(...a),
    ...(createLayoutSlice as unknown as StateCreator<State, [], [], LayoutSlice>)(...a),
  }));

describe('trace set', () => {
  it("is per session, switches the list pane to the list, and goes when removed, leaving other sessions' sets", () => {
    const store = makeStore();
    store.getState().setListTab('insights');
    store.getState().showTraceSet('s1', { label: '5xx of POST /payments', traceIds: ['a', 'b'] });
    store.getState().showTraceSet('s2', { label: 'the rest', traceIds: ['c', 'd'] });
    expect(store.getState().listTab).toBe('traces');
    expect(selectTraceSet(store.getState())).toEqual({ label: '5xx of POST /payments', traceIds: ['a', 'b'] });
    // another session shows its own set, not the last one shown
    expect(selectTraceSet({ ...store.getState(), sessionId: 's2' })?.label).toBe('the rest');
    store.getState().clearTraceSet('s1');
    expect(selectTraceSet(store.getState())).toBeNull();
    expect(selectTraceSet({ ...store.getState(), sessionId: 's2' })?.label).toBe('the rest');
    // removing what is not there changes nothing
    const before = store.getState().traceSetBySession;
    store.getState().clearTraceSet('s1');
    expect(store.getState().traceSetBySession).toBe(before);
  });

  it('leaves the expression filter alone: the set is shown on top of it', () => {
    const store = makeStore();
    store.getState().setTraceExpr('s1', 'http.response.status_code >= 500');
    store.getState().showTraceSet('s1', { label: 'x', traceIds: ['a', 'b'] });
    store.getState().clearTraceSet('s1');
    expect(store.getState().traceExprBySession.s1).toBe('http.response.status_code >= 500');
  });
});
