import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { ApiError, isApiError } from '../../api/client';
import {
  listModerationProducts,
  listModerationShops,
  moderateProduct,
  moderateShop,
  nextPage,
  type ModerationShop,
  type Page,
  type ProductDetail,
  type ProductModeration,
  type ShopModeration,
  type ShopStatus,
} from '../../api/market';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useConfig } from '../../data';
import { useI18n, type MessageKey } from '../../i18n';
import '../../i18n/market';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import { formatDateTime } from './format';
import { useAppendingList } from './hooks';
import { LoadMore } from './OrderList';
import { MARKET_BASE, MODERATION_PATH, productPath } from './paths';
import {
  BackLink,
  ErrorNotice,
  Price,
  ReasonPanel,
  ShopBadges,
  StatusMessage,
  useAnnouncement,
} from './ui';

export const TABS = ['shops', 'verified', 'suspended', 'products'] as const;
export type Tab = (typeof TABS)[number];

const TAB_SHOP_STATUS: Record<Exclude<Tab, 'products'>, ShopStatus> = {
  shops: 'pending',
  verified: 'verified',
  suspended: 'suspended',
};

type RowAction = ShopModeration | ProductModeration;

/** Actions that ask for a reason first. */
const NEEDS_REASON = new Set<RowAction>(['reject', 'suspend']);

const SHOP_ACTIONS: Record<ShopStatus, ShopModeration[]> = {
  pending: ['verify', 'reject'],
  verified: ['suspend'],
  suspended: ['reinstate'],
  rejected: [],
};

