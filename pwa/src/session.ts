import { api, isApiError, REFRESH_STORAGE_KEY, type ApiError } from './api/client';
import type { AuthResponse, Me, MePatch, RegisterPayload } from './api/types';
import { getLang, hasStoredLang, LANG_STORAGE_KEY, setLang, type Lang } from './i18n';
import { createStore, useStore } from './lib/store';
import { clearUser, hasIndexedDb } from './offline/db';
import { flush, setOutboxUser } from './offline/outbox';
import { readCache, savedReadAnyLang, setReadCacheUser } from './offline/reads';

/** The signed-in user's id, kept to open the app offline with the saved profile. */
export const USER_STORAGE_KEY = 'pw.uid';

export type SessionStatus =
  /** Resuming a stored session. */
  | 'loading'
  | 'anonymous'
  | 'authenticated'
  /** A stored session exists but could not be resumed (offline or server trouble). */
  | 'unavailable';

export type SessionNotice = 'session_expired' | 'logged_out' | null;

export interface SessionState {
  status: SessionStatus;
  user: Me | null;
  notice: SessionNotice;
  /** Why resuming failed, for the 'unavailable' status. */
  error: ApiError | null;
  /** Signed in from the saved profile while the server cannot be reached. */
  offline?: boolean;
}

export const sessionStore = createStore<SessionState>({
  status: api.hasSession() ? 'loading' : 'anonymous',
  user: null,
  notice: null,
  error: null,
});

export function useSession(): SessionState {
  return useStore(sessionStore);
}

/** Listeners run on logout / session end so other modules can drop personal data. */
const clearHandlers = new Set<() => void>();
export function onPersonalDataCleared(handler: () => void): () => void {
  clearHandlers.add(handler);
  return () => {
    clearHandlers.delete(handler);
  };
}

function clearPersonalData(): void {
  for (const handler of clearHandlers) handler();
  // Anything else the app may have stored under its prefix, except the
  // device's language choice.
  for (const storage of [safeStorage('local'), safeStorage('session')]) {
    if (!storage) continue;
    for (let i = storage.length - 1; i >= 0; i--) {
      const key = storage.key(i);
      if (key && key.startsWith('pw.') && key !== LANG_STORAGE_KEY) storage.removeItem(key);
    }
  }
}

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

api.readCache = readCache;

function forgetUser(): void {
  setOutboxUser(null);
  setReadCacheUser(null);
}

api.onSessionEnded = () => {
  const wasAuthenticated = sessionStore.get().status === 'authenticated';
  const user = sessionStore.get().user;
  clearPersonalData();
  // The saved pages go; writes still waiting are kept for this user's next login.
  if (user && hasIndexedDb()) void clearReads(user.id);
  forgetUser();
  sessionStore.set({
    status: 'anonymous',
    user: null,
    error: null,
    notice: wasAuthenticated ? 'session_expired' : sessionStore.get().notice,
  });
};

async function clearReads(user: string): Promise<void> {
  try {
    const { db } = await import('./offline/db');
    const database = await db();
    const keys = await database.getAllKeysFromIndex('reads', 'by-user', user);
    await Promise.all(keys.map((key) => database.delete('reads', key)));
  } catch {
    // Nothing to clear.
  }
}

function setUser(user: Me, offline = false): void {
  const previous = sessionStore.get().user?.id;
  setReadCacheUser(user.id);
  try {
    localStorage.setItem(USER_STORAGE_KEY, user.id);
  } catch {
    // Offline start will not be possible on this device.
  }
  sessionStore.set({ status: 'authenticated', user, error: null, notice: null, offline });
  // Kept for opening the app offline next time.
  if (!offline) void readCache.save('/me/', getLang(), user);
  if (previous !== user.id || !offline) {
    void setOutboxUser(user.id).then(() => {
      if (!offline) void flush();
    });
  }
}

