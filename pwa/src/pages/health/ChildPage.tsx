import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import {
  getChild,
  getGrowthChart,
  getImmunizations,
  listMeasurements,
  type ChildDetail,
  type Dose,
  type Measurement,
} from '../../api/health';
import type { Me } from '../../api/types';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { PendingWrites, useCorrection, useOutboxItems, useWhenSent } from '../../offline/hooks';
import type { OutboxItem } from '../../offline/outbox';
import { useSession } from '../../session';
import { formatDay } from '../civil/format';
import { useResource } from '../civil/hooks';
import { applyPath } from '../civil/paths';
import { NotFoundContent } from '../NotFound';
import { ageDaysText, childAgeText, formatMeasure, formatZ } from './format';
import { GrowthChartSvg, type ChartDot, type ChartIndicator } from './GrowthChart';
import { ImmunizationForm } from './ImmunizationForm';
import { MeasurementForm } from './MeasurementForm';
import { bookPath } from './paths';
import {
  BackLink,
  ErrorNotice,
  KiaBadge,
  OpenButton,
  SavedNotice,
  Section,
  focusOnce,
  ZScoreList,
  zTone,
} from './ui';

/** Link to the adminduk birth-certificate form with the child's data filled in. */
export function birthCertificateHref(child: ChildDetail, motherNik: string): string {
  const params = new URLSearchParams({
    child_name: child.full_name,
    child_sex: child.sex,
    birth_date: child.birth_date,
    mother_nik: motherNik,
    mother_name: child.mother.full_name,
  });
  return `${applyPath('akta-kelahiran')}?${params.toString()}`;
}

