import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { isApiError } from '../../api/client';
import { getWorklist, lookupMother, type Worklist } from '../../api/health';
import type { Me } from '../../api/types';
import { FormError, SelectField, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n, type MessageKey } from '../../i18n';
import '../../i18n/health';
import { formatDay } from '../civil/format';
import { useResource } from '../civil/hooks';
import { gestationalAgeText } from './format';
import {
  childPath,
  KIA_STATS_PATH,
  motherPath,
  MOTHERS_PATH,
  NEW_MOTHER_PATH,
  pregnancyPath,
  WORKLIST_PATH,
} from './paths';
import { BackLink, ErrorNotice, KiaBadge, RoleGate } from './ui';

/** "Cari ibu dengan NIK": opens her book, or offers to register her. */
function Lookup() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [nik, setNik] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const submit = useSubmit(['nik']);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const value = nik.replace(/[\s.-]/g, '');
    setNotFound(null);
    void submit.run(async () => {
      try {
        const mother = await lookupMother(value);
        route(motherPath(mother.id));
      } catch (error) {
        if (isApiError(error) && error.status === 404) {
          setNotFound(value);
          return;
        }
        throw error;
      }
    });
  };

  return (
    <section class="card stack" aria-labelledby="kia-lookup">
      <h2 id="kia-lookup">{t('kia.lookup.title')}</h2>
      <form
        ref={submit.formRef}
        class="form kia-lookup"
        noValidate
        onSubmit={onSubmit}
        data-testid="lookup-form"
      >
        <FormError state={submit} id="kia-lookup-error" />
        <TextField
          id="kia-lookup-nik"
          name="nik"
          label={t('kia.field.motherNik')}
          hint={t('civil.form.nikHint', { count: nik.replace(/\D/g, '').length })}
          inputMode="numeric"
          autoComplete="off"
          spellcheck={false}
          value={nik}
          onValue={setNik}
          errors={submit.fieldErrors.nik}
        />
        <SubmitButton busy={submit.busy}>{t('kia.lookup.submit')}</SubmitButton>
      </form>
      {notFound !== null && (
        <div class="notice" role="status" data-testid="lookup-not-found">
          <p>{t('kia.lookup.notFound')}</p>
          <p>
            <a
              class="button button--primary"
              href={`${NEW_MOTHER_PATH}?nik=${encodeURIComponent(notFound)}`}
            >
              {t('kia.lookup.register')}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

const PROBLEM_KEYS: Record<string, MessageKey> = {
  stunted: 'kia.problem.stunted',
  wasted: 'kia.problem.wasted',
  underweight: 'kia.problem.underweight',
};

function Items({ data }: { data: Worklist }) {
  const { t, lang } = useI18n();
  const sections: { id: string; title: string; count: number; items: ComponentChildren }[] = [
    {
      id: 'anc',
      title: t('kia.work.anc'),
      count: data.anc.length,
      items: data.anc.map((item) => (
        <li key={item.pregnancy_id}>
          <a
            class={`kia-work kia-work--${item.status}`}
            href={`${pregnancyPath(item.pregnancy_id)}?catat=kunjungan`}
            data-testid="worklist-item"
            data-kind="anc"
            data-status={item.status}
            data-code={item.contact}
          >
            <span class="kia-work-head">
              <strong>{item.mother.full_name}</strong>
              <KiaBadge status={item.status} label={item.status_label} />
            </span>
            <span>
              {item.contact} · {gestationalAgeText(item.gestational_age, lang)}
            </span>
            <span class="small muted">
              {item.mother.village.name} ·{' '}
              {t('kia.anc.dueBy', { by: formatDay(item.due_by, lang) })}
            </span>
            {item.doctor_needed && (
              <span class="small kia-doctor">{t('kia.anc.doctorNeeded')}</span>
            )}
          </a>
        </li>
      )),
    },
    {
      id: 'postnatal',
      title: t('kia.work.postnatal'),
      count: data.postnatal.length,
      items: data.postnatal.map((item) => (
        <li key={`${item.pregnancy_id}-${item.code}-${item.child?.id ?? ''}`}>
          <a
            class={`kia-work kia-work--${item.status}`}
            href={pregnancyPath(item.pregnancy_id)}
            data-testid="worklist-item"
            data-kind="postnatal"
            data-status={item.status}
            data-code={item.code}
          >
            <span class="kia-work-head">
              <strong>{item.child ? item.child.full_name : item.mother.full_name}</strong>
              <KiaBadge status={item.status} label={item.status_label} />
            </span>
            <span>{item.label}</span>
            <span class="small muted">
              {item.mother.village.name} ·{' '}
              {t('kia.work.until', { date: formatDay(item.window_end.slice(0, 10), lang) })}
            </span>
          </a>
        </li>
      )),
    },
    {
      id: 'immunization',
      title: t('kia.work.immunization'),
      count: data.immunization.length,
      items: data.immunization.map((item) => {
        const overdue = item.doses.some((dose) => dose.status === 'overdue');
        return (
          <li key={item.child.id}>
            <a
              class={`kia-work kia-work--${overdue ? 'overdue' : 'due'}`}
              href={childPath(item.child.id)}
              data-testid="worklist-item"
              data-kind="immunization"
              data-status={overdue ? 'overdue' : 'due'}
            >
              <span class="kia-work-head">
                <strong>{item.child.full_name}</strong>
              </span>
              <span class="kia-work-doses">
                {item.doses.map((dose) => (
                  <span key={dose.code} class="kia-work-dose">
                    {dose.name} <KiaBadge status={dose.status} label={dose.status_label} />
                  </span>
                ))}
              </span>
              <span class="small muted">
                {item.mother.full_name} · {item.mother.village.name}
              </span>
            </a>
          </li>
        );
      }),
    },
    {
      id: 'growth',
      title: t('kia.work.growth'),
      count: data.growth.length,
      items: data.growth.map((item) => (
        <li key={item.child.id}>
          <a
            class="kia-work kia-work--problem"
            href={childPath(item.child.id)}
            data-testid="worklist-item"
            data-kind="growth"
            data-problems={item.problems.join(' ')}
          >
            <span class="kia-work-head">
              <strong>{item.child.full_name}</strong>
            </span>
            <span class="kia-work-problems">
              {item.problems.map((problem) => (
                <span key={problem} class="kia-badge kia-badge--overdue">
                  {PROBLEM_KEYS[problem] ? t(PROBLEM_KEYS[problem]) : problem}
                </span>
              ))}
            </span>
            <span class="small muted">
              {item.mother.full_name} · {item.mother.village.name} ·{' '}
              {t('kia.work.measuredOn', { date: formatDay(item.measured_on, lang) })}
            </span>
          </a>
        </li>
      )),
    },
  ];
  return (
    <>
      <nav class="kia-jump" aria-label={t('kia.work.jump')}>
        <ul role="list">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#kia-work-${section.id}`}>
                {section.title} <span class="kia-count">{section.count}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <section
          key={section.id}
          class="stack"
          id={`kia-work-${section.id}`}
          aria-labelledby={`kia-work-${section.id}-title`}
          data-section={section.id}
        >
          <h2 id={`kia-work-${section.id}-title`}>
            {section.title} ({section.count})
          </h2>
          {section.count === 0 ? (
            <p class="muted">{t('kia.work.empty')}</p>
          ) : (
            <ul class="kia-work-list" role="list">
              {section.items}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function WorklistView({ user }: { user: Me }) {
  const { t, lang } = useI18n();
  const { query, route } = useLocation();
  const village = query.village ?? '';
  const worklist = useResource(() => getWorklist(village || undefined), [village]);
  usePageTitle(t('roleTile.health_worker'));
  const villages = user.jurisdiction.villages;
  return (
    <div class="stack stack--loose" data-testid="worklist">
      <header class="page-header">
        <BackLink href="/">{t('nav.home')}</BackLink>
        <PageHeading>{t('roleTile.health_worker')}</PageHeading>
        {user.jurisdiction.facility && <p class="muted">{user.jurisdiction.facility}</p>}
        {worklist.data && (
          <p class="small muted">
            {t('kia.work.asOf', { date: formatDay(worklist.data.as_of, lang) })}
          </p>
        )}
      </header>
      <div class="kia-actions">
        <a
          class="button button--primary kia-action"
          href={NEW_MOTHER_PATH}
          data-testid="register-mother"
        >
          {t('kia.registerMother')}
        </a>
      </div>
      <p class="kia-links-inline">
        <a class="button button--small" href={MOTHERS_PATH}>
          {t('kia.mothers.title')}
        </a>
        <a class="button button--small" href={KIA_STATS_PATH}>
          {t('kia.stats.title')}
        </a>
      </p>
      <Lookup />
      <form class="filters-form" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="kia-work-village"
          name="village"
          label={t('officer.filter.village')}
          value={village}
          placeholder={t('officer.filter.allVillages')}
          options={villages.map((item) => ({ value: item.code, label: item.name }))}
          onValue={(code) =>
            route(
              code ? `${WORKLIST_PATH}?village=${encodeURIComponent(code)}` : WORKLIST_PATH,
              true,
            )
          }
        />
      </form>
      {worklist.error && !worklist.data && (
        <ErrorNotice
          error={worklist.error}
          intro={t('kia.loadError')}
          onRetry={() => void worklist.reload()}
        />
      )}
      {!worklist.data && !worklist.error && <Loading />}
      {worklist.data && (
        <div class="stack stack--loose" aria-busy={worklist.loading || undefined}>
          <Items data={worklist.data} />
        </div>
      )}
    </div>
  );
}

export function WorklistPage() {
  return (
    <RequireAuth>
      <RoleGate roles={['health_worker']}>{(user) => <WorklistView user={user} />}</RoleGate>
    </RequireAuth>
  );
}
