import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import { isApiError } from '../../api/client';
import {
  archiveProduct,
  createProduct,
  fetchCategories,
  getOwnProduct,
  submitProduct,
  updateProduct,
  type Category,
  type ProductDetail,
  type ProductPayload,
} from '../../api/market';
import { FormError, SelectField, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { IdempotencyKeys } from '../../lib/idempotency';
import { NotFoundContent } from '../NotFound';
import { formatRupiah, parseWholeNumber } from './format';
import { useResource } from './hooks';
import { MY_PRODUCTS_PATH, ownProductPath, productPath } from './paths';
import { PhotoManager } from './PhotoManager';
import {
  BackLink,
  ErrorNotice,
  StatusBadge,
  StatusMessage,
  statusText,
  TextAreaField,
  useAnnouncement,
} from './ui';

const PRODUCT_FIELDS = ['title', 'category', 'price', 'unit', 'stock', 'description'] as const;

export interface ProductValues {
  title: string;
  category: string;
  price: string;
  unit: string;
  stock: string;
  description: string;
}

const EMPTY_PRODUCT: ProductValues = {
  title: '',
  category: '',
  price: '',
  unit: '',
  stock: '',
  description: '',
};

function productValues(product: ProductDetail): ProductValues {
  return {
    title: product.title,
    category: product.category,
    price: String(product.price),
    unit: product.unit,
    stock: String(product.stock),
    description: product.description,
  };
}

/** The request body from the form: numbers parsed, empty optional fields left out. */
export function productPayload(values: ProductValues): Partial<ProductPayload> {
  const payload: Partial<ProductPayload> = {
    title: values.title.trim(),
    category: values.category,
    description: values.description.trim(),
  };
  const price = parseWholeNumber(values.price);
  if (price !== null) payload.price = price;
  const stock = parseWholeNumber(values.stock);
  if (stock !== null) payload.stock = stock;
  const unit = values.unit.trim();
  if (unit) payload.unit = unit;
  return payload;
}

/** Only what changed since `before`. */
export function productChanges(
  before: ProductDetail,
  values: ProductValues,
): Partial<ProductPayload> {
  const now = productPayload(values);
  const changes: Partial<ProductPayload> = {};
  for (const name of PRODUCT_FIELDS) {
    const value = now[name];
    if (value !== undefined && value !== before[name]) {
      (changes as Record<string, unknown>)[name] = value;
    }
  }
  return changes;
}

/** Changing these of a published product sends it back to review. */
const REVIEWED_FIELDS: (keyof ProductPayload)[] = ['title', 'description', 'category'];

function ProductFields({
  values,
  categories,
  errors,
  onChange,
}: {
  values: ProductValues;
  categories: Category[];
  errors: Record<string, string[]>;
  onChange: (patch: Partial<ProductValues>) => void;
}) {
  const { t } = useI18n();
  const price = parseWholeNumber(values.price);
  return (
    <>
      <TextField
        id="product-title"
        name="title"
        label={t('market.productForm.title')}
        hint={t('market.productForm.titleHint')}
        errors={errors.title}
        value={values.title}
        onValue={(title) => onChange({ title })}
        maxLength={120}
        autoComplete="off"
        required
      />
      <SelectField
        id="product-category"
        name="category"
        label={t('market.productForm.category')}
        errors={errors.category}
        value={values.category}
        options={categories.map((category) => ({ value: category.slug, label: category.name }))}
        placeholder={t('market.productForm.chooseCategory')}
        required
        onValue={(category) => onChange({ category })}
      />
      <div class="mfield-pair">
        <TextField
          id="product-price"
          name="price"
          inputMode="numeric"
          autoComplete="off"
          label={t('market.productForm.price')}
          hint={
            price !== null
              ? t('market.productForm.pricePreview', { price: formatRupiah(price) })
              : t('market.productForm.priceHint')
          }
          errors={errors.price}
          value={values.price}
          onValue={(value) => onChange({ price: value })}
          maxLength={13}
          required
        />
        <TextField
          id="product-unit"
          name="unit"
          label={t('market.productForm.unit')}
          hint={t('market.productForm.unitHint')}
          errors={errors.unit}
          value={values.unit}
          onValue={(unit) => onChange({ unit })}
          maxLength={30}
          autoComplete="off"
        />
      </div>
      <TextField
        id="product-stock"
        name="stock"
        inputMode="numeric"
        autoComplete="off"
        label={t('market.productForm.stock')}
        hint={t('market.productForm.stockHint')}
        errors={errors.stock}
        value={values.stock}
        onValue={(stock) => onChange({ stock })}
        maxLength={7}
      />
      <TextAreaField
        id="product-description"
        name="description"
        label={t('market.productForm.description')}
        hint={t('market.productForm.descriptionHint')}
        errors={errors.description}
        value={values.description}
        onValue={(description) => onChange({ description })}
        rows={5}
        maxLength={4000}
      />
    </>
  );
}

function NewProduct({ categories }: { categories: Category[] }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const [values, setValues] = useState<ProductValues>(EMPTY_PRODUCT);
  const submit = useSubmit(PRODUCT_FIELDS);
  const keys = useRef(new IdempotencyKeys());
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const payload = productPayload(values);
    const key = keys.current.keyFor(payload);
    void submit.run(async () => {
      try {
        const created = await createProduct(payload as ProductPayload, key);
        keys.current.reset();
        route(`${ownProductPath(created.id)}?baru=1`, true);
      } catch (error) {
        if (isApiError(error) && !error.isNetworkError && error.status < 500) keys.current.reset();
        throw error;
      }
    });
  };
  return (
    <form
      ref={submit.formRef}
      class="form"
      method="post"
      noValidate
      onSubmit={onSubmit}
      data-testid="product-form"
    >
      <FormError state={submit} id="product-form-error" />
      <ProductFields
        values={values}
        categories={categories}
        errors={submit.fieldErrors}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <p class="small muted">{t('market.productForm.photosAfter')}</p>
      <SubmitButton busy={submit.busy}>{t('market.productForm.create')}</SubmitButton>
    </form>
  );
}

