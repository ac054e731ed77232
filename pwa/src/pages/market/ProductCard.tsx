import type { Photo, ProductSummary } from '../../api/market';
import { useI18n } from '../../i18n';
import { productPath } from './paths';
import { Price, ShopBadges } from './ui';

/**
 * How wide a card's picture is drawn: two columns on phones, three from
 * 34rem, at most about 13rem inside the 40rem main column. A 360 px phone
 * thus asks for the 320 w variant (640 w on a 2x screen).
 */
export const CARD_SIZES = '(min-width: 40rem) 13rem, (min-width: 34rem) 33vw, 50vw';

/** A product photo with its variants; lazy unless it is the first thing on screen. */
export function ProductImage({
  photo,
  alt,
  sizes,
  eager = false,
  class: className,
  testId,
}: {
  photo: Photo;
  alt: string;
  sizes: string;
  eager?: boolean;
  class?: string;
  testId?: string;
}) {
  return (
    <img
      class={className}
      src={photo.src}
      srcset={photo.srcset}
      sizes={sizes}
      width={photo.width}
      height={photo.height}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      data-testid={testId}
    />
  );
}

export function ProductCard({ product, eager = false }: { product: ProductSummary; eager?: boolean }) {
  const { t } = useI18n();
  const titleId = `product-card-${product.id}`;
  const soldOut = product.stock <= 0;
  return (
    <li
      class="pcard"
      data-testid="product-card"
      data-product-id={product.id}
      aria-labelledby={titleId}
    >
      <a class="pcard-link" href={productPath(product.id)} data-testid="product-link">
        <span class="pcard-media">
          {product.cover ? (
            <ProductImage
              class="pcard-img"
              photo={product.cover}
              alt=""
              sizes={CARD_SIZES}
              eager={eager}
            />
          ) : (
            <span class="pcard-noimg" aria-hidden="true">
              {t('market.noPhoto')}
            </span>
          )}
          {soldOut && <span class="pcard-soldout">{t('market.soldOut')}</span>}
        </span>
        <span class="pcard-body">
          <span class="pcard-title" id={titleId}>
            {product.title}
          </span>
          <Price value={product.price} unit={product.unit} class="price pcard-price" />
          <span class="pcard-place">{product.shop.village}</span>
        </span>
      </a>
      <ShopBadges shop={product.shop} class="mbadges pcard-badges" />
    </li>
  );
}

export function ProductGrid({
  products,
  eagerFirst = 0,
  label,
}: {
  products: ProductSummary[];
  /** How many of the first cards load their picture at once (above the fold). */
  eagerFirst?: number;
  label?: string;
}) {
  return (
    <ul class="pgrid" role="list" aria-label={label} data-testid="product-grid">
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} eager={index < eagerFirst} />
      ))}
    </ul>
  );
}
