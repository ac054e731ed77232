import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { serviceDays } from './format';
import { useServices } from './hooks';
import { applyPath, MY_REQUESTS_PATH } from './paths';
import { BackLink, ErrorNotice, FreeBadge } from './ui';

function Catalogue() {
  const { t, lang } = useI18n();
  const services = useServices();
  usePageTitle(t('civil.title'));
  return (
    <div class="stack stack--loose" data-testid="civil-catalogue">
      <header class="page-header">
        <BackLink href="/">{t('nav.home')}</BackLink>
        <PageHeading>{t('civil.fullTitle')}</PageHeading>
        <p class="lead">{t('civil.intro')}</p>
      </header>
      <div class="notice notice--free" data-testid="civil-free-notice">
        <p class="with-badge">
          <strong>{t('civil.freeNotice.title')}</strong> <FreeBadge />
        </p>
        <p>{t('civil.freeNotice.body')}</p>
      </div>
      <p>
        <a class="button" href={MY_REQUESTS_PATH} data-testid="civil-my-requests">
          {t('civil.myRequests')}
        </a>
      </p>
      {services.error && !services.data && (
        <ErrorNotice
          error={services.error}
          intro={t('civil.servicesError')}
          onRetry={() => void services.reload()}
        />
      )}
      {!services.data && !services.error && <Loading />}
      {services.data && (
        <ul class="service-list" role="list">
          {services.data.map((service) => {
            const titleId = `civil-service-${service.code}`;
            return (
              <li
                key={service.code}
                class="card service-card"
                data-testid="civil-service"
                data-code={service.code}
                aria-labelledby={titleId}
              >
                <div class="service-card-head">
                  <h2 id={titleId} class="service-name">
                    {service.name}
                  </h2>
                  <FreeBadge label={service.fee_label} />
                </div>
                <p class="service-desc">{service.description}</p>
                <dl class="service-facts">
                  <div>
                    <dt>{t('civil.serviceTime')}</dt>
                    <dd>{serviceDays(service.service_days, lang)}</dd>
                  </div>
                  <div>
                    <dt>{t('civil.output')}</dt>
                    <dd>{service.output}</dd>
                  </div>
                </dl>
                <a
                  class="button button--primary service-apply"
                  href={applyPath(service.code)}
                  data-testid="civil-apply"
                >
                  {t('civil.apply')}
                  <span class="visually-hidden"> {service.name}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function CataloguePage() {
  return (
    <RequireAuth>
      <Catalogue />
    </RequireAuth>
  );
}
