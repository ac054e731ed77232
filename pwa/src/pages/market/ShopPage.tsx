import { useRoute } from 'preact-iso/router';
import { getShopPage } from '../../api/market';
import { Loading, PageHeading, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { NotFoundContent } from '../NotFound';
import { useResource } from './hooks';
import { MARKET_BASE } from './paths';
import { ProductGrid } from './ProductCard';
import { BackLink, ErrorNotice, ShopBadges } from './ui';

function ShopView({ slug }: { slug: string }) {
  const { t } = useI18n();
  const page = useResource(() => getShopPage(slug), [slug]);
  const data = page.data;
  usePageTitle(data ? data.shop.name : t('market.title'));

  if (!data) {
    if (page.error?.status === 404) return <NotFoundContent />;
    return (
      <div class="stack">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <PageHeading>{t('market.title')}</PageHeading>
        {page.error ? (
          <ErrorNotice
            error={page.error}
            intro={t('market.shop.loadError')}
            onRetry={() => void page.reload()}
          />
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const { shop, products } = data;
  return (
    <div class="stack stack--loose" data-testid="shop-page" data-slug={shop.slug}>
      <header class="page-header">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <PageHeading>{shop.name}</PageHeading>
        <p class="muted">
          {t('market.place', { village: shop.village.name, district: shop.village.district })}
        </p>
        <ShopBadges shop={{ verified: shop.verified, halal: Boolean(shop.halal_number), pirt: Boolean(shop.pirt) }} />
      </header>
      {shop.description && <p class="shop-description">{shop.description}</p>}
      <p>
        <a
          class="button button--wa"
          href={shop.whatsapp_url}
          target="_blank"
          rel="noopener"
          data-testid="whatsapp"
        >
          <span>{t('market.whatsapp')}</span>
          <span class="visually-hidden"> {t('market.newWindow')}</span>
        </a>
      </p>
      <section class="stack" aria-labelledby="shop-products">
        <h2 id="shop-products">{t('market.shop.products', { count: products.length })}</h2>
        {products.length ? (
          <ProductGrid products={products} eagerFirst={2} label={t('market.products')} />
        ) : (
          <p class="muted">{t('market.shop.noProducts')}</p>
        )}
      </section>
    </div>
  );
}

function ShopRoute() {
  const { params } = useRoute();
  const slug = params.slug ?? '';
  return <ShopView key={slug} slug={slug} />;
}

/** `/umkm/toko/:slug`: a shop and its products (public). */
export function ShopPage() {
  return <ShopRoute />;
}
