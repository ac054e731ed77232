import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useI18n } from '../i18n';
import { timeAgo } from '../lib/relativeTime';
import { useStale } from '../offline/reads';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * "Data tersimpan, diperbarui 2 jam yang lalu": shown above a page whose data
 * came from this phone's copy because the network could not answer.
 */
export function SavedNotice() {
  const { t, lang } = useI18n();
  const { path } = useLocation();
  const { route, savedAt } = useStale();
  const online = useOnline();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (route !== path || savedAt === null) {
    return online ? null : (
      <p class="saved-notice" role="status" data-testid="offline-notice">
        {t('outbox.offline')}
      </p>
    );
  }
  return (
    <p class="saved-notice" role="status" data-testid="saved-age" data-saved-at={savedAt}>
      {!online && <span>{t('saved.offline')} </span>}
      {t('saved.updated', { age: timeAgo(savedAt, lang) })}
    </p>
  );
}
