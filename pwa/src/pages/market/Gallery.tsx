import { useRef, useState } from 'preact/hooks';
import type { Photo } from '../../api/market';
import { useI18n } from '../../i18n';
import { ProductImage } from './ProductCard';

/** Photos fill the main column: the whole width on phones, about 38rem on larger screens. */
const GALLERY_SIZES = '(min-width: 40rem) 38rem, 100vw';

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Swipeable photos (CSS scroll snapping), with dots and previous/next buttons;
 * the left and right arrow keys move between photos when the strip has focus.
 * Only the first photo loads at once.
 */
export function Gallery({ photos, title }: { photos: Photo[]; title: string }) {
  const { t } = useI18n();
  const track = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const count = photos.length;

  if (!count) {
    return (
      <div class="gallery gallery--empty" aria-hidden="true">
        <span>{t('market.noPhoto')}</span>
      </div>
    );
  }

  const goTo = (next: number) => {
    const element = track.current;
    const target = Math.max(0, Math.min(count - 1, next));
    setIndex(target);
    if (!element) return;
    const left = target * element.clientWidth;
    if (typeof element.scrollTo === 'function') {
      element.scrollTo({ left, behavior: reducedMotion() ? 'auto' : 'smooth' });
    } else {
      element.scrollLeft = left;
    }
  };

  const onScroll = () => {
    const element = track.current;
    if (!element || !element.clientWidth) return;
    const current = Math.round(element.scrollLeft / element.clientWidth);
    if (current !== index) setIndex(Math.max(0, Math.min(count - 1, current)));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    goTo(next);
  };

  return (
    <section class="gallery" aria-label={t('market.gallery', { title })} data-testid="gallery">
      <div
        ref={track}
        class="gallery-track"
        role="group"
        tabIndex={0}
        aria-label={count > 1 ? t('market.gallery.keys') : t('market.gallery.one')}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        {photos.map((photo, i) => (
          <div class="gallery-slide" key={photo.id}>
            <ProductImage
              class="gallery-img"
              photo={photo}
              sizes={GALLERY_SIZES}
              alt={t('market.gallery.alt', { title, n: i + 1, count })}
              eager={i === 0}
              testId="gallery-photo"
            />
          </div>
        ))}
      </div>
      {count > 1 && (
        <div class="gallery-controls">
          <button
            type="button"
            class="gallery-arrow"
            aria-label={t('market.gallery.prev')}
            disabled={index === 0}
            onClick={() => goTo(index - 1)}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <div class="gallery-dots" role="group" aria-label={t('market.gallery.choose')}>
            {photos.map((photo, i) => (
              <button
                key={photo.id}
                type="button"
                class="gallery-dot"
                aria-label={t('market.gallery.photo', { n: i + 1, count })}
                aria-current={i === index ? 'true' : undefined}
                onClick={() => goTo(i)}
              >
                <span aria-hidden="true" />
              </button>
            ))}
          </div>
          <button
            type="button"
            class="gallery-arrow"
            aria-label={t('market.gallery.next')}
            disabled={index === count - 1}
            onClick={() => goTo(index + 1)}
          >
            <span aria-hidden="true">›</span>
          </button>
        </div>
      )}
      <p class="visually-hidden" role="status">
        {count > 1 ? t('market.gallery.photo', { n: index + 1, count }) : ''}
      </p>
    </section>
  );
}
