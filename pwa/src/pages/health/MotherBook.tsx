import {
  getImmunizations,
  getPregnancy,
  type ChildListItem,
  type MotherDetail,
  type OngoingPregnancy,
} from '../../api/health';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../i18n';
import { formatDay } from '../civil/format';
import { useResource } from '../civil/hooks';
import { childAgeText, formatMeasure, gestationalAgeText } from './format';
import { ACCESS_LOG_PATH, childPath, pregnancyPath } from './paths';
import { DangerSigns, ErrorNotice, growthSummary, KiaBadge } from './ui';

function DateText({ value, long = false }: { value: string; long?: boolean }) {
  const { lang } = useI18n();
  return <time dateTime={value}>{long ? formatDate(value, lang) : formatDay(value, lang)}</time>;
}

/** The ongoing pregnancy: age today, due date, visits, next contact and danger signs. */
export function PregnancyCard({ summary, editor }: { summary: OngoingPregnancy; editor: boolean }) {
  const { t, lang } = useI18n();
  const detail = useResource(() => getPregnancy(summary.id), [summary.id]);
  const pregnancy = detail.data;
  const age = pregnancy?.gestational_age ?? summary.gestational_age;
  const trimester = pregnancy?.trimester ?? summary.trimester;
  const done = pregnancy?.anc.done ?? summary.anc_contacts_done;
  const minimum = pregnancy?.anc.minimum ?? 6;
  const next = pregnancy?.anc.next ?? null;
  return (
    <section
      class="card stack kia-pregnancy"
      data-testid="pregnancy-card"
      aria-labelledby="kia-preg-title"
    >
      <h2 id="kia-preg-title">{t('kia.pregnancy.current')}</h2>
      <dl class="kia-facts">
        <div class="kia-fact kia-fact--big">
          <dt>{t('kia.pregnancy.ga')}</dt>
          <dd data-testid="gestational-age">
            {age ? gestationalAgeText(age, lang) : t('common.none')}
          </dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.pregnancy.dueDate')}</dt>
          <dd data-testid="due-date">
            <DateText value={summary.due_date} long />
          </dd>
        </div>
        {trimester !== null && (
          <div class="kia-fact">
            <dt>{t('kia.pregnancy.trimester')}</dt>
            <dd>{t('kia.trimester', { n: trimester })}</dd>
          </div>
        )}
        <div class="kia-fact">
          <dt>{t('kia.anc.visits')}</dt>
          <dd>
            {t('kia.anc.progress', { done, minimum })}
            <span class="kia-progress" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (done / minimum) * 100)}%` }} />
            </span>
          </dd>
        </div>
      </dl>
      {next && (
        <p
          class={`kia-next kia-next--${next.status}`}
          data-testid="next-contact"
          data-code={next.code}
        >
          <strong>{t('kia.anc.next', { code: next.code })}</strong>{' '}
          <KiaBadge status={next.status} label={next.status_label} />
          <br />
          {next.status === 'upcoming'
            ? t('kia.anc.window', {
                from: formatDay(next.due_from, lang),
                by: formatDay(next.due_by, lang),
              })
            : t('kia.anc.dueBy', { by: formatDay(next.due_by, lang) })}
          {next.doctor_needed && (
            <>
              <br />
              <span class="kia-doctor">{t('kia.anc.doctorNeeded')}</span>
            </>
          )}
        </p>
      )}
      {detail.error && !pregnancy && (
        <ErrorNotice error={detail.error} onRetry={() => void detail.reload()} />
      )}
      {pregnancy && pregnancy.danger_signs.length > 0 && (
        <div class="stack kia-danger-box">
          <h3>{t('kia.danger.title')}</h3>
          <DangerSigns signs={pregnancy.danger_signs} />
          {!editor && <p class="small">{t('kia.danger.advice')}</p>}
        </div>
      )}
      <p>
        <a class="button" href={pregnancyPath(summary.id)}>
          {t('kia.pregnancy.open')}
        </a>
      </p>
    </section>
  );
}

/** A child's immunization at a glance (from its schedule). */
function ImmunizationSummary({ child }: { child: ChildListItem }) {
  const { t, lang } = useI18n();
  const schedule = useResource(() => getImmunizations(child.id), [child.id]);
  const doses = schedule.data?.doses ?? [];
  const overdue = doses.filter((dose) => dose.status === 'overdue').length;
  const due = doses.filter((dose) => dose.status === 'due').length;
  const basicOn = schedule.data?.basic_complete_on ?? null;
  return (
    <p class="kia-child-line">
      <span class="kia-child-label">{t('kia.child.immunization')}: </span>
      {child.basic_immunization_complete || basicOn ? (
        <span class="kia-ok">
          {basicOn
            ? t('kia.imm.basicCompleteOn', { date: formatDay(basicOn, lang) })
            : t('kia.imm.basicComplete')}
        </span>
      ) : (
        <span>{t('kia.imm.basicIncomplete')}</span>
      )}
      {schedule.data && (overdue > 0 || due > 0) && (
        <>
          {' · '}
          <span class={overdue ? 'kia-bad' : 'kia-warn'}>
            {overdue > 0 && t('kia.imm.overdueCount', { n: overdue })}
            {overdue > 0 && due > 0 && ', '}
            {due > 0 && t('kia.imm.dueCount', { n: due })}
          </span>
        </>
      )}
    </p>
  );
}

export function ChildCard({ child }: { child: ChildListItem }) {
  const { t, lang } = useI18n();
  const latest = child.latest_measurement;
  return (
    <li class="card stack kia-child" data-testid="child-card" data-child-id={child.id}>
      <h3>
        <a href={childPath(child.id)}>{child.full_name}</a>
      </h3>
      <p class="muted">
        {child.sex_label} · {childAgeText(child.age, lang)} ·{' '}
        {t('kia.child.born', { date: formatDay(child.birth_date, lang) })}
      </p>
      <ImmunizationSummary child={child} />
      <p class="kia-child-line">
        <span class="kia-child-label">{t('kia.child.growth')}: </span>
        {latest ? (
          <>
            {[
              latest.weight_kg !== null && `${formatMeasure(latest.weight_kg, lang, 2)} kg`,
              latest.height_cm !== null && `${formatMeasure(latest.height_cm, lang)} cm`,
            ]
              .filter(Boolean)
              .join(' · ')}{' '}
            ({formatDay(latest.measured_on, lang)}) —{' '}
            <strong data-testid="child-growth">{growthSummary(latest.zscores, t)}</strong>
          </>
        ) : (
          t('kia.child.notMeasured')
        )}
      </p>
    </li>
  );
}

/** The book's content, the same for the mother and for her midwife. */
export function MotherBook({ mother, editor }: { mother: MotherDetail; editor: boolean }) {
  const { t, lang } = useI18n();
  const past = mother.pregnancies.filter((p) => p.id !== mother.ongoing_pregnancy?.id);
  return (
    <>
      {mother.warnings.length > 0 && (
        <div class="notice notice--warning" data-testid="mother-warnings">
          <ul class="kia-plain-list" role="list">
            {mother.warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      {mother.ongoing_pregnancy ? (
        <PregnancyCard summary={mother.ongoing_pregnancy} editor={editor} />
      ) : (
        <section class="card" aria-labelledby="kia-preg-none">
          <h2 id="kia-preg-none">{t('kia.pregnancy.current')}</h2>
          <p class="muted">{t('kia.pregnancy.none')}</p>
        </section>
      )}

      <section class="stack" aria-labelledby="kia-children">
        <h2 id="kia-children">{t('kia.children.title', { n: mother.children.length })}</h2>
        {mother.children.length === 0 ? (
          <p class="muted">{t('kia.children.none')}</p>
        ) : (
          <ul class="kia-cards" role="list">
            {mother.children.map((child) => (
              <ChildCard key={child.id} child={child} />
            ))}
          </ul>
        )}
      </section>

      {past.length > 0 && (
        <section class="card stack" aria-labelledby="kia-history">
          <h2 id="kia-history">{t('kia.history.title')}</h2>
          <ul class="kia-links" role="list">
            {past.map((pregnancy) => (
              <li key={pregnancy.id}>
                <a href={pregnancyPath(pregnancy.id)} data-testid="pregnancy-link">
                  <span class="kia-link-title">
                    {t('kia.history.item', { gravida: pregnancy.gravida })}{' '}
                    <KiaBadge status={pregnancy.status} label={pregnancy.status_label} />
                  </span>
                  <span class="small muted">
                    {pregnancy.delivered_at
                      ? t('kia.history.delivered', {
                          date: formatDay(pregnancy.delivered_at.slice(0, 10), lang),
                        })
                      : t('kia.history.hpht', { date: formatDay(pregnancy.hpht, lang) })}
                    {' · '}
                    {t('kia.anc.progress', { done: pregnancy.anc_contacts_done, minimum: 6 })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!editor && (
        <p>
          <a class="button" href={ACCESS_LOG_PATH} data-testid="access-log-link">
            {t('kia.access.link')}
          </a>
        </p>
      )}
    </>
  );
}
