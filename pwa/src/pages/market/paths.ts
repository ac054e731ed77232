/** Paths of the UMKM marketplace screens. */
export const MARKET_BASE = '/umkm';
export const MY_ORDERS_PATH = `${MARKET_BASE}/pesanan`;
export const INCOMING_ORDERS_PATH = `${MARKET_BASE}/pesanan-masuk`;
export const OPEN_SHOP_PATH = `${MARKET_BASE}/buka-toko`;
export const MY_SHOP_PATH = `${MARKET_BASE}/toko-saya`;
export const EDIT_SHOP_PATH = `${MY_SHOP_PATH}/ubah`;
export const MY_PRODUCTS_PATH = `${MARKET_BASE}/produk-saya`;
export const NEW_PRODUCT_PATH = `${MY_PRODUCTS_PATH}/baru`;
export const MODERATION_PATH = `${MARKET_BASE}/moderasi`;

const enc = encodeURIComponent;
export const productPath = (id: string) => `${MARKET_BASE}/produk/${enc(id)}`;
export const shopPath = (slug: string) => `${MARKET_BASE}/toko/${enc(slug)}`;
export const orderPath = (id: string) => `${MY_ORDERS_PATH}/${enc(id)}`;
export const ownProductPath = (id: string) => `${MY_PRODUCTS_PATH}/${enc(id)}`;

/** The login page, coming back to `path` afterwards. */
export const loginPath = (path: string) => `/masuk?next=${enc(path)}`;