function EditProductForm({
  product,
  categories,
  onSaved,
}: {
  product: ProductDetail;
  categories: Category[];
  onSaved: (product: ProductDetail) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<ProductValues>(() => productValues(product));
  const submit = useSubmit(PRODUCT_FIELDS);
  const status = useAnnouncement();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const changes = productChanges(product, values);
    status.announce('');
    if (!Object.keys(changes).length) {
      status.announce(t('market.noChanges'), true);
      return;
    }
    const backToReview =
      product.status === 'published' && REVIEWED_FIELDS.some((name) => name in changes);
    void submit.run(async () => {
      const saved = await updateProduct(product.id, changes);
      onSaved(saved);
      setValues(productValues(saved));
      status.announce(
        backToReview && saved.status === 'pending'
          ? t('market.productForm.savedReview')
          : t('market.productForm.saved'),
        true,
      );
    });
  };
  return (
    <form
      ref={submit.formRef}
      class="form"
      method="post"
      noValidate
      onSubmit={onSubmit}
      data-testid="product-form"
    >
      <FormError state={submit} id="product-form-error" />
      <ProductFields
        values={values}
        categories={categories}
        errors={submit.fieldErrors}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <StatusMessage state={status} testId="product-saved" />
      <SubmitButton busy={submit.busy}>{t('market.productForm.save')}</SubmitButton>
    </form>
  );
}

/** Submit for review (draft, rejected) and archive (published), with the result. */
function ProductActions({
  product,
  onChange,
}: {
  product: ProductDetail;
  onChange: (product: ProductDetail) => void;
}) {
  const { t } = useI18n();
  const submit = useSubmit(['photos']);
  const status = useAnnouncement();
  const canSubmit = product.status === 'draft' || product.status === 'rejected';
  const canArchive = product.status === 'published';
  const run = (action: 'submit' | 'archive') => {
    status.announce('');
    void submit.run(async () => {
      const updated =
        action === 'submit' ? await submitProduct(product.id) : await archiveProduct(product.id);
      onChange(updated);
      status.announce(
        t(action === 'submit' ? 'market.productForm.submitted' : 'market.productForm.archived'),
        true,
      );
    });
  };
  if (!canSubmit && !canArchive && !status.message && !submit.error) return null;
  return (
    <section class="card stack" aria-labelledby="product-actions" data-testid="product-actions">
      <h2 id="product-actions">{t('market.productForm.review')}</h2>
      {canSubmit && <p class="small muted">{t('market.productForm.submitHint')}</p>}
      <StatusMessage state={status} testId="action-done" />
      <FormError state={submit} id="product-actions-error" />
      {submit.fieldErrors.photos && (
        <p class="field-error">{submit.fieldErrors.photos.join(' ')}</p>
      )}
      <div class="action-buttons">
        {canSubmit && (
          <button
            type="button"
            class="button button--primary"
            data-testid="product-submit"
            disabled={submit.busy}
            aria-busy={submit.busy || undefined}
            onClick={() => run('submit')}
          >
            {submit.busy ? t('common.processing') : t('market.productForm.submit')}
          </button>
        )}
        {canArchive && (
          <button
            type="button"
            class="button"
            data-testid="product-archive"
            disabled={submit.busy}
            onClick={() => run('archive')}
          >
            {t('market.productForm.archive')}
          </button>
        )}
      </div>
    </section>
  );
}

