import { describe, expect, it } from 'vitest';
import type { StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createWaterfallSlice, selectCollapsed, selectView, type WaterfallSlice } from './waterfall-slice';

// the slice alone, without the persisted app store around it
const makeStore = () => createStore<WaterfallSlice>()(createWaterfallSlice as unknown as StateCreator<WaterfallSlice>);

describe('waterfall slice', () => {
  it('toggles a span collapsed and back', () => {
    const store = makeStore();
    store.getState().toggleWaterfallCollapsed('t1', 'a');
    expect([...selectCollapsed('t1')(store.getState())]).toEqual(['a']);
    store.getState().toggleWaterfallCollapsed('t1', 'a');
    expect(selectCollapsed('t1')(store.getState()).size).toBe(0);
  });

  it('keeps collapse and zoom to the trace they were made in', () => {
    const store = makeStore();
    store.getState().toggleWaterfallCollapsed('t1', 'a');
    store.getState().setWaterfallView('t1', [0.2, 0.4]);
    expect(selectCollapsed('t2')(store.getState()).size).toBe(0);
    expect(selectView('t2')(store.getState())).toEqual([0, 1]);
    // acting on another trace starts it afresh instead of carrying the first one's state over
    store.getState().toggleWaterfallCollapsed('t2', 'b');
    expect([...selectCollapsed('t2')(store.getState())]).toEqual(['b']);
    expect(selectView('t2')(store.getState())).toEqual([0, 1]);
  });

  it('keeps the search across traces', () => {
    const store = makeStore();
    store.getState().setWaterfallSearch('rate-limiting');
    store.getState().setWaterfallView('t2', [0, 0.5]);
    expect(store.getState().waterfallSearch).toBe('rate-limiting');
  });
});
