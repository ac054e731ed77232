import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { useStore } from '../lib/store';
import { pwaStore } from '../pwa/state';

/**
 * Shown when a new version of the app is waiting. Nothing reloads until the
 * user presses "Perbarui".
 */
export function UpdateBanner() {
  const { t } = useI18n();
  const { needRefresh, update } = useStore(pwaStore);
  const [updating, setUpdating] = useState(false);

  if (!needRefresh) return null;
  return (
    <div class="banner" role="status" data-testid="update-banner">
      <p>{t('update.available')} —</p>
      <div class="banner-actions">
        <button
          type="button"
          class="button button--light"
          disabled={updating || !update}
          onClick={() => {
            setUpdating(true);
            void update?.();
          }}
        >
          {updating ? t('common.processing') : t('update.button')}
        </button>
        <button
          type="button"
          class="button button--ghost"
          onClick={() => pwaStore.set({ needRefresh: false })}
        >
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
