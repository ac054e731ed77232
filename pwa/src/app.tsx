import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import lazy from 'preact-iso/lazy';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';
import { LangSwitch } from './components/LangSwitch';
import { NotificationBell, NOTIFICATIONS_PATH } from './components/NotificationBell';
import { OutboxBadge, OUTBOX_PATH } from './components/OutboxBadge';
import { SavedNotice } from './components/SavedNotice';
import { SignInLink } from './components/SignInLink';
import { Loading, PageHeading, usePageTitle } from './components/page';
import { UpdateBanner } from './components/UpdateBanner';
import { useI18n } from './i18n';
import { HomePage } from './pages/Home';
import { LoginPage } from './pages/Login';
import { NotFoundPage } from './pages/NotFound';
import { ProfilePage } from './pages/Profile';
import { RegisterPage } from './pages/Register';
import { RolePage } from './pages/RolePage';
import { ServicePage } from './pages/ServicePage';
import { useSession } from './session';

/** Shown when a screen's code cannot be downloaded (offline before it was cached). */
function ChunkError() {
  const { t } = useI18n();
  usePageTitle(t('offline.title'));
  return (
    <section class="stack" data-testid="chunk-error">
      <PageHeading>{t('offline.title')}</PageHeading>
      <p>{t('screen.loadError')}</p>
      <button type="button" class="button button--primary" onClick={() => location.reload()}>
        {t('screen.reload')}
      </button>
    </section>
  );
}

/** A screen loaded on first use, so the home screen stays small. */
function lazyPage(load: () => Promise<ComponentType>) {
  return lazy(() => load().catch((): ComponentType => ChunkError));
}

// Civil registration (adminduk) and notifications.
const CataloguePage = lazyPage(() =>
  import('./pages/civil/CataloguePage').then((m) => m.CataloguePage),
);
const ApplyPage = lazyPage(() => import('./pages/civil/ApplyPage').then((m) => m.ApplyPage));
const MyRequestsPage = lazyPage(() =>
  import('./pages/civil/MyRequestsPage').then((m) => m.MyRequestsPage),
);
const RequestPage = lazyPage(() => import('./pages/civil/RequestPage').then((m) => m.RequestPage));
const QueuePage = lazyPage(() => import('./pages/civil/QueuePage').then((m) => m.QueuePage));
const OfficerRequestPage = lazyPage(() =>
  import('./pages/civil/OfficerRequestPage').then((m) => m.OfficerRequestPage),
);
const StatsPage = lazyPage(() => import('./pages/civil/StatsPage').then((m) => m.StatsPage));
const OutboxPage = lazyPage(() => import('./pages/OutboxPage').then((m) => m.OutboxPage));
const NotificationsPage = lazyPage(() =>
  import('./pages/NotificationsPage').then((m) => m.NotificationsPage),
);

// Buku KIA (mother-and-child health book).
const MyBookPage = lazyPage(() => import('./pages/health/MyBookPage').then((m) => m.MyBookPage));
const PregnancyPage = lazyPage(() =>
  import('./pages/health/PregnancyPage').then((m) => m.PregnancyPage),
);
const ChildPage = lazyPage(() => import('./pages/health/ChildPage').then((m) => m.ChildPage));
const AccessLogPage = lazyPage(() =>
  import('./pages/health/AccessLogPage').then((m) => m.AccessLogPage),
);
const WorklistPage = lazyPage(() =>
  import('./pages/health/WorklistPage').then((m) => m.WorklistPage),
);
const MothersPage = lazyPage(() => import('./pages/health/MothersPage').then((m) => m.MothersPage));
const RegisterMotherPage = lazyPage(() =>
  import('./pages/health/RegisterMotherPage').then((m) => m.RegisterMotherPage),
);
const MotherPage = lazyPage(() => import('./pages/health/MotherPage').then((m) => m.MotherPage));
const KiaStatsPage = lazyPage(() => import('./pages/health/StatsPage').then((m) => m.KiaStatsPage));

// UMKM marketplace (the catalogue, product and shop pages need no login).
const MarketCataloguePage = lazyPage(() =>
  import('./pages/market/CataloguePage').then((m) => m.MarketCataloguePage),
);
const MarketProductPage = lazyPage(() =>
  import('./pages/market/ProductPage').then((m) => m.ProductPage),
);
const MarketShopPage = lazyPage(() => import('./pages/market/ShopPage').then((m) => m.ShopPage));
const MarketMyOrdersPage = lazyPage(() =>
  import('./pages/market/OrdersPage').then((m) => m.MyOrdersPage),
);
const MarketIncomingOrdersPage = lazyPage(() =>
  import('./pages/market/OrdersPage').then((m) => m.IncomingOrdersPage),
);
const MarketOrderPage = lazyPage(() => import('./pages/market/OrderPage').then((m) => m.OrderPage));
const MarketOpenShopPage = lazyPage(() =>
  import('./pages/market/OpenShopPage').then((m) => m.OpenShopPage),
);
const MarketEditShopPage = lazyPage(() =>
  import('./pages/market/OpenShopPage').then((m) => m.EditShopPage),
);
const MarketDashboardPage = lazyPage(() =>
  import('./pages/market/DashboardPage').then((m) => m.DashboardPage),
);
const MarketMyProductsPage = lazyPage(() =>
  import('./pages/market/MyProductsPage').then((m) => m.MyProductsPage),
);
const MarketProductEditPage = lazyPage(() =>
  import('./pages/market/ProductEditPage').then((m) => m.ProductEditPage),
);
const MarketModerationPage = lazyPage(() =>
  import('./pages/market/ModerationPage').then((m) => m.ModerationPage),
);

