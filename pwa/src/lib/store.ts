import { useEffect, useState } from 'preact/hooks';

export type Listener = () => void;

export interface Store<T> {
  get(): T;
  set(next: Partial<T> | ((state: T) => T)): void;
  subscribe(listener: Listener): () => void;
}

/** A minimal observable state container for app-wide state. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(next) {
      state = typeof next === 'function' ? next(state) : { ...state, ...next };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Re-renders the calling component whenever the store changes. */
export function useStore<T extends object>(store: Store<T>): T {
  const [, setTick] = useState(0);
  const current = store.get();
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    const unsubscribe = store.subscribe(rerender);
    // The state may have changed between render and subscription.
    if (store.get() !== current) rerender();
    return unsubscribe;
  }, [store]);
  return current;
}
