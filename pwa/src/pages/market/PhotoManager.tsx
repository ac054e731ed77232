import { useEffect, useRef, useState } from 'preact/hooks';
import { isApiError } from '../../api/client';
import {
  deleteProductPhoto,
  getOwnProduct,
  reorderProductPhotos,
  type Photo,
  type ProductDetail,
} from '../../api/market';
import { useI18n } from '../../i18n';
import { newIdempotencyKey } from '../../lib/idempotency';
import { PendingWrites, useOutboxItems, useWhenSent } from '../../offline/hooks';
import { storedFile, submitWrite, type OutboxItem } from '../../offline/outbox';
import { shrinkImage } from '../../lib/shrinkImage';
import { makeCover, movePhoto, photoIds } from './photoOrder';

export const MAX_PHOTOS = 8;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** What the server takes (HEIC from iPhones is converted there). */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
/** Photos are made at most this long on their long side before they are sent. */
const SHRINK_MAX_SIDE = 1600;

/** A photo checked on the phone before sending: the server refuses these anyway. */
export function photoProblem(file: File): 'tooLarge' | 'unsupported' | null {
  if (file.type && !PHOTO_TYPES.includes(file.type)) return 'unsupported';
  if (file.size > MAX_PHOTO_BYTES) return 'tooLarge';
  return null;
}

type Phase = 'waiting' | 'preparing' | 'uploading' | 'failed';

interface Upload {
  id: string;
  name: string;
  phase: Phase;
  percent: number;
  error: string;
  /** The prepared file and its key, kept for a retry after a lost connection. */
  file: File | null;
  key: string;
  retryable: boolean;
}

let uploadSerial = 0;

/**
 * The photos of a product: add (camera or gallery, made smaller first, each
 * with its own progress bar), move left/right (the first is the cover) and
 * delete. Every change answers with the product, which is passed to `onChange`.
 */
