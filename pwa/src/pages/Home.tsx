import type { Me } from '../api/types';
import { Jurisdiction } from '../components/Jurisdiction';
import { Loading, PageHeading, RequireAuth, SoonBadge, usePageTitle } from '../components/page';
import { loadConfig, useConfig } from '../data';
import { useI18n } from '../i18n';
import { roleAvailable, roleTileDescription, roleTileTitle, rolePath, workRolesOf } from '../roles';
import { useSession } from '../session';

/** Services whose screens are ready in this version of the app, whatever /config/ says. */
const READY_SERVICES = new Set(['adminduk', 'kia', 'umkm']);

/** Services whose screens live outside /layanan/<code>. */
const SERVICE_PATHS: Record<string, string> = { kia: '/kia', umkm: '/umkm' };

function Services() {
  const { t } = useI18n();
  const config = useConfig();
  if (!config.data) {
    if (config.error) {
      return (
        <div class="notice notice--error">
          <p>{t('home.servicesError')}</p>
          <p>{config.error.message}</p>
          <button type="button" class="button" onClick={() => void loadConfig(true)}>
            {t('common.retry')}
          </button>
        </div>
      );
    }
    return <Loading />;
  }
  return (
    <ul class="tiles" role="list">
      {config.data.services.map((service) => {
        const available = service.available || READY_SERVICES.has(service.code);
        return (
          <li key={service.code}>
            <a
              class={available ? 'tile' : 'tile tile--soon'}
              href={SERVICE_PATHS[service.code] ?? `/layanan/${encodeURIComponent(service.code)}`}
              data-testid="service-tile"
              data-service={service.code}
            >
              <span class="tile-head">
                <span class="tile-title">{service.name}</span>
                {!available && <SoonBadge />}
              </span>
              <span class="tile-desc">{service.description}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function RoleTiles({ user }: { user: Me }) {
  const { t } = useI18n();
  const roles = workRolesOf(user);
  if (!roles.length) return null;
  return (
    <section class="stack" aria-labelledby="home-roles">
      <h2 id="home-roles">{t('home.roles')}</h2>
      <ul class="tiles" role="list">
        {roles.map((role) => (
          <li key={role}>
            <a class="tile tile--role" href={rolePath(role)} data-testid="role-tile" data-role={role}>
              <span class="tile-head">
                <span class="tile-title">{t(roleTileTitle(role))}</span>
                {!roleAvailable(role) && <SoonBadge />}
              </span>
              <span class="tile-desc">{t(roleTileDescription(role))}</span>
              <Jurisdiction role={role} user={user} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Residents without a shop may open one (a seller's tile is among the role tiles). */
function OpenShopTile({ user }: { user: Me }) {
  const { t } = useI18n();
  if (user.roles.includes('seller')) return null;
  return (
    <a class="tile tile--role" href="/umkm/buka-toko" data-testid="open-shop-tile">
      <span class="tile-title">{t('market.home.openShop')}</span>
      <span class="tile-desc">{t('market.home.openShopDesc')}</span>
    </a>
  );
}

function Home({ user }: { user: Me }) {
  const { t } = useI18n();
  const config = useConfig();
  usePageTitle(t('home.title'));
  return (
    <div class="stack stack--loose" data-testid="home">
      <header class="page-header">
        <PageHeading>{t('home.title')}</PageHeading>
        <p class="greeting" data-testid="greeting">
          {t('home.greeting', { name: user.full_name })}
        </p>
        {config.data && (
          <p class="muted">{t('home.regency', { regency: config.data.regency.name })}</p>
        )}
      </header>
      <section class="stack" aria-labelledby="home-services">
        <h2 id="home-services">{t('home.services')}</h2>
        <Services />
      </section>
      <RoleTiles user={user} />
      <OpenShopTile user={user} />
    </div>
  );
}

export function HomePage() {
  const { user } = useSession();
  return <RequireAuth>{user && <Home user={user} />}</RequireAuth>;
}
