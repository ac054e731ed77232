import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isApiError } from '../../api/client';
import {
  fetchServices,
  getRequest,
  type CivilRequestDetail,
  type CivilService,
  type Page,
} from '../../api/civil';
import { t, useI18n } from '../../i18n';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data (e.g. with the answer of an action). */
  set: (data: T) => void;
}

function asApiError(error: unknown): ApiError {
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

export function useServices(): Resource<CivilService[]> {
  return useResource(fetchServices, []);
}

export function useRequestDetail(id: string): Resource<CivilRequestDetail> {
  return useResource(() => getRequest(id), [id]);
}

export interface PagedList<T> {
  items: T[] | null;
  count: number;
  error: ApiError | null;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
}

/** A paginated list: the first page on load (and when `deps` change), more on request. */
export function usePagedList<T>(
  loadFirst: () => Promise<Page<T>>,
  loadNext: (page: Page<T>) => Promise<Page<T>> | null,
  deps: unknown[],
): PagedList<T> {
  const first = useResource(loadFirst, deps);
  const [extra, setExtra] = useState<{ pages: Page<T>[]; base: Page<T> | null }>({
    pages: [],
    base: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);

  // Pages loaded after an earlier first page do not belong to the new one.
  const pages = extra.base === first.data ? extra.pages : [];
  const last = pages.length ? pages[pages.length - 1]! : first.data;

  const loadMore = async () => {
    if (!last || loadingMore) return;
    const request = loadNext(last);
    if (!request) return;
    const base = first.data;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await request;
      setExtra((current) => ({
        base,
        pages: [...(current.base === base ? current.pages : []), page],
      }));
    } catch (caught) {
      setMoreError(asApiError(caught));
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    items: first.data ? [first.data, ...pages].flatMap((page) => page.results) : null,
    count: first.data?.count ?? 0,
    error: first.error,
    loading: first.loading,
    hasMore: Boolean(last?.next),
    loadingMore,
    moreError,
    loadMore,
    reload: first.reload,
  };
}
