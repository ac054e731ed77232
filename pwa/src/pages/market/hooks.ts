import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isApiError } from '../../api/client';
import type { CursorPage } from '../../api/market';
import { t, useI18n } from '../../i18n';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data (e.g. with the answer of an action). */
  set: (data: T) => void;
}

export function asApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError(0, 'client_error', t('error.generic'));
}

/**
 * Loads data when the component mounts and whenever `deps` change (always
 * including the language, since the server's names depend on it). Stale
 * answers of an earlier load are ignored.
 */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const { lang } = useI18n();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const serial = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = async () => {
    const mine = ++serial.current;
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (mine !== serial.current) return;
      setData(result);
      setError(null);
    } catch (caught) {
      if (mine !== serial.current) return;
      setError(asApiError(caught));
    } finally {
      if (mine === serial.current) setLoading(false);
    }
  };

  useEffect(() => {
    void reload();
    return () => {
      serial.current++;
    };
  }, [lang, ...deps]);

  return {
    data,
    error,
    loading,
    reload,
    set: (next: T) => {
      serial.current++;
      setData(next);
      setError(null);
      setLoading(false);
    },
  };
}

export interface AppendingList<T, P> {
  /** All rows loaded so far; null until the first page has arrived. */
  items: T[] | null;
  pages: P[] | null;
  error: ApiError | null;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  /** Appends the page after the last one; does nothing at the end or while a page is loading. */
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  /** Replaces one row (e.g. after an action on it). */
  update: (match: (item: T) => boolean, next: T | null) => void;
}

interface ListState<P> {
  pages: P[] | null;
  error: ApiError | null;
  loading: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
}

/**
 * A list that grows page by page, following each page's `next` link (a
 * cursor for the catalogue, a page number elsewhere) until it is null. The
 * first page is loaded on mount and whenever `deps` or the language change;
 * `initial` (e.g. pages kept from an earlier visit) replaces that first load once.
 */
export function useAppendingList<T, P extends CursorPage<T> = CursorPage<T>>(
  loadFirst: () => Promise<P>,
  loadNext: (page: P) => Promise<P> | null,
  deps: unknown[],
  initial: P[] | null = null,
): AppendingList<T, P> {
  const { lang } = useI18n();
  const [state, setState] = useState<ListState<P>>({
    pages: initial,
    error: null,
    loading: !initial,
    loadingMore: false,
    moreError: null,
  });
  const serial = useRef(0);
  const pagesRef = useRef<P[] | null>(initial);
  const busy = useRef(false);
  const useInitial = useRef(Boolean(initial));
  const loadRef = useRef(loadFirst);
  loadRef.current = loadFirst;
  const nextRef = useRef(loadNext);
  nextRef.current = loadNext;

  const reload = async () => {
    const mine = ++serial.current;
    busy.current = false;
    setState((current) => ({ ...current, loading: true, loadingMore: false, moreError: null }));
    try {
      const first = await loadRef.current();
      if (mine !== serial.current) return;
      pagesRef.current = [first];
      setState({ pages: [first], error: null, loading: false, loadingMore: false, moreError: null });
    } catch (caught) {
      if (mine !== serial.current) return;
      setState((current) => ({ ...current, error: asApiError(caught), loading: false }));
    }
  };

  useEffect(() => {
    if (useInitial.current) {
      useInitial.current = false;
    } else {
      pagesRef.current = null;
      setState({ pages: null, error: null, loading: true, loadingMore: false, moreError: null });
      void reload();
    }
    return () => {
      serial.current++;
    };
  }, [lang, ...deps]);

  const loadMore = async () => {
    const pages = pagesRef.current;
    const last = pages?.[pages.length - 1];
    if (!pages || !last || busy.current) return;
    const request = nextRef.current(last);
    if (!request) return;
    const mine = serial.current;
    busy.current = true;
    setState((current) => ({ ...current, loadingMore: true, moreError: null }));
    try {
      const page = await request;
      if (mine !== serial.current) return;
      const grown = [...pages, page];
      pagesRef.current = grown;
      setState((current) => ({ ...current, pages: grown, loadingMore: false }));
    } catch (caught) {
      if (mine !== serial.current) return;
      setState((current) => ({ ...current, loadingMore: false, moreError: asApiError(caught) }));
    } finally {
      if (mine === serial.current) busy.current = false;
    }
  };

  const update = (match: (item: T) => boolean, next: T | null) => {
    const pages = pagesRef.current;
    if (!pages) return;
    const changed = pages.map((page) => ({
      ...page,
      results: page.results.flatMap((item) => (match(item) ? (next ? [next] : []) : [item])),
    }));
    pagesRef.current = changed;
    setState((current) => ({ ...current, pages: changed }));
  };

  const pages = state.pages;
  const last = pages?.[pages.length - 1];
  return {
    items: pages ? pages.flatMap((page) => page.results) : null,
    pages,
    error: state.error,
    loading: state.loading,
    hasMore: Boolean(last?.next),
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    reload,
    update,
  };
}

/** Calls `onVisible` whenever `target` comes near the viewport (endless scrolling). */
export function useNearViewport(
  target: { current: Element | null },
  onVisible: () => void,
  active: boolean,
  /** Re-checks after each change (a short page may leave the sentinel in view). */
  key: unknown,
): void {
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    const element = target.current;
    if (!active || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '0px 0px 600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [active, key]);
}
