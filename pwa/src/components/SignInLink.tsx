import { useLocation } from 'preact-iso/router';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/**
 * "Masuk" in the header for visitors of the public pages (the UMKM
 * catalogue), coming back to the same page after logging in.
 */
export function SignInLink() {
  const { t } = useI18n();
  const { status } = useSession();
  const { path, url } = useLocation();
  if (status !== 'anonymous' || path === '/masuk' || path === '/daftar') return null;
  const next = url === '/' ? '' : `?next=${encodeURIComponent(url)}`;
  return (
    <a class="button button--light header-login" href={`/masuk${next}`} data-testid="header-login">
      {t('login.title')}
    </a>
  );
}
