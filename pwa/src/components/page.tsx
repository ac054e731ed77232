import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { translate, useI18n } from '../i18n';
import { resumeSession, useSession } from '../session';

/** Sets `document.title` for the current page. */
export function usePageTitle(page: string): void {
  const { lang } = useI18n();
  useEffect(() => {
    document.title = translate(lang, 'app.pageTitle', { page });
  }, [page, lang]);
}

/** Page heading; focusable so focus can move to it after navigation. */
export function PageHeading({ children }: { children: ComponentChildren }) {
  return (
    <h1 class="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

export function SoonBadge() {
  const { t } = useI18n();
  return <span class="badge">{t('common.soon')}</span>;
}

const GUEST_PATHS = ['/masuk', '/daftar'];

/** A safe in-app path to return to after logging in. */
export function safeNext(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  const path = value.split(/[?#]/)[0] ?? '/';
  return GUEST_PATHS.includes(path) ? '/' : value;
}

function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => {
    route(to, true);
  }, [to]);
  return <Loading />;
}

function Unavailable() {
  const { t } = useI18n();
  const { error } = useSession();
  usePageTitle(t('offline.title'));
  return (
    <section class="stack">
      <PageHeading>{t('offline.title')}</PageHeading>
      <p>{error && !error.isNetworkError ? error.message : t('offline.body')}</p>
      <button type="button" class="button button--primary" onClick={() => void resumeSession()}>
        {t('common.retry')}
      </button>
    </section>
  );
}

/** Renders the page only for a signed-in user; otherwise goes to /masuk. */
export function RequireAuth({ children }: { children: ComponentChildren }) {
  const { status, notice } = useSession();
  const { url } = useLocation();
  if (status === 'authenticated') return <>{children}</>;
  if (status === 'anonymous') {
    // After an explicit logout there is nothing to come back to.
    const next = url === '/' || notice === 'logged_out' ? '' : `?next=${encodeURIComponent(url)}`;
    return <Redirect to={`/masuk${next}`} />;
  }
  if (status === 'unavailable') return <Unavailable />;
  return <Loading />;
}

/** Renders the page only when signed out; a signed-in user goes on to `next` or home. */
export function GuestOnly({ children }: { children: ComponentChildren }) {
  const { status } = useSession();
  const { query } = useLocation();
  if (status === 'authenticated') return <Redirect to={safeNext(query.next)} />;
  if (status === 'loading') return <Loading />;
  return <>{children}</>;
}