/** Buttons of one row and the reason form of the one that needs it. */
function RowActions({
  idPrefix,
  name,
  actions,
  labels,
  questions,
  onRun,
}: {
  idPrefix: string;
  /** The shop or product name, for the buttons' accessible names. */
  name: string;
  actions: RowAction[];
  labels: Record<string, MessageKey>;
  questions: Record<string, MessageKey>;
  onRun: (action: RowAction, reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<RowAction | null>(null);
  const [busy, setBusy] = useState<RowAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: RowAction) => {
    if (busy) return;
    setBusy(action);
    setError(null);
    try {
      await onRun(action, '');
    } catch (caught) {
      setError(isApiError(caught) ? caught : new ApiError(0, 'client_error', t('error.generic')));
      setBusy(null);
    }
  };
  return (
    <div class="stack">
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div class="action-buttons">
        {actions.map((action) => {
          const reason = NEEDS_REASON.has(action);
          return (
            <button
              key={action}
              type="button"
              class={
                reason ? 'button button--danger' : 'button button--primary'
              }
              data-testid={action === 'reinstate' ? 'reinstate' : action}
              disabled={Boolean(busy)}
              aria-busy={busy === action || undefined}
              aria-expanded={reason ? open === action : undefined}
              aria-label={`${t(labels[action]!)}: ${name}`}
              onClick={() => {
                setError(null);
                if (reason) setOpen(open === action ? null : action);
                else {
                  setOpen(null);
                  void run(action);
                }
              }}
            >
              {busy === action ? t('common.processing') : t(labels[action]!)}
            </button>
          );
        })}
      </div>
      {open && (
        <ReasonPanel
          idPrefix={`${idPrefix}-${open}`}
          question={t(questions[open]!, { name })}
          label={t('market.reason')}
          yes={t(labels[open]!)}
          required
          onConfirm={(reason) => onRun(open, reason)}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

const SHOP_LABELS: Record<string, MessageKey> = {
  verify: 'market.mod.verify',
  reject: 'market.mod.reject',
  suspend: 'market.mod.suspend',
  reinstate: 'market.mod.reinstate',
};
const SHOP_QUESTIONS: Record<string, MessageKey> = {
  reject: 'market.mod.rejectShopQuestion',
  suspend: 'market.mod.suspendQuestion',
};
const PRODUCT_LABELS: Record<string, MessageKey> = {
  approve: 'market.mod.approve',
  reject: 'market.mod.reject',
};
const PRODUCT_QUESTIONS: Record<string, MessageKey> = {
  reject: 'market.mod.rejectProductQuestion',
};

function ShopRow({
  shop,
  onDone,
}: {
  shop: ModerationShop;
  onDone: (shop: ModerationShop, action: ShopModeration) => void;
}) {
  const { t, lang } = useI18n();
  const timeZone = useConfig().data?.regency.timezone;
  const titleId = `mod-shop-${shop.id}`;
  const none = t('common.none');
  return (
    <li class="card stack mod-row" data-testid="moderation-shop" data-id={shop.id} aria-labelledby={titleId}>
      <h3 id={titleId} class="mod-title">
        {shop.name}
      </h3>
      <dl class="facts mod-facts">
        <div>
          <dt>{t('market.mod.owner')}</dt>
          <dd>{shop.owner_name}</dd>
        </div>
        <div>
          <dt>{t('market.mod.place')}</dt>
          <dd>{t('market.place', { village: shop.village.name, district: shop.village.district })}</dd>
        </div>
        <div>
          <dt>{t('market.shopForm.nib')}</dt>
          <dd class="nik" data-testid="shop-nib">
            {shop.nib || none}
          </dd>
        </div>
        <div>
          <dt>{t('market.badge.pirt')}</dt>
          <dd class="nik">{shop.pirt || none}</dd>
        </div>
        <div>
          <dt>{t('market.mod.halal')}</dt>
          <dd>{shop.halal_number || none}</dd>
        </div>
        <div>
          <dt>{t('market.mod.whatsapp')}</dt>
          <dd>{shop.whatsapp}</dd>
        </div>
        <div>
          <dt>{t('market.mod.since')}</dt>
          <dd>{formatDateTime(shop.created_at, lang, timeZone)}</dd>
        </div>
      </dl>
      {shop.description && <p class="small">{shop.description}</p>}
      {shop.status_reason && shop.status !== 'pending' && (
        <p class="small muted">
          {t('market.reason')}: {shop.status_reason}
        </p>
      )}
      <RowActions
        idPrefix={`mod-shop-${shop.id}`}
        name={shop.name}
        actions={SHOP_ACTIONS[shop.status]}
        labels={SHOP_LABELS}
        questions={SHOP_QUESTIONS}
        onRun={async (action, reason) => {
          const updated = await moderateShop(shop.id, action as ShopModeration, reason);
          onDone(updated, action as ShopModeration);
        }}
      />
    </li>
  );
}

function ProductRow({
  product,
  onDone,
}: {
  product: ProductDetail;
  onDone: (product: ProductDetail, action: ProductModeration) => void;
}) {
  const { t } = useI18n();
  const titleId = `mod-product-${product.id}`;
  return (
    <li
      class="card stack mod-row"
      data-testid="moderation-product"
      data-id={product.id}
      aria-labelledby={titleId}
    >
      {product.photos.length > 0 && (
        <ul class="mod-photos" role="list" aria-label={t('market.photos.title')}>
          {product.photos.map((photo, index) => (
            <li key={photo.id}>
              <a href={photo.src} target="_blank" rel="noopener">
                <img
                  src={photo.src}
                  srcset={photo.srcset}
                  sizes="7rem"
                  width={photo.width}
                  height={photo.height}
                  alt={t('market.photos.alt', { n: index + 1, title: product.title })}
                  loading="lazy"
                  decoding="async"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3 id={titleId} class="mod-title">
        <a href={productPath(product.id)}>{product.title}</a>
      </h3>
      <p>
        <Price value={product.price} unit={product.unit} />
        <span class="muted"> · {product.category_name}</span>
      </p>
      {product.description && <p class="small pre-line">{product.description}</p>}
      <p class="small">
        {t('market.mod.shop')}: <strong>{product.shop.name}</strong> ·{' '}
        {t('market.place', { village: product.shop.village, district: product.shop.district })}
      </p>
      <ShopBadges shop={product.shop} />
      <RowActions
        idPrefix={`mod-product-${product.id}`}
        name={product.title}
        actions={['approve', 'reject']}
        labels={PRODUCT_LABELS}
        questions={PRODUCT_QUESTIONS}
        onRun={async (action, reason) => {
          const updated = await moderateProduct(product.id, action as ProductModeration, reason);
          onDone(updated, action as ProductModeration);
        }}
      />
    </li>
  );
}

function ShopPanel({ tab }: { tab: Exclude<Tab, 'products'> }) {
  const { t } = useI18n();
  const status = TAB_SHOP_STATUS[tab];
  const done = useAnnouncement();
  const list = useAppendingList<ModerationShop, Page<ModerationShop>>(
    () => listModerationShops(status),
    nextPage,
    [status],
  );
  return (
    <div class="stack" aria-busy={list.loading || undefined}>
      <StatusMessage state={done} testId="action-done" />
      {list.error && (
        <ErrorNotice error={list.error} intro={t('market.mod.loadError')} onRetry={() => void list.reload()} />
      )}
      {!list.items && !list.error && <Loading />}
      {list.items && list.items.length === 0 && (
        <p class="muted" data-testid="moderation-empty">
          {t(`market.mod.empty.${tab}`)}
        </p>
      )}
      {list.items && list.items.length > 0 && (
        <ul class="mod-list" role="list">
          {list.items.map((shop) => (
            <ShopRow
              key={shop.id}
              shop={shop}
              onDone={(updated, action) => {
                list.update((item) => item.id === shop.id, null);
                done.announce(t(`market.mod.done.${action}`, { name: updated.name }), true);
              }}
            />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.moreError}
        onLoad={() => void list.loadMore()}
      />
    </div>
  );
}

function ProductPanel() {
  const { t } = useI18n();
  const done = useAnnouncement();
  const list = useAppendingList<ProductDetail, Page<ProductDetail>>(
    listModerationProducts,
    nextPage,
    [],
  );
  return (
    <div class="stack" aria-busy={list.loading || undefined}>
      <StatusMessage state={done} testId="action-done" />
      {list.error && (
        <ErrorNotice error={list.error} intro={t('market.mod.loadError')} onRetry={() => void list.reload()} />
      )}
      {!list.items && !list.error && <Loading />}
      {list.items && list.items.length === 0 && (
        <p class="muted" data-testid="moderation-empty">
          {t('market.mod.empty.products')}
        </p>
      )}
      {list.items && list.items.length > 0 && (
        <ul class="mod-list" role="list">
          {list.items.map((product) => (
            <ProductRow
              key={product.id}
              product={product}
              onDone={(updated, action) => {
                list.update((item) => item.id === product.id, null);
                done.announce(t(`market.mod.done.product.${action}`, { name: updated.title }), true);
              }}
            />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.moreError}
        onLoad={() => void list.loadMore()}
      />
    </div>
  );
}

function Moderation() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const tab: Tab = (TABS as readonly string[]).includes(query.tab ?? '') ? (query.tab as Tab) : 'shops';
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  usePageTitle(t('roleTile.market_officer'));

  const choose = (next: Tab, focus = false) => {
    route(next === 'shops' ? MODERATION_PATH : `${MODERATION_PATH}?tab=${next}`, true);
    if (focus) setTimeout(() => tabRefs.current[next]?.focus(), 0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(TABS[next]!, true);
  };

  return (
    <div class="stack stack--loose" data-testid="moderation">
      <header class="page-header">
        <BackLink href="/">{t('nav.home')}</BackLink>
        <PageHeading>{t('roleTile.market_officer')}</PageHeading>
        <p class="lead">{t('market.mod.intro')}</p>
        <p class="back-link">
          <a href={MARKET_BASE}>{t('market.title')}</a>
        </p>
      </header>
      <div class="tabs" role="tablist" aria-label={t('market.mod.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`mod-tab-${name}`}
            class="tab"
            aria-selected={tab === name}
            aria-controls="mod-panel"
            tabIndex={tab === name ? 0 : -1}
            data-testid="moderation-tab"
            data-tab={name}
            onClick={() => choose(name)}
          >
            {t(`market.mod.tab.${name}`)}
          </button>
        ))}
      </div>
      <section id="mod-panel" role="tabpanel" aria-labelledby={`mod-tab-${tab}`} class="stack">
        <h2 class="visually-hidden">{t(`market.mod.tab.${tab}`)}</h2>
        {tab === 'products' ? <ProductPanel /> : <ShopPanel key={tab} tab={tab} />}
      </section>
    </div>
  );
}

function ModerationGuard() {
  const { user } = useSession();
  if (!user) return null;
  if (!user.roles.includes('market_officer')) return <NotFoundContent />;
  return <Moderation />;
}

/** `/umkm/moderasi`: the market officer checks shops and products. */
export function ModerationPage() {
  return (
    <RequireAuth>
      <ModerationGuard />
    </RequireAuth>
  );
}
