import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso/router';
import {
  getHealthStats,
  type AreaFigures,
  type Coverage,
  type HealthStats,
} from '../../api/health';
import type { Me, Region } from '../../api/types';
import { SelectField } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { fetchDistricts } from '../../data';
import { locale, useI18n, type Lang } from '../../i18n';
import '../../i18n/health';
import { formatDay, formatNumber } from '../civil/format';
import { useResource } from '../civil/hooks';
import { coverageText } from './format';
import { KIA_STATS_PATH, WORKLIST_PATH } from './paths';
import { BackLink, ErrorNotice, hasRole, RoleGate } from './ui';

function Figure({
  label,
  value,
  testId,
  note,
}: {
  label: string;
  value: string;
  testId: string;
  note?: string;
}) {
  return (
    <div class="figure" data-testid={testId}>
      <dt>
        {label}
        {note && <span class="kia-figure-note">{note}</span>}
      </dt>
      <dd>{value}</dd>
    </div>
  );
}

function ScrollTable({
  label,
  children,
  wrap = false,
}: {
  label: string;
  children: ComponentChildren;
  /** Let row names wrap (a two-column table that fits the screen). */
  wrap?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div
      class="table-scroll"
      role="region"
      aria-label={t('stats.table', { title: label })}
      tabIndex={0}
    >
      <table class={wrap ? 'data-table kia-table kia-table--wrap' : 'data-table kia-table'}>
        {children}
      </table>
    </div>
  );
}

/** A coverage as a percentage ("66,7%"), or the "none" mark for 0/0. */
function pct(coverage: Coverage, lang: Lang, none: string): string {
  if (coverage.pct === null) return none;
  const value = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(
    coverage.pct,
  );
  return `${value}%`;
}

function AreaTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: AreaFigures[];
  testId: string;
}) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const cell = (coverage: Coverage, bad = false) => (
    <td class={bad && coverage.count > 0 ? 'num num--late' : 'num'}>
      {coverageText(coverage, lang, none)}
    </td>
  );
  return (
    <ScrollTable label={title}>
      <thead>
        <tr>
          <th scope="col">{t('kia.stats.col.area')}</th>
          <th scope="col" class="num">
            {t('kia.stats.col.ongoing')}
          </th>
          <th scope="col" class="num">
            K1
          </th>
          <th scope="col" class="num">
            K6
          </th>
          <th scope="col" class="num">
            {t('kia.stats.col.idl')}
          </th>
          <th scope="col" class="num">
            {t('kia.stats.col.underFive')}
          </th>
          <th scope="col" class="num">
            {t('kia.stats.col.measured')}
          </th>
          <th scope="col" class="num">
            {t('kia.stats.stunting')}
          </th>
          <th scope="col" class="num">
            {t('kia.stats.wasting')}
          </th>
          <th scope="col" class="num">
            {t('kia.stats.underweight')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code} data-testid={testId} data-code={row.code}>
            <th scope="row">{row.name}</th>
            <td class="num">{formatNumber(row.pregnancies.ongoing, lang)}</td>
            {cell(row.pregnancies.k1)}
            {cell(row.pregnancies.k6)}
            {cell(row.immunization.basic_complete_by_12_months)}
            <td class="num">{formatNumber(row.growth.children_under_five, lang)}</td>
            {cell(row.growth.measured_this_month)}
            {cell(row.growth.stunting, true)}
            {cell(row.growth.wasting, true)}
            {cell(row.growth.underweight, true)}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function StatsView({ stats }: { stats: HealthStats }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const total = stats.total;
  const count = (coverage: Coverage) =>
    coverage.pct === null ? undefined : `${coverage.count}/${coverage.eligible}`;
  return (
    <>
      <dl class="figures" data-testid="kia-stats-total">
        <Figure
          testId="kia-stat-ongoing"
          label={t('kia.stats.ongoing')}
          value={formatNumber(total.pregnancies.ongoing, lang)}
        />
        <Figure
          testId="kia-stat-k1"
          label={t('kia.stats.k1')}
          value={pct(total.pregnancies.k1, lang, none)}
          note={count(total.pregnancies.k1)}
        />
        <Figure
          testId="kia-stat-k6"
          label={t('kia.stats.k6')}
          value={pct(total.pregnancies.k6, lang, none)}
          note={count(total.pregnancies.k6)}
        />
        <Figure
          testId="kia-stat-idl"
          label={t('kia.stats.idl')}
          value={pct(total.immunization.basic_complete_by_12_months, lang, none)}
          note={count(total.immunization.basic_complete_by_12_months)}
        />
        <Figure
          testId="kia-stat-measured"
          label={t('kia.stats.measured')}
          value={pct(total.growth.measured_this_month, lang, none)}
          note={count(total.growth.measured_this_month)}
        />
        <Figure
          testId="kia-stat-stunting"
          label={t('kia.stats.stunting')}
          value={pct(total.growth.stunting, lang, none)}
          note={count(total.growth.stunting)}
        />
        <Figure
          testId="kia-stat-wasting"
          label={t('kia.stats.wasting')}
          value={pct(total.growth.wasting, lang, none)}
          note={count(total.growth.wasting)}
        />
        <Figure
          testId="kia-stat-underweight"
          label={t('kia.stats.underweight')}
          value={pct(total.growth.underweight, lang, none)}
          note={count(total.growth.underweight)}
        />
      </dl>
      <p class="small muted">{t('kia.stats.definitions')}</p>

      {stats.districts.length > 0 && (
        <section class="card stack" aria-labelledby="kia-stats-districts">
          <h2 id="kia-stats-districts">{t('stats.byDistrict')}</h2>
          <AreaTable
            title={t('stats.byDistrict')}
            rows={stats.districts}
            testId="kia-stats-district-row"
          />
        </section>
      )}
      <section class="card stack" aria-labelledby="kia-stats-villages">
        <h2 id="kia-stats-villages">{t('kia.stats.byVillage')}</h2>
        {stats.villages.length === 0 ? (
          <p class="muted">{t('kia.stats.noData')}</p>
        ) : (
          <AreaTable
            title={t('kia.stats.byVillage')}
            rows={stats.villages}
            testId="kia-stats-village-row"
          />
        )}
      </section>
      <section class="card stack" aria-labelledby="kia-stats-doses">
        <h2 id="kia-stats-doses">{t('kia.stats.doses')}</h2>
        <ScrollTable label={t('kia.stats.doses')} wrap>
          <thead>
            <tr>
              <th scope="col">{t('kia.field.dose')}</th>
              <th scope="col" class="num">
                {t('kia.stats.col.coverage')}
              </th>
            </tr>
          </thead>
          <tbody>
            {total.immunization.doses.map((dose) => (
              <tr key={dose.code} data-testid="kia-stats-dose-row" data-code={dose.code}>
                <th scope="row">{dose.name}</th>
                <td class="num">{coverageText(dose, lang, none)}</td>
              </tr>
            ))}
            <tr data-code="basic_complete_by_12_months">
              <th scope="row">{t('kia.stats.idl')}</th>
              <td class="num">
                {coverageText(total.immunization.basic_complete_by_12_months, lang, none)}
              </td>
            </tr>
          </tbody>
        </ScrollTable>
      </section>
    </>
  );
}

function DistrictFilter({ district }: { district: string }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const districts = useResource<Region[]>(fetchDistricts, []);
  return (
    <form class="filters-form" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        id="kia-stats-district"
        name="district"
        label={t('profile.district')}
        value={district}
        placeholder={t('kia.stats.allDistricts')}
        options={(districts.data ?? []).map((item) => ({ value: item.code, label: item.name }))}
        onValue={(code) =>
          route(
            code ? `${KIA_STATS_PATH}?district=${encodeURIComponent(code)}` : KIA_STATS_PATH,
            true,
          )
        }
      />
    </form>
  );
}

function Stats({ user }: { user: Me }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const district = query.district ?? '';
  const stats = useResource(() => getHealthStats(district || undefined), [district]);
  usePageTitle(t('kia.stats.title'));
  const isWorker = hasRole(user, ['health_worker']);
  const isAdmin = hasRole(user, ['regency_admin']);
  return (
    <div class="stack stack--loose" data-testid="kia-stats">
      <header class="page-header">
        <BackLink href={isWorker ? WORKLIST_PATH : '/'}>
          {isWorker ? t('roleTile.health_worker') : t('nav.home')}
        </BackLink>
        <PageHeading>{t('kia.stats.title')}</PageHeading>
        <p class="muted">
          {isAdmin ? t('kia.stats.scopeRegency') : t('kia.stats.scopeVillages')}
          {stats.data && ` · ${t('kia.stats.asOf', { date: formatDay(stats.data.as_of, lang) })}`}
        </p>
      </header>
      {isAdmin && <DistrictFilter district={district} />}
      {stats.error && !stats.data && (
        <ErrorNotice
          error={stats.error}
          intro={t('stats.error')}
          onRetry={() => void stats.reload()}
        />
      )}
      {!stats.data && !stats.error && <Loading />}
      {stats.data && <StatsView stats={stats.data} />}
    </div>
  );
}

export function KiaStatsPage() {
  return (
    <RequireAuth>
      <RoleGate roles={['health_worker', 'regency_admin']}>
        {(user) => <Stats user={user} />}
      </RoleGate>
    </RequireAuth>
  );
}
