import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** A slice creator typed against the whole store, so slices can read each other. */
export type Slice<T> = StateCreator<AppState, [['zustand/persist', unknown]], [], T>;
