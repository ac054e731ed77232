import type { ComponentChildren } from 'preact';
import { fetchStats, STATUSES, type CivilStats, type CompletionFigures } from '../../api/civil';
import type { Me } from '../../api/types';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import { formatDay, formatDuration, formatNumber, formatShare } from './format';
import { useResource } from './hooks';
import { OFFICER_BASE, officerRequestPath } from './paths';
import { BackLink, ErrorNotice, statusKey, StatusBadge } from './ui';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div class="figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A table that scrolls sideways on a narrow screen (focusable so keyboards can scroll it). */
function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div
      class="table-scroll"
      role="region"
      aria-label={t('stats.table', { title: label })}
      tabIndex={0}
    >
      <table class="data-table">{children}</table>
    </div>
  );
}

function completionCells(row: CompletionFigures, lang: 'id' | 'en', none: string) {
  return (
    <>
      <td class="num">{formatNumber(row.completed, lang)}</td>
      <td class="num">{formatDuration(row.median_completion_hours, lang) ?? none}</td>
      <td class="num">{formatShare(row.completed_on_time_share, lang) ?? none}</td>
    </>
  );
}

function StatsView({ stats, user }: { stats: CivilStats; user: Me }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const canOpen = user.roles.includes('civil_officer');
  const isAdmin = user.roles.includes('regency_admin');
  const statuses = STATUSES.filter((status) => status !== 'draft');
  return (
    <>
      <p class="muted" data-testid="stats-scope">
        {isAdmin
          ? t('stats.scopeRegency', { count: stats.districts.length })
          : t('stats.scopeDistricts', {
              names: stats.districts.map((district) => district.name).join(', ') || none,
            })}
      </p>
      <dl class="figures">
        <Figure
          testId="stats-total"
          label={t('stats.total')}
          value={formatNumber(stats.total, lang)}
        />
        <Figure
          testId="stats-completed"
          label={t('stats.completed')}
          value={formatNumber(stats.completed, lang)}
        />
        <Figure
          testId="stats-on-time"
          label={t('stats.onTime')}
          value={formatShare(stats.completed_on_time_share, lang) ?? none}
        />
        <Figure
          testId="stats-median"
          label={t('stats.median')}
          value={formatDuration(stats.median_completion_hours, lang) ?? none}
        />
        <Figure
          testId="stats-overdue-count"
          label={t('stats.overdueCount')}
          value={formatNumber(stats.overdue_count, lang)}
        />
      </dl>

      <section class="card stack" aria-labelledby="stats-by-status">
        <h2 id="stats-by-status">{t('stats.byStatus')}</h2>
        <ul class="status-counts" role="list" data-testid="stats-by-status">
          {statuses.map((status) => (
            <li key={status} data-status={status}>
              <StatusBadge status={status} label={t(statusKey(status))} />
              <span class="status-count">{formatNumber(stats.by_status[status] ?? 0, lang)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section class="card stack" aria-labelledby="stats-overdue">
        <h2 id="stats-overdue">{t('stats.overdue')}</h2>
        {stats.overdue.length === 0 ? (
          <p class="muted">{t('stats.overdueNone')}</p>
        ) : (
          <ScrollTable label={t('stats.overdue')}>
            <thead>
              <tr>
                <th scope="col">{t('stats.col.code')}</th>
                <th scope="col">{t('stats.col.service')}</th>
                <th scope="col">{t('stats.col.district')}</th>
                <th scope="col">{t('stats.col.due')}</th>
                <th scope="col" class="num">
                  {t('stats.col.late')}
                </th>
                <th scope="col">{t('stats.col.officer')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.overdue.map((row) => (
                <tr key={row.id} data-testid="stats-overdue-row" data-code={row.tracking_code}>
                  <th scope="row">
                    {canOpen ? (
                      <a href={officerRequestPath(row.id)}>{row.tracking_code}</a>
                    ) : (
                      row.tracking_code
                    )}
                  </th>
                  <td>{row.service}</td>
                  <td>{row.district}</td>
                  <td>{formatDay(row.due_date, lang)}</td>
                  <td class="num">{t('stats.daysOverdue', { n: row.days_overdue })}</td>
                  <td>{row.assigned_officer ?? t('civil.unassigned')}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>

      <section class="card stack" aria-labelledby="stats-by-district">
        <h2 id="stats-by-district">{t('stats.byDistrict')}</h2>
        <ScrollTable label={t('stats.byDistrict')}>
          <thead>
            <tr>
              <th scope="col">{t('stats.col.district')}</th>
              <th scope="col" class="num">
                {t('stats.col.total')}
              </th>
              <th scope="col" class="num">
                {t('stats.col.open')}
              </th>
              <th scope="col" class="num">
                {t('stats.col.overdue')}
              </th>
              <th scope="col" class="num">
                {t('stats.col.completed')}
              </th>
              <th scope="col" class="num">
                {t('stats.col.median')}
              </th>
              <th scope="col" class="num">
                {t('stats.col.onTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.by_district.map((row) => (
              <tr key={row.code} data-testid="stats-district-row" data-code={row.code}>
                <th scope="row">{row.name}</th>
                <td class="num">{formatNumber(row.total, lang)}</td>
                <td class="num">{formatNumber(row.open, lang)}</td>
                <td class={row.overdue ? 'num num--late' : 'num'}>
                  {formatNumber(row.overdue, lang)}
                </td>
                {completionCells(row, lang, none)}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      <section class="card stack" aria-labelledby="stats-by-officer">
        <h2 id="stats-by-officer">{t('stats.byOfficer')}</h2>
        {stats.by_officer.length === 0 ? (
          <p class="muted">{t('stats.noOfficers')}</p>
        ) : (
          <ScrollTable label={t('stats.byOfficer')}>
            <thead>
              <tr>
                <th scope="col">{t('stats.col.officer')}</th>
                <th scope="col" class="num">
                  {t('stats.col.handled')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.open')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.overdue')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.completed')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.median')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.onTime')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.by_officer.map((row) => (
                <tr key={row.id} data-testid="stats-officer-row">
                  <th scope="row">{row.name}</th>
                  <td class="num">{formatNumber(row.handled, lang)}</td>
                  <td class="num">{formatNumber(row.open, lang)}</td>
                  <td class={row.overdue ? 'num num--late' : 'num'}>
                    {formatNumber(row.overdue, lang)}
                  </td>
                  {completionCells(row, lang, none)}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>

      {stats.by_service.length > 0 && (
        <section class="card stack" aria-labelledby="stats-by-service">
          <h2 id="stats-by-service">{t('stats.byService')}</h2>
          <ScrollTable label={t('stats.byService')}>
            <thead>
              <tr>
                <th scope="col">{t('stats.col.service')}</th>
                <th scope="col" class="num">
                  {t('stats.col.total')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.open')}
                </th>
                <th scope="col" class="num">
                  {t('stats.col.completed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.by_service.map((row) => {
                const open = ['submitted', 'in_review', 'needs_revision', 'approved'] as const;
                const openCount = open.reduce(
                  (sum, status) => sum + (row.by_status[status] ?? 0),
                  0,
                );
                return (
                  <tr key={row.code} data-testid="stats-service-row" data-code={row.code}>
                    <th scope="row">{row.name}</th>
                    <td class="num">{formatNumber(row.total, lang)}</td>
                    <td class="num">{formatNumber(openCount, lang)}</td>
                    <td class="num">{formatNumber(row.by_status.completed ?? 0, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        </section>
      )}
    </>
  );
}

function Stats({ user }: { user: Me }) {
  const { t } = useI18n();
  const stats = useResource(fetchStats, []);
  usePageTitle(t('stats.title'));
  const isOfficer = user.roles.includes('civil_officer');
  return (
    <div class="stack stack--loose" data-testid="civil-stats">
      <header class="page-header">
        <BackLink href={isOfficer ? OFFICER_BASE : '/'}>
          {isOfficer ? t('civil.back.queue') : t('nav.home')}
        </BackLink>
        <PageHeading>{t('stats.title')}</PageHeading>
      </header>
      {user.roles.includes('regency_admin') && (
        <p>
          <a class="button" href="/kia/statistik" data-testid="kia-stats-link">
            {t('kia.stats.link')}
          </a>
        </p>
      )}
      {stats.error && !stats.data && (
        <ErrorNotice
          error={stats.error}
          intro={t('stats.error')}
          onRetry={() => void stats.reload()}
        />
      )}
      {!stats.data && !stats.error && <Loading />}
      {stats.data && <StatsView stats={stats.data} user={user} />}
    </div>
  );
}

function StatsGuard() {
  const { user } = useSession();
  if (!user) return null;
  const allowed = user.roles.includes('civil_officer') || user.roles.includes('regency_admin');
  if (!allowed) return <NotFoundContent />;
  return <Stats user={user} />;
}

export function StatsPage() {
  return (
    <RequireAuth>
      <StatsGuard />
    </RequireAuth>
  );
}