export function PhotoManager({
  product,
  onChange,
}: {
  product: ProductDetail;
  onChange: (product: ProductDetail) => void;
}) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  // Moves and deletions one at a time; the buttons stay enabled so focus stays on them.
  const busy = useRef(false);
  const [error, setError] = useState('');
  const [announce, setAnnounce] = useState('');
  const queue = useRef<Promise<void>>(Promise.resolve());
  const productRef = useRef(product);
  productRef.current = product;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const photos = product.photos;
  const active = uploads.filter((upload) => upload.phase !== 'failed').length;
  const room = MAX_PHOTOS - photos.length - active;

  const patch = (id: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));

  const send = async (id: string, file: File, key: string) => {
    patch(id, { phase: 'uploading', percent: 0, error: '', file, key });
    try {
      const productId = productRef.current.id;
      // Through the outbox: with no connection the photo waits on the phone.
      const outcome = await submitWrite<ProductDetail>(
        {
          kind: 'market.photo',
          path: `/market/products/${encodeURIComponent(productId)}/photos/`,
          form: { fields: {}, files: { file: storedFile(file, file.name) } },
          key,
          summary: `${productRef.current.title} · ${file.name}`,
          href: `/umkm/produk-saya/${productId}`,
          meta: { product: productId },
        },
        {
          onProgress: (loaded, total) => {
            if (mounted.current && total > 0) patch(id, { percent: Math.round((loaded / total) * 100) });
          },
        },
      );
      if (!mounted.current) return;
      if (outcome.status === 'queued') {
        setUploads((list) => list.filter((item) => item.id !== id));
        setAnnounce(t('outbox.queued'));
        return;
      }
      const updated = outcome.result;
      setUploads((list) => list.filter((item) => item.id !== id));
      setAnnounce(t('market.photos.added', { name: file.name }));
      onChange(updated);
    } catch (caught) {
      if (!mounted.current) return;
      const apiError = isApiError(caught) ? caught : null;
      // A lost connection or a server hiccup: the same file may be sent again
      // with the same key, so a second copy is never stored.
      const retryable = !apiError || apiError.isNetworkError || apiError.status >= 500;
      patch(id, {
        phase: 'failed',
        retryable,
        error: apiError?.fields.file?.join(' ') || apiError?.message || t('error.generic'),
      });
    }
  };

  const prepareAndSend = async (id: string, original: File) => {
    patch(id, { phase: 'preparing' });
    const file = await shrinkImage(original, { maxSide: SHRINK_MAX_SIDE });
    if (!mounted.current) return;
    const problem = photoProblem(file);
    if (problem) {
      patch(id, {
        phase: 'failed',
        retryable: false,
        error: t(problem === 'tooLarge' ? 'market.photos.tooLarge' : 'market.photos.unsupported'),
      });
      return;
    }
    await send(id, file, newIdempotencyKey());
  };

  /** Uploads run one after another, so photos keep the order they were chosen in. */
  const enqueue = (job: () => Promise<void>) => {
    queue.current = queue.current.then(job, job);
  };

  const onFiles = (files: File[]) => {
    setError('');
    if (!files.length) return;
    const accepted = files.slice(0, Math.max(0, room));
    if (accepted.length < files.length) {
      setError(t('market.photos.tooMany', { max: MAX_PHOTOS }));
    }
    const added: Upload[] = accepted.map((file) => ({
      id: `upload-${++uploadSerial}`,
      name: file.name,
      phase: 'waiting',
      percent: 0,
      error: '',
      file: null,
      key: '',
      retryable: false,
    }));
    setUploads((list) => [...list, ...added]);
    added.forEach((upload, index) => enqueue(() => prepareAndSend(upload.id, accepted[index]!)));
  };

  const retry = (upload: Upload) => {
    if (!upload.file) return;
    const { file, key } = upload;
    patch(upload.id, { phase: 'waiting', error: '' });
    enqueue(() => send(upload.id, file, key));
  };

  const pick = (camera: boolean) => {
    const input = inputRef.current;
    if (!input) return;
    if (camera) input.setAttribute('capture', 'environment');
    else input.removeAttribute('capture');
    input.click();
  };

  const focusPhotoButton = (photoId: string, preferred: string, fallback: string) => {
    setTimeout(() => {
      const item = listRef.current?.querySelector<HTMLElement>(`[data-photo-id="${photoId}"]`);
      const button =
        item?.querySelector<HTMLButtonElement>(`[data-testid="${preferred}"]:not(:disabled)`) ??
        item?.querySelector<HTMLButtonElement>(`[data-testid="${fallback}"]:not(:disabled)`);
      button?.focus();
    }, 0);
  };

  const reorder = async (next: Photo[], moved: Photo, focusOn: string, fallback: string) => {
    if (busy.current) return;
    const before = productRef.current;
    busy.current = true;
    setError('');
    // Show the new order at once; go back to the old one if the server refuses.
    onChange({ ...before, photos: next, cover: next[0] ?? null });
    focusPhotoButton(moved.id, focusOn, fallback);
    const position = next.findIndex((photo) => photo.id === moved.id) + 1;
    setAnnounce(
      position === 1
        ? t('market.photos.nowCover')
        : t('market.photos.moved', { n: position, count: next.length }),
    );
    try {
      onChange(await reorderProductPhotos(before.id, photoIds(next)));
    } catch (caught) {
      onChange(before);
      focusPhotoButton(moved.id, focusOn, fallback);
      setError(isApiError(caught) ? caught.message : t('error.generic'));
    } finally {
      busy.current = false;
    }
  };

  const remove = async (photo: Photo, index: number) => {
    if (busy.current) return;
    busy.current = true;
    setError('');
    try {
      await deleteProductPhoto(product.id, photo.id);
      // The status may change too (a published product goes back to review).
      const updated = await getOwnProduct(product.id).catch(() => {
        const left = productRef.current.photos.filter((item) => item.id !== photo.id);
        return { ...productRef.current, photos: left, cover: left[0] ?? null };
      });
      onChange(updated);
      setAnnounce(t('market.photos.deleted', { n: index + 1 }));
      setTimeout(() => {
        const items = listRef.current?.querySelectorAll<HTMLElement>('[data-testid="photo-item"]');
        const target = items?.[Math.min(index, (items?.length ?? 1) - 1)];
        (target?.querySelector<HTMLElement>('[data-testid="photo-delete"]') ??
          document.getElementById('photos-title'))?.focus();
      }, 0);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : t('error.generic'));
    } finally {
      busy.current = false;
    }
  };

  const uploading = uploads.some((upload) => upload.phase !== 'failed');
  const ofThisProduct = (item: OutboxItem) =>
    item.kind === 'market.photo' && item.meta?.product === product.id;
  const queuedPhotos = useOutboxItems((item) => ofThisProduct(item) && item.state !== 'sent');
  // A photo kept on the phone has arrived: show the product as the server has it.
  useWhenSent(ofThisProduct, () => {
    void getOwnProduct(product.id).then(onChange, () => undefined);
  });

  return (
    <section class="card stack" aria-labelledby="photos-title" data-testid="photos">
      <h2 id="photos-title" tabIndex={-1}>
        {t('market.photos.title')}{' '}
        <span class="small muted">
          {t('market.photos.count', { count: photos.length, max: MAX_PHOTOS })}
        </span>
      </h2>
      <p class="small muted">{t('market.photos.hint')}</p>
      <PendingWrites items={queuedPhotos} testId="pending-photo" />
      {photos.length > 0 ? (
        <ul class="photo-list" role="list" ref={listRef}>
          {photos.map((photo, index) => {
            const n = index + 1;
            return (
              <li
                key={photo.id}
                class="photo-item"
                data-testid="photo-item"
                data-photo-id={photo.id}
              >
                <div class="photo-frame">
                  <img
                    src={photo.src}
                    srcset={photo.srcset}
                    sizes="10rem"
                    width={photo.width}
                    height={photo.height}
                    alt={t('market.photos.alt', { n, title: product.title })}
                    loading="lazy"
                    decoding="async"
                  />
                  {index === 0 && (
                    <span class="photo-cover" data-testid="photo-cover-badge">
                      {t('market.photos.cover')}
                    </span>
                  )}
                </div>
                <div class="photo-tools">
                  <button
                    type="button"
                    class="icon-button"
                    data-testid="photo-left"
                    aria-label={t('market.photos.left', { n })}
                    disabled={index === 0}
                    onClick={() =>
                      void reorder(movePhoto(photos, index, -1), photo, 'photo-left', 'photo-right')
                    }
                  >
                    <span aria-hidden="true">◀</span>
                  </button>
                  <button
                    type="button"
                    class="icon-button"
                    data-testid="photo-right"
                    aria-label={t('market.photos.right', { n })}
                    disabled={index === photos.length - 1}
                    onClick={() =>
                      void reorder(movePhoto(photos, index, 1), photo, 'photo-right', 'photo-left')
                    }
                  >
                    <span aria-hidden="true">▶</span>
                  </button>
                  <button
                    type="button"
                    class="icon-button icon-button--danger"
                    data-testid="photo-delete"
                    aria-label={t('market.photos.delete', { n })}
                    onClick={() => void remove(photo, index)}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </div>
                {index > 0 && (
                  <button
                    type="button"
                    class="button button--small photo-make-cover"
                    data-testid="photo-make-cover"
                    aria-label={t('market.photos.makeCoverN', { n })}
                    onClick={() =>
                      void reorder(makeCover(photos, index), photo, 'photo-right', 'photo-left')
                    }
                  >
                    {t('market.photos.makeCover')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="notice" data-testid="no-photos">
          {t('market.photos.none')}
        </p>
      )}
      {uploads.length > 0 && (
        <ul class="upload-list" role="list">
          {uploads.map((upload) => (
            <li key={upload.id} class="upload-item" data-testid="upload-item" data-phase={upload.phase}>
              <p class="upload-name">{upload.name}</p>
              {upload.phase === 'waiting' && <p class="small muted">{t('market.photos.waiting')}</p>}
              {upload.phase === 'preparing' && (
                <p class="small muted">{t('market.photos.preparing')}</p>
              )}
              {upload.phase === 'uploading' && (
                <div class="upload-progress">
                  <label for={`${upload.id}-progress`}>
                    {t('market.photos.uploading', { name: upload.name })}
                  </label>
                  <div class="upload-progress-bar">
                    <progress
                      id={`${upload.id}-progress`}
                      data-testid="upload-progress"
                      max={100}
                      value={upload.percent}
                    >
                      {upload.percent}%
                    </progress>
                    <span aria-hidden="true">{upload.percent}%</span>
                  </div>
                </div>
              )}
              {upload.phase === 'failed' && (
                <div class="upload-error" role="alert">
                  <p class="field-error">{upload.error}</p>
                  <div class="action-buttons">
                    {upload.retryable && (
                      <button type="button" class="button button--small" onClick={() => retry(upload)}>
                        {t('common.retry')}
                      </button>
                    )}
                    <button
                      type="button"
                      class="button button--small"
                      onClick={() => setUploads((list) => list.filter((item) => item.id !== upload.id))}
                    >
                      {t('market.photos.dismiss')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field-error" role="alert" data-testid="photos-error">
          {error}
        </p>
      )}
      <div class="photo-add" data-testid="photo-add">
        <input
          ref={inputRef}
          type="file"
          class="visually-hidden"
          name="photo"
          accept="image/*"
          capture="environment"
          multiple
          tabIndex={-1}
          aria-label={t('market.photos.input')}
          disabled={room <= 0}
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            onFiles(files);
            // Choosing the same file again must start a new upload.
            input.value = '';
          }}
        />
        <button
          type="button"
          class="button"
          disabled={room <= 0}
          data-testid="photo-camera"
          onClick={() => pick(true)}
        >
          {t('market.photos.camera')}
        </button>
        <button
          type="button"
          class="button"
          disabled={room <= 0}
          data-testid="photo-gallery"
          onClick={() => pick(false)}
        >
          {t('market.photos.gallery')}
        </button>
      </div>
      {room <= 0 && !uploading && <p class="small muted">{t('market.photos.full', { max: MAX_PHOTOS })}</p>}
      <p class="visually-hidden" role="status">
        {announce}
      </p>
    </section>
  );
}
