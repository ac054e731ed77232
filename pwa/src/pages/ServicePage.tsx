import { useRoute } from 'preact-iso/router';
import { Loading, PageHeading, RequireAuth, SoonBadge, usePageTitle } from '../components/page';
import { loadConfig, useConfig } from '../data';
import { useI18n } from '../i18n';
import type { Service } from '../api/types';
import { NotFoundContent } from './NotFound';

function ServiceView({ service }: { service: Service }) {
  const { t } = useI18n();
  usePageTitle(service.name);
  return (
    <section class="stack" data-testid="service-page" data-service={service.code}>
      <PageHeading>{service.name}</PageHeading>
      <p class="lead">{service.description}</p>
      <div class="card stack">
        {service.available ? (
          <p>{t('service.preparing')}</p>
        ) : (
          <>
            <h2 class="with-badge">
              {t('soon.title')} <SoonBadge />
            </h2>
            <p>{t('soon.body')}</p>
          </>
        )}
      </div>
      <p>
        <a class="button" href="/">
          {t('common.backHome')}
        </a>
      </p>
    </section>
  );
}

function ServiceLookup() {
  const { t } = useI18n();
  const { params } = useRoute();
  const config = useConfig();
  if (!config.data) {
    if (config.error) {
      return (
        <div class="notice notice--error">
          <p>{config.error.message}</p>
          <button type="button" class="button" onClick={() => void loadConfig(true)}>
            {t('common.retry')}
          </button>
        </div>
      );
    }
    return <Loading />;
  }
  const service = config.data.services.find((item) => item.code === params.code);
  return service ? <ServiceView service={service} /> : <NotFoundContent />;
}

export function ServicePage() {
  return (
    <RequireAuth>
      <ServiceLookup />
    </RequireAuth>
  );
}