function MeasurementTable({ rows, caption }: { rows: Measurement[]; caption: string }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const zCell = (score: Measurement['zscores']['wfa']) => (
    <td class={`num zcell zcell--${zTone(score)}`}>
      {score.z !== null ? (
        <>
          {formatZ(score.z)}
          <span class="zcell-cat">{score.category_label}</span>
        </>
      ) : (
        <span class="zcell-cat">{score.reason_label ?? none}</span>
      )}
    </td>
  );
  return (
    <div class="table-scroll" role="region" aria-labelledby="kia-measure-caption" tabIndex={0}>
      <table class="data-table kia-table kia-measure-table" id="kia-measure-table">
        <caption id="kia-measure-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kia.col.date')}</th>
            <th scope="col">{t('kia.col.age')}</th>
            <th scope="col" class="num">
              {t('kia.col.weight')}
            </th>
            <th scope="col" class="num">
              {t('kia.col.height')}
            </th>
            <th scope="col" class="num">
              {t('kia.col.head')}
            </th>
            <th scope="col" class="num">
              {t('kia.z.wfa')}
            </th>
            <th scope="col" class="num">
              {t('kia.z.lhfa')}
            </th>
            <th scope="col" class="num">
              {t('kia.z.wflShort')}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((row) => (
            <tr key={row.id} data-testid="measurement-row" data-measured-on={row.measured_on}>
              <th scope="row">{formatDay(row.measured_on, lang)}</th>
              <td>{ageDaysText(row.age_days, lang)}</td>
              <td class="num">
                {row.weight_kg !== null ? formatMeasure(row.weight_kg, lang, 2) : none}
                {row.oedema && <span class="zcell-cat">{t('kia.col.oedema')}</span>}
              </td>
              <td class="num">
                {row.height_cm !== null ? formatMeasure(row.height_cm, lang) : none}
                {row.position && (
                  <span class="zcell-cat">
                    {row.position === 'lying'
                      ? t('kia.position.lying')
                      : t('kia.position.standing')}
                  </span>
                )}
              </td>
              <td class="num">
                {row.head_circumference_cm !== null
                  ? formatMeasure(row.head_circumference_cm, lang)
                  : none}
              </td>
              {zCell(row.zscores.wfa)}
              {zCell(row.zscores.lhfa)}
              {zCell(row.zscores.wfl)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type OpenForm = null | { kind: 'measure' } | { kind: 'imm'; code?: string | undefined };

function Growth({
  child,
  reloadChild,
  open,
  setOpen,
}: {
  child: ChildDetail;
  reloadChild: () => void;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const chart = useResource(() => getGrowthChart(child.id), [child.id]);
  const rows = useResource(() => listMeasurements(child.id), [child.id]);
  const ofThisChild = (item: OutboxItem) =>
    item.kind === 'health.measurement' && item.meta?.childId === child.id;
  const pending = useOutboxItems((item) => ofThisChild(item) && item.state !== 'sent');
  const correcting = useCorrection(['health.measurement']);
  const location = useLocation();
  const discardCorrectionQuery = async () => location.route(location.path, true);
  // A weighing kept on the phone has arrived: show the server's figures.
  useWhenSent(ofThisChild, () => {
    void chart.reload();
    void rows.reload();
    reloadChild();
  });
  const [indicator, setIndicator] = useState<ChartIndicator>('wfa');
  const [saved, setSaved] = useState<Measurement | null>(null);
  const measurements = rows.data?.results ?? [];

  // Length/height-for-age is drawn with the length WHO scored (corrected for position).
  const usedHeight = new Map(measurements.map((m) => [m.measured_on, m.height_used_cm]));
  const dots: ChartDot[] = (chart.data?.points ?? []).flatMap((point) => {
    const value =
      indicator === 'wfa'
        ? point.weight_kg
        : (usedHeight.get(point.measured_on) ?? point.height_cm);
    return value === null || value === undefined
      ? []
      : [
          {
            age_days: point.age_days,
            value,
            measured_on: point.measured_on,
            weight_kg: point.weight_kg,
            height_cm: point.height_cm,
          },
        ];
  });

  const latest = saved ?? child.latest_measurement;
  return (
    <Section id="kia-growth" title={t('kia.growth.title')}>
      {latest ? (
        <div
          key={saved ? saved.id : 'latest'}
          class={saved ? 'kia-latest kia-latest--new' : 'kia-latest'}
          role={saved ? 'status' : undefined}
          tabIndex={saved ? -1 : undefined}
          ref={saved ? focusOnce : undefined}
        >
          <p class="kia-latest-title">
            <strong>
              {saved
                ? t('kia.measure.savedTitle', { date: formatDay(latest.measured_on, lang) })
                : t('kia.measure.latestTitle', { date: formatDay(latest.measured_on, lang) })}
            </strong>
            <br />
            {[
              latest.weight_kg !== null && `${formatMeasure(latest.weight_kg, lang, 2)} kg`,
              latest.height_cm !== null && `${formatMeasure(latest.height_cm, lang)} cm`,
              ageDaysText(latest.age_days, lang),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <ZScoreList zscores={latest.zscores} testIds />
        </div>
      ) : (
        <p class="muted">{t('kia.child.notMeasured')}</p>
      )}

      <PendingWrites items={pending} testId="pending-measurement" />
      {child.can_edit && !open && !correcting && (
        <OpenButton
          testId="record-measurement"
          onOpen={() => {
            setSaved(null);
            setOpen(true);
          }}
        >
          {t('kia.measure.record')}
        </OpenButton>
      )}
      {(open || correcting) && (
        <MeasurementForm
          key={correcting?.id ?? 'new'}
          childId={child.id}
          birthDate={child.birth_date}
          correcting={correcting}
          onCancel={() => {
            setOpen(false);
            if (correcting) void discardCorrectionQuery();
          }}
          onQueued={() => setOpen(false)}
          onSaved={(measurement) => {
            setOpen(false);
            setSaved(measurement);
            void chart.reload();
            void rows.reload();
            reloadChild();
          }}
        />
      )}

      <div class="kia-toggle" role="group" aria-label={t('kia.chart.choose')}>
        {(['wfa', 'lhfa'] as const).map((value) => (
          <button
            key={value}
            type="button"
            class="button button--small"
            aria-pressed={indicator === value}
            data-testid={`chart-${value}`}
            onClick={() => setIndicator(value)}
          >
            {value === 'wfa' ? t('kia.chart.wfa') : t('kia.chart.lhfa')}
          </button>
        ))}
      </div>
      {chart.error && !chart.data && (
        <ErrorNotice error={chart.error} onRetry={() => void chart.reload()} />
      )}
      {!chart.data && !chart.error && <Loading />}
      {chart.data && (
        <figure class="kia-chart">
          <GrowthChartSvg
            indicator={indicator}
            curves={chart.data.curves[indicator]}
            dots={dots}
            highlight={saved?.measured_on ?? null}
            describedBy="kia-chart-legend"
          />
          <figcaption id="kia-chart-legend" class="kia-legend small">
            <span class="kia-legend-item">
              <span class="kia-swatch kia-swatch--sd0" aria-hidden="true" />
              {t('kia.chart.median')}
            </span>
            <span class="kia-legend-item">
              <span class="kia-swatch kia-swatch--sd2" aria-hidden="true" />
              {t('kia.chart.sd2')}
            </span>
            <span class="kia-legend-item">
              <span class="kia-swatch kia-swatch--sd3" aria-hidden="true" />
              {t('kia.chart.sd3')}
            </span>
            <span class="kia-legend-item">
              <span class="kia-swatch kia-swatch--point" aria-hidden="true" />
              {t('kia.chart.points')}
            </span>
          </figcaption>
        </figure>
      )}
      {rows.error && !rows.data && (
        <ErrorNotice error={rows.error} onRetry={() => void rows.reload()} />
      )}
      {rows.data && measurements.length === 0 && <p class="muted">{t('kia.measure.none')}</p>}
      {measurements.length > 0 && (
        <MeasurementTable
          rows={measurements}
          caption={t('kia.measure.table', { n: measurements.length })}
        />
      )}
    </Section>
  );
}

function Immunizations({
  child,
  recording,
  setRecording,
}: {
  child: ChildDetail;
  /** The form is open (with a dose chosen from a row, or not). */
  recording: { code?: string | undefined } | null;
  setRecording: (recording: { code?: string | undefined } | null) => void;
}) {
  const { t, lang } = useI18n();
  const schedule = useResource(() => getImmunizations(child.id), [child.id]);
  const [saved, setSaved] = useState<{ dose: Dose; date: string } | null>(null);
  const ofThisChild = (item: OutboxItem) =>
    item.kind === 'health.immunization' && item.meta?.childId === child.id;
  const pending = useOutboxItems((item) => ofThisChild(item) && item.state !== 'sent');
  useWhenSent(ofThisChild, () => void schedule.reload());
  const data = schedule.data;
  return (
    <Section id="kia-imm" title={t('kia.imm.title')}>
      {data && (
        <p class={data.basic_complete_on ? 'kia-ok' : 'muted'} data-testid="basic-immunization">
          {data.basic_complete_on
            ? t('kia.imm.basicCompleteOn', { date: formatDay(data.basic_complete_on, lang) })
            : t('kia.imm.basicIncomplete')}
          {data.basic_complete_on && data.complete_by_first_birthday && (
            <> · {t('kia.imm.byFirstBirthday')}</>
          )}
        </p>
      )}
      {saved && (
        <SavedNotice>
          {t('kia.imm.saved', { dose: saved.dose.name, date: formatDay(saved.date, lang) })}
        </SavedNotice>
      )}
      <PendingWrites items={pending} testId="pending-immunization" />
      {child.can_edit && data && recording === null && (
        <OpenButton
          testId="record-immunization"
          onOpen={() => {
            setSaved(null);
            setRecording({});
          }}
        >
          {t('kia.imm.record')}
        </OpenButton>
      )}
      {data && recording !== null && (
        <ImmunizationForm
          key={recording.code ?? ''}
          childId={child.id}
          doses={data.doses}
          initial={recording.code}
          onCancel={() => setRecording(null)}
          onQueued={() => setRecording(null)}
          onSaved={(dose, date) => {
            setRecording(null);
            setSaved({ dose, date });
            void schedule.reload();
          }}
        />
      )}
      {schedule.error && !data && (
        <ErrorNotice error={schedule.error} onRetry={() => void schedule.reload()} />
      )}
      {!data && !schedule.error && <Loading />}
      {data && (
        <ul class="kia-doses" role="list">
          {data.doses.map((dose) => (
            <li
              key={dose.code}
              class={`kia-dose kia-dose--${dose.status}`}
              data-testid="immunization-row"
              data-code={dose.code}
              data-status={dose.status}
            >
              <span class="kia-dose-head">
                <span class="kia-dose-name">
                  {dose.name}
                  {dose.in_basic_set && (
                    <span class="tag kia-basic" title={t('kia.imm.basicSet')}>
                      {t('kia.imm.basicTag')}
                    </span>
                  )}
                </span>
                <KiaBadge status={dose.status} label={dose.status_label} />
              </span>
              <span class="small">
                {dose.immunization
                  ? t('kia.imm.givenOn', { date: formatDay(dose.immunization.given_on, lang) }) +
                    (dose.immunization.place ? ` · ${dose.immunization.place}` : '')
                  : t('kia.imm.recommended', { date: formatDay(dose.recommended_date, lang) })}
                {dose.status === 'not_yet' &&
                  dose.waiting_for &&
                  ` · ${t('kia.imm.waitingFor', { dose: dose.waiting_for })}`}
              </span>
              {child.can_edit &&
                recording === null &&
                (dose.status === 'due' || dose.status === 'overdue') && (
                  <button
                    type="button"
                    class="button button--small"
                    data-code={dose.code}
                    onClick={() => {
                      setSaved(null);
                      setRecording({ code: dose.code });
                    }}
                  >
                    {t('kia.imm.recordOne', { dose: dose.name })}
                  </button>
                )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ChildView({ child, user, reload }: { child: ChildDetail; user: Me; reload: () => void }) {
  const { t, lang } = useI18n();
  // One form at a time, so the page has one submit button.
  const [form, setForm] = useState<OpenForm>(null);
  return (
    <>
      <dl class="facts facts--inline kia-identity">
        <div>
          <dt>{t('register.sex')}</dt>
          <dd>{child.sex_label}</dd>
        </div>
        <div>
          <dt>{t('kia.field.birthDate')}</dt>
          <dd>{formatDay(child.birth_date, lang)}</dd>
        </div>
        <div>
          <dt>{t('kia.child.age')}</dt>
          <dd>{childAgeText(child.age, lang)}</dd>
        </div>
        {(child.birth_weight_g !== null || child.birth_length_cm !== null) && (
          <div>
            <dt>{t('kia.child.atBirth')}</dt>
            <dd>
              {[
                child.birth_weight_g !== null && `${child.birth_weight_g} g`,
                child.birth_length_cm !== null &&
                  `${formatMeasure(child.birth_length_cm, lang)} cm`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('kia.child.mother')}</dt>
          <dd>{child.mother.full_name}</dd>
        </div>
        {child.nik_masked && (
          <div>
            <dt>{t('profile.nik')}</dt>
            <dd class="nik">{child.nik_masked}</dd>
          </div>
        )}
      </dl>
      {child.warnings.length > 0 && (
        <div class="notice notice--warning">
          <ul class="kia-plain-list" role="list">
            {child.warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      {!child.can_edit && (
        <div class="card stack kia-akta">
          <p>{child.nik ? t('kia.akta.hasNik') : t('kia.akta.intro')}</p>
          <p>
            <a
              class="button button--primary"
              href={birthCertificateHref(child, user.nik)}
              data-testid="start-birth-certificate"
            >
              {t('kia.akta.button')}
            </a>
          </p>
        </div>
      )}
      <Growth
        child={child}
        reloadChild={reload}
        open={form?.kind === 'measure'}
        setOpen={(open) => setForm(open ? { kind: 'measure' } : null)}
      />
      <Immunizations
        child={child}
        recording={form?.kind === 'imm' ? { code: form.code } : null}
        setRecording={(recording) =>
          setForm(recording ? { kind: 'imm', code: recording.code } : null)
        }
      />
    </>
  );
}

function Child({ id, user }: { id: string; user: Me }) {
  const { t } = useI18n();
  const child = useResource(() => getChild(id), [id]);
  usePageTitle(child.data?.full_name ?? t('kia.child.title'));
  if (child.error?.status === 404) return <NotFoundContent />;
  const data = child.data;
  return (
    <div class="stack stack--loose" data-testid="kia-child">
      <header class="page-header">
        {data && (
          <BackLink href={bookPath(data.mother.id, data.can_edit)}>
            {data.mother.full_name}
          </BackLink>
        )}
        <PageHeading>{data?.full_name ?? t('kia.child.title')}</PageHeading>
      </header>
      {child.error && !data && (
        <ErrorNotice
          error={child.error}
          intro={t('kia.loadError')}
          onRetry={() => void child.reload()}
        />
      )}
      {!data && !child.error && <Loading />}
      {data && <ChildView child={data} user={user} reload={() => void child.reload()} />}
    </div>
  );
}

function Route() {
  const { params } = useRoute();
  const { user } = useSession();
  return user ? <Child id={params.id ?? ''} user={user} /> : null;
}

export function ChildPage() {
  return (
    <RequireAuth>
      <Route />
    </RequireAuth>
  );
}