function storedUserId(): string | null {
  try {
    return localStorage.getItem(USER_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Reconciles the UI language with the profile after signing in: a language
 * chosen on this device wins and is saved to the profile; otherwise the
 * profile's language is adopted.
 */
async function reconcileLanguage(user: Me): Promise<void> {
  const deviceLang = getLang();
  if (hasStoredLang()) {
    if (user.language !== deviceLang) await saveLanguage(deviceLang);
  } else if (user.language !== deviceLang) {
    setLang(user.language);
  }
}

async function saveLanguage(lang: Lang): Promise<void> {
  try {
    const me = await api.patch<Me>('/me/', { language: lang });
    if (sessionStore.get().status === 'authenticated') setUser(me);
  } catch {
    // Not critical: the device keeps the choice and it is retried next time.
  }
}

/** On app start: resume a stored session (refresh, then load /me). */
export async function resumeSession(): Promise<void> {
  if (!api.hasSession()) {
    sessionStore.set({ status: 'anonymous', user: null, error: null });
    return;
  }
  // Public pages (a product) read with the session before it is resumed: their
  // offline copies belong to the user whose session this is.
  const storedUser = storedUserId();
  if (storedUser) setReadCacheUser(storedUser);
  // Signed in offline already: keep the screen while the session is renewed.
  if (sessionStore.get().status !== 'authenticated') {
    sessionStore.set({ status: 'loading', error: null });
  }
  try {
    await api.refresh();
    const me = await api.get<Me>('/me/');
    setUser(me);
    void reconcileLanguage(me);
  } catch (error) {
    const unreachable = isApiError(error) && (error.isNetworkError || error.status >= 500);
    const uid = storedUserId();
    if (unreachable && uid && api.hasSession()) {
      // Offline start: open with the profile saved last time; the session is
      // renewed when the connection is back.
      const saved = await savedReadAnyLang<Me>(uid, '/me/');
      if (saved) {
        setUser(saved, true);
        return;
      }
    }
    if (!api.hasSession()) {
      // The refresh token was refused; onSessionEnded already reset the state.
      sessionStore.set({ status: 'anonymous', user: null });
      return;
    }
    sessionStore.set({
      status: 'unavailable',
      error: isApiError(error) ? error : null,
    });
  }
}

function signedIn(result: AuthResponse): Me {
  setUser(result.user);
  void reconcileLanguage(result.user);
  return result.user;
}

export async function login(identifier: string, password: string): Promise<Me> {
  return signedIn(await api.login(identifier, password));
}

export async function register(payload: RegisterPayload): Promise<Me> {
  return signedIn(await api.register(payload));
}

export async function logout(): Promise<void> {
  const user = sessionStore.get().user?.id ?? storedUserId();
  await api.logout();
  forgetUser();
  // Nothing personal stays on the phone: saved pages and unsent writes go.
  if (user) await clearUser(user).catch(() => undefined);
  clearPersonalData();
  sessionStore.set({ status: 'anonymous', user: null, error: null, notice: 'logged_out' });
}

export async function updateProfile(patch: MePatch): Promise<Me> {
  const me = await api.patch<Me>('/me/', patch);
  setUser(me);
  if (patch.language && me.language !== getLang()) setLang(me.language);
  return me;
}

export async function changePassword(current: string, next: string): Promise<void> {
  await api.changePassword(current, next);
}

const LANGUAGE_SAVE_WAIT_MS = 4000;

/**
 * Language switch. When signed in, the choice is saved to the profile first
 * (waiting at most a few seconds) so the UI and the stored preference change
 * together; offline or on error it still applies on this device.
 */
export async function chooseLanguage(lang: Lang): Promise<void> {
  const { status, user } = sessionStore.get();
  if (status === 'authenticated' && user && user.language !== lang) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      saveLanguage(lang),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, LANGUAGE_SAVE_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
  }
  setLang(lang);
}

export function clearNotice(): void {
  if (sessionStore.get().notice) sessionStore.set({ notice: null });
}

/**
 * Keeps tabs in step (a logout or login in another tab applies here too) and
 * resumes the session when the connection comes back.
 */
export function watchSessionChanges(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== REFRESH_STORAGE_KEY) return;
    const { status } = sessionStore.get();
    if (!event.newValue && status === 'authenticated') {
      api.dropAccessToken();
      forgetUser();
      clearPersonalData();
      sessionStore.set({ status: 'anonymous', user: null, notice: 'logged_out', error: null });
    } else if (event.newValue && (status === 'anonymous' || status === 'unavailable')) {
      void resumeSession();
    }
  };
  // Coming back online: retry a session that could not be resumed.
  const onOnline = () => {
    const { status, offline } = sessionStore.get();
    if (status === 'unavailable' || (status === 'authenticated' && offline)) void resumeSession();
  };
  addEventListener('storage', onStorage);
  addEventListener('online', onOnline);
  return () => {
    removeEventListener('storage', onStorage);
    removeEventListener('online', onOnline);
  };
}
