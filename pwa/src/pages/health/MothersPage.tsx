import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { listMothers, nextPage, type MotherListItem } from '../../api/health';
import type { Me } from '../../api/types';
import { SelectField, TextField } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { usePagedList } from '../civil/hooks';
import { LoadMore } from '../civil/RequestList';
import { gestationalAgeText } from './format';
import { motherPath, MOTHERS_PATH, NEW_MOTHER_PATH, WORKLIST_PATH } from './paths';
import { BackLink, ErrorNotice, RoleGate } from './ui';

function listUrl(q: string, village: string): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (village) params.set('village', village);
  const text = params.toString();
  return text ? `${MOTHERS_PATH}?${text}` : MOTHERS_PATH;
}

function MotherRow({ mother }: { mother: MotherListItem }) {
  const { t, lang } = useI18n();
  const pregnancy = mother.ongoing_pregnancy;
  return (
    <li>
      <a
        class="kia-work"
        href={motherPath(mother.id)}
        data-testid="mother-row"
        data-mother-id={mother.id}
      >
        <span class="kia-work-head">
          <strong>{mother.full_name}</strong>
          <span class="small muted nik">{mother.nik_masked}</span>
        </span>
        <span class="small">
          {mother.village.name} · {t('kia.mother.years', { n: mother.age_years })}
        </span>
        <span class="small">
          {pregnancy?.gestational_age
            ? t('kia.mothers.pregnant', { ga: gestationalAgeText(pregnancy.gestational_age, lang) })
            : t('kia.mothers.notPregnant')}
          {' · '}
          {t('kia.mothers.children', { n: mother.children_count })}
        </span>
      </a>
    </li>
  );
}

function Mothers({ user }: { user: Me }) {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const q = query.q ?? '';
  const village = query.village ?? '';
  const [search, setSearch] = useState(q);
  const list = usePagedList(() => listMothers({ q, village }), nextPage, [q, village]);
  usePageTitle(t('kia.mothers.title'));
  return (
    <div class="stack stack--loose" data-testid="kia-mothers">
      <header class="page-header">
        <BackLink href={WORKLIST_PATH}>{t('roleTile.health_worker')}</BackLink>
        <PageHeading>{t('kia.mothers.title')}</PageHeading>
      </header>
      <p>
        <a
          class="button button--primary kia-action"
          href={NEW_MOTHER_PATH}
          data-testid="register-mother"
        >
          {t('kia.registerMother')}
        </a>
      </p>
      <section class="card stack filters" aria-labelledby="kia-mother-filters">
        <h2 id="kia-mother-filters" class="filters-title">
          {t('officer.filters')}
        </h2>
        <form
          class="filters-form"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            route(listUrl(search.trim(), village), true);
          }}
        >
          <TextField
            id="kia-mother-q"
            name="q"
            type="search"
            label={t('kia.mothers.search')}
            hint={t('kia.mothers.searchHint')}
            autoComplete="off"
            value={search}
            onValue={setSearch}
          />
          <SelectField
            id="kia-mother-village"
            name="village"
            label={t('officer.filter.village')}
            value={village}
            placeholder={t('officer.filter.allVillages')}
            options={user.jurisdiction.villages.map((item) => ({
              value: item.code,
              label: item.name,
            }))}
            onValue={(code) => route(listUrl(search.trim(), code), true)}
          />
          <button type="submit" class="button">
            {t('kia.mothers.searchButton')}
          </button>
        </form>
      </section>
      <section
        class="stack"
        aria-labelledby="kia-mother-count"
        aria-busy={list.loading || undefined}
      >
        <h2 id="kia-mother-count">
          {list.items ? t('kia.mothers.count', { n: list.count }) : t('common.loading')}
        </h2>
        {list.error && <ErrorNotice error={list.error} onRetry={() => void list.reload()} />}
        {!list.items && !list.error && <Loading />}
        {list.items && list.items.length === 0 && <p class="muted">{t('kia.mothers.none')}</p>}
        {list.items && list.items.length > 0 && (
          <ul class="kia-work-list" role="list">
            {list.items.map((mother) => (
              <MotherRow key={mother.id} mother={mother} />
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

export function MothersPage() {
  return (
    <RequireAuth>
      <RoleGate roles={['health_worker']}>{(user) => <Mothers user={user} />}</RoleGate>
    </RequireAuth>
  );
}