function ProductStatusBlock({ product }: { product: ProductDetail }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="product-state">
      <h2 id="product-state" class="with-badge">
        {t('market.productForm.state')}{' '}
        <StatusBadge
          kind={product.status}
          label={statusText(t, 'market.product.status', product.status)}
          testId="product-status"
        />
      </h2>
      <p>{t(`market.product.statusHelp.${product.status}`)}</p>
      {product.status === 'rejected' && product.rejection_reason && (
        <p class="notice notice--error" data-testid="rejection-reason">
          {t('market.reason')}: {product.rejection_reason}
        </p>
      )}
      {product.status === 'published' && (
        <>
          <p class="notice notice--warning" data-testid="review-note">
            {t('market.productForm.reviewNote')}
          </p>
          <p>
            <a class="button button--small" href={productPath(product.id)}>
              {t('market.productForm.view')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function EditProduct({ id, categories }: { id: string; categories: Category[] }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const detail = useResource(() => getOwnProduct(id), [id]);
  const product = detail.data;
  const photosRef = useRef(false);
  useEffect(() => {
    // Straight after creating the product, the next step is its photos.
    if (query.baru === '1' && product && !photosRef.current) {
      photosRef.current = true;
      setTimeout(() => document.getElementById('photos-title')?.focus(), 50);
    }
  }, [Boolean(product)]);

  if (!product) {
    if (detail.error?.status === 404 || detail.error?.status === 403) return <NotFoundContent />;
    return detail.error ? (
      <ErrorNotice
        error={detail.error}
        intro={t('market.product.loadError')}
        onRetry={() => void detail.reload()}
      />
    ) : (
      <Loading />
    );
  }
  return (
    <>
      {query.baru === '1' && product.status === 'draft' && (
        <p class="notice notice--done" role="status" data-testid="product-created">
          {t('market.productForm.created')}
        </p>
      )}
      <ProductStatusBlock product={product} />
      <PhotoManager product={product} onChange={detail.set} />
      <ProductActions product={product} onChange={detail.set} />
      <section class="card stack" aria-labelledby="product-details">
        <h2 id="product-details">{t('market.productForm.details')}</h2>
        <EditProductForm product={product} categories={categories} onSaved={detail.set} />
      </section>
    </>
  );
}

function ProductEditor() {
  const { t } = useI18n();
  const { params } = useRoute();
  const id = params.id;
  const categories = useResource(fetchCategories, []);
  const title = id ? t('market.productForm.editTitle') : t('market.productForm.newTitle');
  usePageTitle(title);
  return (
    <div class="stack stack--loose" data-testid="product-editor">
      <header class="page-header">
        <BackLink href={MY_PRODUCTS_PATH}>{t('market.myProducts')}</BackLink>
        <PageHeading>{title}</PageHeading>
      </header>
      {categories.error && !categories.data && (
        <ErrorNotice error={categories.error} onRetry={() => void categories.reload()} />
      )}
      {!categories.data && !categories.error && <Loading />}
      {categories.data &&
        (id ? (
          <EditProduct key={id} id={id} categories={categories.data} />
        ) : (
          <NewProduct categories={categories.data} />
        ))}
    </div>
  );
}

/** `/umkm/produk-saya/baru` and `/umkm/produk-saya/:id`: add or edit a product. */
export function ProductEditPage() {
  return (
    <RequireAuth>
      <ProductEditor />
    </RequireAuth>
  );
}
