/**
 * UMKM marketplace: contract types and calls to /api/v1/market/. Only the
 * lazily loaded market screens import this module.
 *
 * Browsing is public: catalogue, categories and shop pages are fetched
 * without the session (cacheable, and no Authorization header when logged
 * out); a product page uses the session when there is one, because a seller
 * sees her own products in every state.
 */
import { getLang, type Lang } from '../i18n';
import { onPersonalDataCleared } from '../session';
import { api, isApiError, toApiPath } from './client';

// --- catalogue ------------------------------------------------------------------

export interface Category {
  slug: string;
  name: string;
}

/** A product photo with its WebP variants (320, 640 and 1280 px wide, never enlarged). */
export interface Photo {
  id: string;
  src: string;
  srcset: string;
  /** Size of the original picture: its aspect ratio. */
  width: number;
  height: number;
}

export interface ShopBrief {
  id: string;
  name: string;
  slug: string;
  village: string;
  district: string;
  verified: boolean;
  halal: boolean;
  pirt: boolean;
}

export const PRODUCT_STATUSES = ['draft', 'pending', 'published', 'rejected', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export interface ProductSummary {
  id: string;
  title: string;
  /** Whole rupiah. */
  price: number;
  unit: string;
  stock: number;
  status: ProductStatus;
  /** Category slug. */
  category: string;
  shop: ShopBrief;
  cover: Photo | null;
  published_at: string | null;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  photos: Photo[];
  whatsapp_url: string;
  category_name: string;
  rejection_reason: string;
  updated_at: string;
}

export const ORDERINGS = ['newest', 'price', '-price', 'relevance'] as const;
export type Ordering = (typeof ORDERINGS)[number];

/** A cursor-paginated answer (the catalogue). */
export interface CursorPage<T> {
  next: string | null;
  previous: string | null;
  results: T[];
}

/** A page-numbered answer (orders, own products, moderation). */
export interface Page<T> extends CursorPage<T> {
  count: number;
}

// --- shops ------------------------------------------------------------------------

export const SHOP_STATUSES = ['pending', 'verified', 'rejected', 'suspended'] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

export interface ShopVillage {
  code: string;
  name: string;
  district: string;
}

export interface Shop {
  id: string;
  name: string;
  slug: string;
  description: string;
  village: ShopVillage;
  logo: string | null;
  whatsapp_url: string;
  nib: string;
  pirt: string;
  halal_number: string;
  status: ShopStatus;
  verified: boolean;
  verified_at: string | null;
  created_at: string;
}

export interface OwnShop extends Shop {
  /** E.164, e.g. +6281234567890. */
  whatsapp: string;
  /** Why the shop was rejected or suspended. */
  status_reason: string;
}

export interface ModerationShop extends OwnShop {
  owner_name: string;
}

export interface ShopPageData {
  shop: Shop;
  products: ProductSummary[];
}

export interface ShopPayload {
  name: string;
  description?: string;
  village_code: string;
  whatsapp: string;
  nib: string;
  pirt?: string;
  halal_number?: string;
}

export interface SellerSummary {
  shop: { id: string; name: string; slug: string; status: ShopStatus };
  orders_by_status: Partial<Record<OrderStatus, number>>;
  products_by_status: Partial<Record<ProductStatus, number>>;
  low_stock: { id: string; title: string; stock: number; unit: string }[];
  low_stock_threshold: number;
}

// --- products (seller) ------------------------------------------------------------------

export interface ProductPayload {
  title: string;
  description: string;
  category: string;
  price: number;
  unit: string;
  stock: number;
}

// --- orders --------------------------------------------------------------------------------

export const ORDER_STATUSES = ['pending', 'confirmed', 'sent', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['confirm', 'send', 'complete', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export type PaymentMethod = 'cod' | 'transfer';

export interface OrderItem {
  product: string;
  title: string;
  unit: string;
  unit_price: number;
  quantity: number;
  subtotal: number;
}

export interface Order {
  id: string;
  code: string;
  shop: ShopBrief;
  buyer_name: string;
  status: OrderStatus;
  status_label: string;
  payment_method: PaymentMethod;
  delivery_note: string;
  total: number;
  items: OrderItem[];
  cancel_reason: string;
  /** 'buyer' or 'seller' once cancelled. */
  cancelled_by: string;
  created_at: string;
  updated_at: string;
  /** Which side of the order the caller is on. */
  side: 'buyer' | 'seller';
  allowed_actions: OrderAction[];
}

export interface OrderPayload {
  items: { product: string; quantity: number }[];
  payment_method: PaymentMethod;
  delivery_note?: string;
}

// --- moderation -------------------------------------------------------------------------------

export type ShopModeration = 'verify' | 'reject' | 'suspend' | 'reinstate';
export type ProductModeration = 'approve' | 'reject';

// --- calls -----------------------------------------------------------------------------------------

const enc = encodeURIComponent;

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A public GET: with the session when there is one (a seller sees her own
 * products in any state), otherwise without any Authorization header. A
 * stored session that can no longer be renewed falls back to the public answer.
 */
async function publicGet<T>(path: string): Promise<T> {
  if (!api.hasSession()) return api.get<T>(path, { auth: false });
  try {
    return await api.get<T>(path);
  } catch (error) {
    if (isApiError(error) && error.status === 401 && !api.hasSession()) {
      return api.get<T>(path, { auth: false });
    }
    throw error;
  }
}

const categoriesCache = new Map<Lang, Promise<Category[]>>();

/** Product categories in the current language (cached for the page's lifetime). */
export function fetchCategories(): Promise<Category[]> {
  const lang = getLang();
  let cached = categoriesCache.get(lang);
  if (!cached) {
    cached = api.get<Category[]>('/market/categories/', { auth: false });
    categoriesCache.set(lang, cached);
    cached.catch(() => categoriesCache.delete(lang));
  }
  return cached;
}

/** For tests. */
export function resetMarketCaches(): void {
  categoriesCache.clear();
  myShopCache = null;
}

export interface ProductQuery {
  q?: string;
  category?: string;
  district?: string;
  min_price?: number | null;
  max_price?: number | null;
  verified?: boolean;
  ordering?: Ordering | '';
  page_size?: number;
}

/** The public catalogue (never with the session: the same for everyone, and cacheable). */
export function listProducts(filters: ProductQuery): Promise<CursorPage<ProductSummary>> {
  return api.get<CursorPage<ProductSummary>>(`/market/products/${query({ ...filters })}`, {
    auth: false,
  });
}

/** The catalogue page after `page` (its `next` cursor); null at the end. */
export function nextProducts(
  page: CursorPage<ProductSummary>,
): Promise<CursorPage<ProductSummary>> | null {
  const path = toApiPath(page.next);
  return path ? api.get<CursorPage<ProductSummary>>(path, { auth: false }) : null;
}

const productPath = (id: string) => `/market/products/${enc(id)}/`;

export function getProduct(id: string): Promise<ProductDetail> {
  return publicGet<ProductDetail>(productPath(id));
}

export function getShopPage(slug: string): Promise<ShopPageData> {
  return publicGet<ShopPageData>(`/market/shops/${enc(slug)}/`);
}

/** The next page of a page-numbered list (with the session); null at the end. */
export function nextPage<T>(page: Page<T>): Promise<Page<T>> | null {
  const path = toApiPath(page.next);
  return path ? api.get<Page<T>>(path) : null;
}

// Orders.

export function createOrder(payload: OrderPayload, idempotencyKey: string): Promise<Order> {
  return api.post<Order>('/market/orders/', payload, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function listOrders(role: 'buyer' | 'seller', status = ''): Promise<Page<Order>> {
  return api.get<Page<Order>>(`/market/orders/${query({ role, status })}`);
}

export function getOrder(id: string): Promise<Order> {
  return api.get<Order>(`/market/orders/${enc(id)}/`);
}

export function runOrderAction(id: string, action: OrderAction, reason = ''): Promise<Order> {
  return api.post<Order>(`/market/orders/${enc(id)}/${action}/`, reason ? { reason } : {});
}

// Shops (seller).

let myShopCache: Promise<OwnShop | null> | null = null;
onPersonalDataCleared(() => {
  myShopCache = null;
});

/** The caller's own shop, or null when she has none (cached until it changes). */
export function getMyShop(force = false): Promise<OwnShop | null> {
  if (!myShopCache || force) {
    const request = api.get<OwnShop>('/market/shops/mine/').catch((error: unknown) => {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    });
    myShopCache = request;
    request.catch(() => {
      if (myShopCache === request) myShopCache = null;
    });
  }
  return myShopCache;
}

function rememberShop(shop: OwnShop): OwnShop {
  myShopCache = Promise.resolve(shop);
  return shop;
}

export async function openShop(payload: ShopPayload, idempotencyKey: string): Promise<OwnShop> {
  return rememberShop(
    await api.post<OwnShop>('/market/shops/', payload, {
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
}

export async function updateMyShop(patch: Partial<ShopPayload>): Promise<OwnShop> {
  return rememberShop(await api.patch<OwnShop>('/market/shops/mine/', patch));
}

export function fetchSellerSummary(): Promise<SellerSummary> {
  return api.get<SellerSummary>('/market/seller/summary/');
}

// Products (seller).

export function listMyProducts(status = ''): Promise<Page<ProductSummary>> {
  return api.get<Page<ProductSummary>>(`/market/products/mine/${query({ status })}`);
}

/** A product of the caller's shop, in any state. */
export function getOwnProduct(id: string): Promise<ProductDetail> {
  return api.get<ProductDetail>(productPath(id));
}

export function createProduct(
  payload: ProductPayload,
  idempotencyKey: string,
): Promise<ProductDetail> {
  return api.post<ProductDetail>('/market/products/', payload, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function updateProduct(id: string, patch: Partial<ProductPayload>): Promise<ProductDetail> {
  return api.patch<ProductDetail>(productPath(id), patch);
}

export function uploadProductPhoto(
  id: string,
  file: File,
  idempotencyKey: string,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ProductDetail> {
  return api.upload<ProductDetail>(
    `${productPath(id)}photos/`,
    () => {
      const form = new FormData();
      form.append('file', file, file.name);
      return form;
    },
    {
      headers: { 'Idempotency-Key': idempotencyKey },
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    },
  );
}

export function deleteProductPhoto(id: string, photoId: string): Promise<void> {
  return api.request<void>('DELETE', `${productPath(id)}photos/${enc(photoId)}/`);
}

/** New photo order (every photo exactly once; the first becomes the cover). */
export function reorderProductPhotos(id: string, photoIds: string[]): Promise<ProductDetail> {
  return api.post<ProductDetail>(`${productPath(id)}photos/reorder/`, { photos: photoIds });
}

export function submitProduct(id: string): Promise<ProductDetail> {
  return api.post<ProductDetail>(`${productPath(id)}submit/`, {});
}

export function archiveProduct(id: string): Promise<ProductDetail> {
  return api.post<ProductDetail>(`${productPath(id)}archive/`, {});
}

// Moderation (market officer).

export function listModerationShops(status: ShopStatus): Promise<Page<ModerationShop>> {
  return api.get<Page<ModerationShop>>(`/market/moderation/shops/${query({ status })}`);
}

export function moderateShop(
  id: string,
  action: ShopModeration,
  reason = '',
): Promise<ModerationShop> {
  return api.post<ModerationShop>(
    `/market/moderation/shops/${enc(id)}/${action}/`,
    reason ? { reason } : {},
  );
}

export function listModerationProducts(): Promise<Page<ProductDetail>> {
  return api.get<Page<ProductDetail>>('/market/moderation/products/');
}

export function moderateProduct(
  id: string,
  action: ProductModeration,
  reason = '',
): Promise<ProductDetail> {
  return api.post<ProductDetail>(
    `/market/moderation/products/${enc(id)}/${action}/`,
    reason ? { reason } : {},
  );
}
