import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { listRequests, nextPage, STATUSES, type ListFilters } from '../../api/civil';
import type { Me } from '../../api/types';
import { SelectField, type Option } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { fetchVillages } from '../../data';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import { usePagedList, useServices } from './hooks';
import { OFFICER_BASE, officerRequestPath, STATS_PATH } from './paths';
import { LoadMore, RequestListItem } from './RequestList';
import { BackLink, ErrorNotice, statusKey } from './ui';

function filtersFrom(query: Record<string, string>): ListFilters {
  return {
    scope: 'queue',
    status: query.status ?? '',
    service: query.service ?? '',
    village: query.village ?? '',
    overdue: query.overdue === 'true',
  };
}

function queueUrl(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.service) params.set('service', filters.service);
  if (filters.village) params.set('village', filters.village);
  if (filters.overdue) params.set('overdue', 'true');
  const query = params.toString();
  return query ? `${OFFICER_BASE}?${query}` : OFFICER_BASE;
}

/** The villages of the officer's districts, named with their district when there are several. */
function useJurisdictionVillages(user: Me): Option[] {
  const { t } = useI18n();
  const districts = user.jurisdiction.districts;
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    let active = true;
    Promise.all(districts.map((district) => fetchVillages(district.code)))
      .then((lists) => {
        if (!active) return;
        setOptions(
          lists.flatMap((villages, index) =>
            villages.map((village) => ({
              value: village.code,
              label:
                districts.length > 1
                  ? `${village.name} (${districts[index]!.name})`
                  : `${village.name} (${t(`profile.kind.${village.kind}`)})`,
            })),
          ),
        );
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [districts.map((district) => district.code).join()]);
  return options;
}

function Filters({ user, filters }: { user: Me; filters: ListFilters }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const services = useServices();
  const villages = useJurisdictionVillages(user);
  const set = (patch: Partial<ListFilters>) => route(queueUrl({ ...filters, ...patch }), true);

  const statusOptions: Option[] = STATUSES.filter((status) => status !== 'draft').map((status) => ({
    value: status,
    label: t(statusKey(status)),
  }));
  const serviceOptions: Option[] = (services.data ?? []).map((service) => ({
    value: service.code,
    label: service.name,
  }));

  return (
    <section class="card stack filters" aria-labelledby="queue-filters">
      <h2 id="queue-filters" class="filters-title">
        {t('officer.filters')}
      </h2>
      <form class="filters-form" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="queue-status"
          name="status"
          label={t('officer.filter.status')}
          value={filters.status ?? ''}
          options={statusOptions}
          placeholder={t('officer.filter.open')}
          onValue={(status) => set({ status })}
        />
        <SelectField
          id="queue-service"
          name="service"
          label={t('officer.filter.service')}
          value={filters.service ?? ''}
          options={serviceOptions}
          placeholder={t('officer.filter.allServices')}
          onValue={(service) => set({ service })}
        />
        <SelectField
          id="queue-village"
          name="village"
          label={t('officer.filter.village')}
          value={filters.village ?? ''}
          options={villages}
          placeholder={t('officer.filter.allVillages')}
          onValue={(village) => set({ village })}
        />
        <label class="checkbox" for="queue-overdue">
          <input
            type="checkbox"
            id="queue-overdue"
            name="overdue"
            checked={Boolean(filters.overdue)}
            onChange={(event) => set({ overdue: event.currentTarget.checked })}
          />
          <span>{t('officer.filter.overdue')}</span>
        </label>
      </form>
    </section>
  );
}

function Queue({ user }: { user: Me }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const filters = filtersFrom(query);
  const list = usePagedList(() => listRequests(filters), nextPage, [JSON.stringify(filters)]);
  usePageTitle(t('roleTile.civil_officer'));

  return (
    <div class="stack stack--loose" data-testid="civil-queue">
      <header class="page-header">
        <BackLink href="/">{t('nav.home')}</BackLink>
        <PageHeading>{t('roleTile.civil_officer')}</PageHeading>
        <p class="lead">{t('officer.queue.intro')}</p>
        {user.jurisdiction.districts.length > 0 ? (
          <p class="muted">
            {t('jurisdiction.districts')}:{' '}
            {user.jurisdiction.districts.map((district) => district.name).join(', ')}
          </p>
        ) : (
          <p class="muted">{t('jurisdiction.none')}</p>
        )}
      </header>
      <p>
        <a class="button" href={STATS_PATH}>
          {t('officer.statsLink')}
        </a>
      </p>
      <Filters user={user} filters={filters} />
      <section class="stack" aria-labelledby="queue-count" aria-busy={list.loading || undefined}>
        <h2 id="queue-count">
          {list.items ? t('civil.count', { count: list.count }) : t('common.loading')}
        </h2>
        {list.error && (
          <ErrorNotice
            error={list.error}
            intro={t('civil.listError')}
            onRetry={() => void list.reload()}
          />
        )}
        {!list.items && !list.error && <Loading />}
        {list.items && list.items.length === 0 && <p class="muted">{t('officer.queue.empty')}</p>}
        {list.items && list.items.length > 0 && (
          <ul class="request-list" role="list" data-testid="queue">
            {list.items.map((request) => (
              <RequestListItem
                key={request.id}
                request={request}
                href={officerRequestPath(request.id)}
                officer
              />
            ))}
          </ul>
        )}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loadingMore}
          error={list.moreError}
          onLoad={() => void list.loadMore()}
        />
      </section>
    </div>
  );
}

function QueueGuard() {
  const { user } = useSession();
  if (!user) return null;
  if (!user.roles.includes('civil_officer')) return <NotFoundContent />;
  return <Queue user={user} />;
}

export function QueuePage() {
  return (
    <RequireAuth>
      <QueueGuard />
    </RequireAuth>
  );
}