function HomeIcon() {
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 11.5 12 4l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" />
    </svg>
  );
}

function ProfileIcon() {
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
    </svg>
  );
}

function MainNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const { status } = useSession();
  if (status !== 'authenticated') return null;
  return (
    <nav class="main-nav" aria-label={t('nav.label')}>
      <ul role="list">
        <li>
          <a href="/" data-testid="nav-home" aria-current={path === '/' ? 'page' : undefined}>
            <HomeIcon />
            <span>{t('nav.home')}</span>
          </a>
        </li>
        <li>
          <a
            href="/profil"
            data-testid="nav-profile"
            aria-current={path === '/profil' ? 'page' : undefined}
          >
            <ProfileIcon />
            <span>{t('nav.profile')}</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** After client-side navigation, move focus to the new page's heading. */
function focusPageHeading(): void {
  setTimeout(() => {
    const target =
      document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    target?.focus({ preventScroll: false });
  }, 0);
}

/**
 * The app's mark, drawn inline (the same drawing as /favicon.svg): an SVG file in
 * an <img> is a document of its own that the browser loads, parses and lays out
 * on the main thread while the first screen is being built.
 */
function BrandMark() {
  return (
    <svg
      class="brand-mark"
      viewBox="0 0 100 100"
      width={32}
      height={32}
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="100" rx="20" fill="#0d5c63" />
      <path d="M32 78V40a18 18 0 0 1 36 0v38z" fill="#fff" />
      <circle cx="60.5" cy="60" r="3.2" fill="#0d5c63" />
      <rect x="24" y="80" width="52" height="4" fill="#fff" />
    </svg>
  );
}

function Shell() {
  const { t } = useI18n();
  const { status } = useSession();
  const [loadingRoute, setLoadingRoute] = useState(false);
  return (
    <div class={status === 'authenticated' ? 'app app--signed-in' : 'app'}>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="app-header">
        <div class="app-header-inner">
          <a class="brand" href="/">
            <BrandMark />
            <span>{t('app.name')}</span>
          </a>
          <MainNav />
          <div class="header-tools">
            <OutboxBadge />
            <NotificationBell />
            <SignInLink />
            <LangSwitch />
          </div>
        </div>
      </header>
      <UpdateBanner />
      <main id="main" class="app-main" tabIndex={-1}>
        <SavedNotice />
        {loadingRoute && <Loading />}
        <Router
          onRouteChange={focusPageHeading}
          onLoadStart={() => setLoadingRoute(true)}
          onLoadEnd={() => setLoadingRoute(false)}
        >
          <Route path="/" component={HomePage} />
          <Route path="/masuk" component={LoginPage} />
          <Route path="/daftar" component={RegisterPage} />
          <Route path="/profil" component={ProfilePage} />
          <Route path={NOTIFICATIONS_PATH} component={NotificationsPage} />
          <Route path={OUTBOX_PATH} component={OutboxPage} />
          <Route path="/layanan/adminduk" component={CataloguePage} />
          <Route path="/layanan/adminduk/ajukan/:code" component={ApplyPage} />
          <Route path="/layanan/adminduk/permohonan" component={MyRequestsPage} />
          <Route path="/layanan/adminduk/permohonan/:id" component={RequestPage} />
          <Route path="/petugas/adminduk" component={QueuePage} />
          <Route path="/petugas/adminduk/statistik" component={StatsPage} />
          <Route path="/petugas/adminduk/:id" component={OfficerRequestPage} />
          <Route path="/kia" component={MyBookPage} />
          <Route path="/kia/kehamilan/:id" component={PregnancyPage} />
          <Route path="/kia/anak/:id" component={ChildPage} />
          <Route path="/kia/akses" component={AccessLogPage} />
          <Route path="/kia/worklist" component={WorklistPage} />
          <Route path="/kia/ibu" component={MothersPage} />
          <Route path="/kia/ibu/baru" component={RegisterMotherPage} />
          <Route path="/kia/ibu/:id" component={MotherPage} />
          <Route path="/kia/statistik" component={KiaStatsPage} />
          <Route path="/umkm" component={MarketCataloguePage} />
          <Route path="/umkm/produk/:id" component={MarketProductPage} />
          <Route path="/umkm/toko/:slug" component={MarketShopPage} />
          <Route path="/umkm/pesanan" component={MarketMyOrdersPage} />
          <Route path="/umkm/pesanan/:id" component={MarketOrderPage} />
          <Route path="/umkm/pesanan-masuk" component={MarketIncomingOrdersPage} />
          <Route path="/umkm/buka-toko" component={MarketOpenShopPage} />
          <Route path="/umkm/toko-saya" component={MarketDashboardPage} />
          <Route path="/umkm/toko-saya/ubah" component={MarketEditShopPage} />
          <Route path="/umkm/produk-saya" component={MarketMyProductsPage} />
          <Route path="/umkm/produk-saya/baru" component={MarketProductEditPage} />
          <Route path="/umkm/produk-saya/:id" component={MarketProductEditPage} />
          <Route path="/umkm/moderasi" component={MarketModerationPage} />
          <Route path="/layanan/:code" component={ServicePage} />
          <Route path="/peran/:role" component={RolePage} />
          <Route default component={NotFoundPage} />
        </Router>
      </main>
    </div>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}
