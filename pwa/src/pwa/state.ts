import { createStore } from '../lib/store';

export interface PwaState {
  /** A new service worker is installed and waiting. */
  needRefresh: boolean;
  /** Activates the waiting worker and reloads once it has taken over. */
  update: (() => Promise<void>) | null;
}

export const pwaStore = createStore<PwaState>({
  needRefresh: false,
  update: null,
});
