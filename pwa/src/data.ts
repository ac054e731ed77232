import { useEffect } from 'preact/hooks';
import { api, isApiError, type ApiError } from './api/client';
import type { AppConfig, Region, Village } from './api/types';
import { getLang, useI18n, type Lang } from './i18n';
import { createStore, useStore } from './lib/store';

// --- /config/ (public; names come in the requested language) ----------------

interface ConfigState {
  lang: Lang | null;
  data: AppConfig | null;
  loading: boolean;
  error: ApiError | null;
}

export const configStore = createStore<ConfigState>({
  lang: null,
  data: null,
  loading: false,
  error: null,
});

export async function loadConfig(force = false): Promise<void> {
  const lang = getLang();
  const state = configStore.get();
  if (!force && state.lang === lang && (state.data || state.loading)) return;
  // Keep showing the previous language's data until the new one arrives.
  configStore.set({ lang, loading: true, error: null });
  try {
    const data = await api.get<AppConfig>('/config/', { auth: false });
    if (configStore.get().lang === lang) configStore.set({ data, loading: false });
  } catch (error) {
    if (configStore.get().lang === lang) {
      configStore.set({ loading: false, error: isApiError(error) ? error : null });
    }
  }
}

/** The app configuration in the current language (loads it when needed). */
export function useConfig(): ConfigState {
  const { lang } = useI18n();
  const state = useStore(configStore);
  useEffect(() => {
    void loadConfig();
  }, [lang]);
  return state;
}

// --- regions (public, rarely change: cached for the page's lifetime) -------

let districtsCache: Promise<Region[]> | null = null;
const villagesCache = new Map<string, Promise<Village[]>>();

export function fetchDistricts(): Promise<Region[]> {
  if (!districtsCache) {
    districtsCache = api.get<Region[]>('/regions/districts/', { auth: false });
    districtsCache.catch(() => {
      districtsCache = null;
    });
  }
  return districtsCache;
}

export function fetchVillages(district: string): Promise<Village[]> {
  let cached = villagesCache.get(district);
  if (!cached) {
    cached = api.get<Village[]>(
      `/regions/villages/?district=${encodeURIComponent(district)}`,
      { auth: false },
    );
    villagesCache.set(district, cached);
    cached.catch(() => villagesCache.delete(district));
  }
  return cached;
}

/** For tests. */
export function resetDataCaches(): void {
  districtsCache = null;
  villagesCache.clear();
  configStore.set({ lang: null, data: null, loading: false, error: null });
}
