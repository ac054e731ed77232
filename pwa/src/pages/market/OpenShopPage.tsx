import { useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { api, isApiError } from '../../api/client';
import { getMyShop, openShop, updateMyShop, type OwnShop } from '../../api/market';
import type { Me } from '../../api/types';
import { useSubmit } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { IdempotencyKeys } from '../../lib/idempotency';
import { sessionStore } from '../../session';
import { useResource } from './hooks';
import { MARKET_BASE, MY_SHOP_PATH, OPEN_SHOP_PATH } from './paths';
import { EMPTY_SHOP, SHOP_FIELDS, ShopForm, shopChanges, shopPayload, shopValues } from './ShopForm';
import { BackLink, ErrorNotice, StatusMessage, useAnnouncement } from './ui';

/** After opening a shop the account has the seller role: load it so the home screen shows it. */
async function reloadMe(): Promise<void> {
  try {
    const me = await api.get<Me>('/me/');
    if (sessionStore.get().status === 'authenticated') sessionStore.set({ user: me });
  } catch {
    // The roles are picked up on the next start anyway.
  }
}

function OpenShop() {
  const { t } = useI18n();
  const { route } = useLocation();
  const existing = useResource(() => getMyShop(), []);
  const submit = useSubmit(SHOP_FIELDS);
  const keys = useRef(new IdempotencyKeys());
  usePageTitle(t('market.openShop.title'));

  const onSubmit = (values: typeof EMPTY_SHOP) => {
    const payload = shopPayload(values);
    const key = keys.current.keyFor(payload);
    void submit.run(async () => {
      try {
        await openShop(payload, key);
      } catch (error) {
        if (isApiError(error) && !error.isNetworkError && error.status < 500) keys.current.reset();
        if (isApiError(error) && error.code === 'shop_exists') void existing.reload();
        throw error;
      }
      keys.current.reset();
      await reloadMe();
      route(`${MY_SHOP_PATH}?baru=1`);
    });
  };

  return (
    <div class="stack stack--loose" data-testid="open-shop">
      <header class="page-header">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <PageHeading>{t('market.openShop.title')}</PageHeading>
        <p class="lead">{t('market.openShop.intro')}</p>
      </header>
      {existing.loading && !existing.data && !existing.error && <Loading />}
      {existing.data ? (
        <div class="notice" data-testid="shop-exists">
          <p>{t('market.openShop.exists', { name: existing.data.name })}</p>
          <p>
            <a class="button button--small" href={MY_SHOP_PATH}>
              {t('market.myShop')}
            </a>
          </p>
        </div>
      ) : (
        !existing.loading && (
          <>
            <ul class="mchecklist">
              <li>{t('market.openShop.need.nib')}</li>
              <li>{t('market.openShop.need.whatsapp')}</li>
              <li>{t('market.openShop.need.review')}</li>
            </ul>
            <ShopForm
              idPrefix="open-shop"
              initial={EMPTY_SHOP}
              submit={submit}
              submitLabel={t('market.openShop.submit')}
              onSubmit={onSubmit}
              testId="open-shop-form"
            />
          </>
        )
      )}
    </div>
  );
}

/** `/umkm/buka-toko`: any resident may open a shop (it is verified before it is shown). */
export function OpenShopPage() {
  return (
    <RequireAuth>
      <OpenShop />
    </RequireAuth>
  );
}

function EditForm({ shop, onSaved }: { shop: OwnShop; onSaved: (shop: OwnShop) => void }) {
  const { t } = useI18n();
  const submit = useSubmit(SHOP_FIELDS);
  const status = useAnnouncement();
  return (
    <>
      <StatusMessage state={status} testId="shop-saved" />
      <ShopForm
        idPrefix="edit-shop"
        initial={shopValues(shop)}
        submit={submit}
        submitLabel={t('market.editShop.submit')}
        testId="edit-shop-form"
        onSubmit={(values) => {
          const changes = shopChanges(shop, values);
          status.announce('');
          if (!Object.keys(changes).length) {
            status.announce(t('market.noChanges'), true);
            return;
          }
          void submit.run(async () => {
            const saved = await updateMyShop(changes);
            onSaved(saved);
            status.announce(
              shop.status === 'verified' && saved.status === 'pending'
                ? t('market.editShop.savedReview')
                : t('market.editShop.saved'),
              true,
            );
          });
        }}
      />
    </>
  );
}

function EditShop() {
  const { t } = useI18n();
  const shop = useResource(() => getMyShop(true), []);
  usePageTitle(t('market.editShop.title'));
  return (
    <div class="stack stack--loose" data-testid="edit-shop">
      <header class="page-header">
        <BackLink href={MY_SHOP_PATH}>{t('market.myShop')}</BackLink>
        <PageHeading>{t('market.editShop.title')}</PageHeading>
      </header>
      {shop.error && (
        <ErrorNotice error={shop.error} onRetry={() => void shop.reload()} />
      )}
      {shop.loading && !shop.data && <Loading />}
      {!shop.loading && !shop.error && !shop.data && (
        <p>
          <a class="button button--primary" href={OPEN_SHOP_PATH}>
            {t('market.openShop')}
          </a>
        </p>
      )}
      {shop.data && (
        <>
          {shop.data.status === 'verified' && (
            <p class="notice">{t('market.editShop.reviewNote')}</p>
          )}
          <EditForm shop={shop.data} onSaved={shop.set} />
        </>
      )}
    </div>
  );
}

/** `/umkm/toko-saya/ubah`: edit my shop. */
export function EditShopPage() {
  return (
    <RequireAuth>
      <EditShop />
    </RequireAuth>
  );
}
