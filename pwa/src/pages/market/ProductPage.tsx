import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { getMyShop, getProduct, type ProductDetail } from '../../api/market';
import { Loading, PageHeading, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import { Gallery } from './Gallery';
import { useResource } from './hooks';
import { OrderForm } from './OrderForm';
import { loginPath, MARKET_BASE, ownProductPath, productPath, shopPath } from './paths';
import { BackLink, ErrorNotice, Price, ShopBadges, StatusBadge, statusText } from './ui';

/** Whether the signed-in user owns the shop selling this product. */
function useOwnsShop(shopId: string): boolean {
  const { status, user } = useSession();
  const seller = status === 'authenticated' && Boolean(user?.roles.includes('seller'));
  const [owns, setOwns] = useState(false);
  useEffect(() => {
    setOwns(false);
    if (!seller) return;
    let active = true;
    getMyShop()
      .then((shop) => active && setOwns(shop?.id === shopId))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [seller, shopId]);
  return owns;
}

export function StockText({ stock, unit }: { stock: number; unit: string }) {
  const { t } = useI18n();
  return (
    <p class={stock > 0 ? 'stock' : 'stock stock--out'} data-testid="product-stock">
      {stock > 0 ? t('market.stock', { stock, unit }) : t('market.soldOut')}
    </p>
  );
}

function OrderBox({ product, onStockChanged }: { product: ProductDetail; onStockChanged: () => void }) {
  const { t } = useI18n();
  const { status } = useSession();
  const owns = useOwnsShop(product.shop.id);

  if (product.status !== 'published') {
    return (
      <div class="notice" data-testid="not-published">
        <p>
          {t('market.product.notPublished')}{' '}
          <StatusBadge
            kind={product.status}
            label={statusText(t, 'market.product.status', product.status)}
          />
        </p>
      </div>
    );
  }
  if (owns) {
    return (
      <div class="notice" data-testid="own-product">
        <p>{t('market.product.own')}</p>
        <p>
          <a class="button button--small" href={ownProductPath(product.id)}>
            {t('market.product.edit')}
          </a>
        </p>
      </div>
    );
  }
  if (product.stock <= 0) {
    return (
      <div class="notice">
        <p>{t('market.order.soldOut')}</p>
      </div>
    );
  }
  if (status !== 'authenticated') {
    return (
      <div class="card stack order-login">
        <p>{t('market.order.loginIntro')}</p>
        <a
          class="button button--primary"
          href={loginPath(productPath(product.id))}
          data-testid="login-to-order"
        >
          {t('market.order.login')}
        </a>
      </div>
    );
  }
  return (
    <div class="card">
      <OrderForm key={product.id} product={product} onStockChanged={onStockChanged} />
    </div>
  );
}

function ProductView({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useResource(() => getProduct(id), [id]);
  const product = detail.data;
  usePageTitle(product ? product.title : t('market.title'));

  if (!product) {
    if (detail.error?.status === 404) return <NotFoundContent />;
    return (
      <div class="stack">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <PageHeading>{t('market.title')}</PageHeading>
        {detail.error ? (
          <ErrorNotice
            error={detail.error}
            intro={t('market.product.loadError')}
            onRetry={() => void detail.reload()}
          />
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const shop = product.shop;
  return (
    <article class="stack stack--loose product-page" data-testid="product-page">
      <div class="stack">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <Gallery photos={product.photos} title={product.title} />
        <header class="page-header product-head">
          <p class="small muted">{product.category_name}</p>
          <h1 class="page-title" tabIndex={-1} data-testid="product-title">
            {product.title}
          </h1>
          <p class="product-price">
            <Price value={product.price} unit={product.unit} testId="product-price" />
          </p>
          <StockText stock={product.stock} unit={product.unit} />
        </header>
        <a
          class="button button--wa"
          href={product.whatsapp_url}
          target="_blank"
          rel="noopener"
          data-testid="whatsapp"
        >
          <svg class="wa-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm0 18.2a8.2 8.2 0 0 1-4.2-1.1l-.3-.2-3 .8.8-2.9-.2-.3A8.2 8.2 0 1 1 12 20.2zm4.5-6.1c-.2-.1-1.5-.7-1.7-.8-.2-.1-.4-.1-.6.1l-.8 1c-.1.2-.3.2-.5.1a6.7 6.7 0 0 1-3.3-2.9c-.3-.4.3-.4.7-1.3.1-.2 0-.3 0-.4l-.8-1.8c-.2-.5-.4-.4-.6-.4h-.5a1 1 0 0 0-.7.3 3 3 0 0 0-.9 2.2 5.2 5.2 0 0 0 1.1 2.7 11.8 11.8 0 0 0 4.5 4c1.7.7 2.3.8 3.2.6a2.7 2.7 0 0 0 1.8-1.2 2.2 2.2 0 0 0 .1-1.3c0-.1-.2-.2-.5-.3z" />
          </svg>
          <span>{t('market.whatsapp')}</span>
          <span class="visually-hidden"> {t('market.newWindow')}</span>
        </a>
      </div>
      {product.description && (
        <section class="stack" aria-labelledby="product-description">
          <h2 id="product-description">{t('market.product.description')}</h2>
          <p class="product-description">{product.description}</p>
        </section>
      )}
      <section class="card stack shop-card" aria-labelledby="product-shop" data-testid="shop-card">
        <h2 id="product-shop" class="small muted">
          {t('market.product.seller')}
        </h2>
        <p class="shop-card-name">
          <a href={shopPath(shop.slug)} data-testid="shop-link">
            {shop.name}
          </a>
        </p>
        <p class="muted">{t('market.place', { village: shop.village, district: shop.district })}</p>
        <ShopBadges shop={shop} />
      </section>
      <OrderBox product={product} onStockChanged={() => void detail.reload()} />
    </article>
  );
}

function ProductRoute() {
  const { params } = useRoute();
  const id = params.id ?? '';
  return <ProductView key={id} id={id} />;
}

/** `/umkm/produk/:id`: a product (public). */
export function ProductPage() {
  return <ProductRoute />;
}
