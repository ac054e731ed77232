import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import {
  getPostnatal,
  getPregnancy,
  listVisits,
  type AncContact,
  type PregnancyDetail,
  type Visit,
} from '../../api/health';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { formatDate } from '../../lib/format';
import { formatDateTime, formatDay } from '../civil/format';
import { useResource } from '../civil/hooks';
import { NotFoundContent } from '../NotFound';
import { DeliveryForm } from './DeliveryForm';
import { formatMeasure, gestationalAgeText } from './format';
import { bookPath, childPath } from './paths';
import { contactKey, PostnatalForm } from './PostnatalForm';
import {
  BackLink,
  DangerSigns,
  ErrorNotice,
  KiaBadge,
  OpenButton,
  SavedNotice,
  Section,
  useOpenForm,
  useTimeZone,
} from './ui';
import { VisitForm } from './VisitForm';
import { PendingWrites, useOutboxItems, useWhenSent } from '../../offline/hooks';
import type { OutboxItem } from '../../offline/outbox';

function AncContacts({ pregnancy }: { pregnancy: PregnancyDetail }) {
  const { t, lang } = useI18n();
  const { anc } = pregnancy;
  const rule = anc.doctor_rule;
  return (
    <Section id="kia-anc" title={t('kia.anc.title', { done: anc.done, minimum: anc.minimum })}>
      <p class="small muted">{t('kia.anc.intro')}</p>
      <ol class="kia-contacts" role="list">
        {anc.contacts.map((contact: AncContact) => (
          <li
            key={contact.code}
            class={`kia-contact kia-contact--${contact.status}`}
            data-testid="anc-contact"
            data-code={contact.code}
            data-status={contact.status}
          >
            <span class="kia-contact-code">{contact.code}</span>
            <span class="kia-contact-body">
              <span class="kia-contact-head">
                <span>{t('kia.trimester', { n: contact.trimester })}</span>
                <KiaBadge status={contact.status} label={contact.status_label} />
              </span>
              <span class="small">
                {contact.visit_date
                  ? t('kia.anc.doneOn', {
                      date: formatDay(contact.visit_date, lang),
                      provider:
                        contact.provider === 'doctor'
                          ? t('kia.provider.doctor')
                          : t('kia.provider.midwife'),
                    })
                  : t('kia.anc.window', {
                      from: formatDay(contact.due_from, lang),
                      by: formatDay(contact.due_by, lang),
                    })}
              </span>
              {contact.doctor_needed && contact.status !== 'done' && (
                <span class="small kia-doctor">{t('kia.anc.doctorNeeded')}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <div
        class={rule.met ? 'notice notice--done' : 'notice notice--warning'}
        data-testid="doctor-rule"
      >
        <p>
          <strong>{t('kia.anc.doctorRule')}</strong>
        </p>
        <ul class="kia-plain-list" role="list">
          <li>
            {rule.trimester_1 ? '✓ ' : '○ '}
            {t('kia.anc.doctorT1')}
          </li>
          <li>
            {rule.trimester_3 ? '✓ ' : '○ '}
            {t('kia.anc.doctorT3')}
          </li>
        </ul>
      </div>
    </Section>
  );
}

function VisitItem({ visit }: { visit: Visit }) {
  const { t, lang } = useI18n();
  const facts: [string, string | null][] = [
    [
      t('kia.field.weightKg'),
      visit.weight_kg !== null ? formatMeasure(visit.weight_kg, lang) : null,
    ],
    [
      t('kia.field.bp'),
      visit.systolic !== null && visit.diastolic !== null
        ? `${visit.systolic}/${visit.diastolic} mmHg`
        : null,
    ],
    [t('kia.field.hb'), visit.hb_g_dl !== null ? formatMeasure(visit.hb_g_dl, lang) : null],
    [t('kia.field.lila'), visit.lila_cm !== null ? formatMeasure(visit.lila_cm, lang) : null],
    [
      t('kia.field.motherHeight'),
      visit.height_cm !== null ? formatMeasure(visit.height_cm, lang) : null,
    ],
    [
      t('kia.field.fundal'),
      visit.fundal_height_cm !== null ? formatMeasure(visit.fundal_height_cm, lang) : null,
    ],
    [t('kia.field.fhr'), visit.fetal_heart_rate !== null ? String(visit.fetal_heart_rate) : null],
    [t('kia.field.iron'), visit.iron_tablets ? String(visit.iron_tablets) : null],
  ];
  return (
    <li class="card stack kia-visit" data-testid="visit-row" data-visit-id={visit.id}>
      <p class="kia-visit-head">
        <strong>
          <time dateTime={visit.visit_date}>{formatDay(visit.visit_date, lang)}</time>
        </strong>
        <span>{gestationalAgeText(visit.gestational_age, lang)}</span>
        <span class="tag">{visit.provider_label}</span>
      </p>
      <dl class="kia-measures">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <DangerSigns signs={visit.danger_signs} testId="visit-danger-sign" compact />
      {visit.notes && <p class="small kia-notes">{visit.notes}</p>}
      {visit.recorded_by && (
        <p class="small muted">
          {t('kia.visit.recordedBy', { name: visit.recorded_by.full_name })}
        </p>
      )}
    </li>
  );
}

function Delivery({ pregnancy }: { pregnancy: PregnancyDetail }) {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  const delivery = pregnancy.delivery!;
  return (
    <Section id="kia-delivery" title={t('kia.delivery.title')}>
      <dl class="kia-facts" data-testid="delivery-summary">
        <div class="kia-fact kia-fact--wide">
          <dt>{t('kia.field.deliveredAt')}</dt>
          <dd>{formatDateTime(delivery.delivered_at, lang, timeZone)}</dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.pregnancy.ga')}</dt>
          <dd>{gestationalAgeText(delivery.gestational_age, lang)}</dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.field.place')}</dt>
          <dd>{delivery.place_label}</dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.field.attendant')}</dt>
          <dd>{delivery.attendant_label}</dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.field.method')}</dt>
          <dd>{delivery.method_label}</dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.field.motherCondition')}</dt>
          <dd>{delivery.mother_condition_label}</dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.delivery.births')}</dt>
          <dd>
            {t('kia.delivery.liveBirths', { n: delivery.live_births })}
            {delivery.stillbirths > 0 &&
              ` · ${t('kia.delivery.stillbirths', { n: delivery.stillbirths })}`}
          </dd>
        </div>
      </dl>
      {delivery.children.length > 0 && (
        <ul class="kia-links" role="list">
          {delivery.children.map((baby) => (
            <li key={baby.id}>
              <a href={childPath(baby.id)} data-testid="baby-link">
                <span class="kia-link-title">{baby.full_name}</span>
                <span class="small muted">
                  {baby.sex === 'F' ? t('register.sexF') : t('register.sexM')}
                  {baby.birth_weight_g !== null && ` · ${baby.birth_weight_g} g`}
                  {baby.birth_length_cm !== null &&
                    ` · ${formatMeasure(baby.birth_length_cm, lang)} cm`}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {delivery.notes && <p class="small kia-notes">{delivery.notes}</p>}
    </Section>
  );
}

function Postnatal({ pregnancy }: { pregnancy: PregnancyDetail }) {
  const { t, lang } = useI18n();
  const schedule = useResource(() => getPostnatal(pregnancy.id), [pregnancy.id]);
  const [recording, setRecording] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const contacts = schedule.data?.contacts ?? [];
  const pending = contacts.filter((contact) => contact.status !== 'done');
  return (
    <Section id="kia-postnatal" title={t('kia.postnatal.title')}>
      <p class="small muted">{t('kia.postnatal.intro')}</p>
      {schedule.error && !schedule.data && (
        <ErrorNotice error={schedule.error} onRetry={() => void schedule.reload()} />
      )}
      {!schedule.data && !schedule.error && <Loading />}
      {saved && <SavedNotice>{t('kia.saved')}</SavedNotice>}
      {recording !== null && (
        <PostnatalForm
          key={recording}
          pregnancyId={pregnancy.id}
          contacts={pending}
          initial={recording}
          onCancel={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            setSaved(true);
            void schedule.reload();
          }}
        />
      )}
      {contacts.length > 0 && (
        <ol class="kia-contacts" role="list">
          {contacts.map((contact) => (
            <li
              key={contactKey(contact)}
              class={`kia-contact kia-contact--${contact.status}`}
              data-testid="postnatal-contact"
              data-code={contact.code}
              data-status={contact.status}
            >
              <span class="kia-contact-code">{contact.code}</span>
              <span class="kia-contact-body">
                <span class="kia-contact-head">
                  <span>{contact.child ? contact.child.full_name : t('kia.postnatal.mother')}</span>
                  <KiaBadge status={contact.status} label={contact.status_label} />
                </span>
                <span class="small">
                  {contact.contact_date
                    ? t('kia.postnatal.doneOn', { date: formatDay(contact.contact_date, lang) })
                    : t('kia.postnatal.window', {
                        from: formatDay(contact.window_start_date, lang),
                        to: formatDay(contact.window_end_date, lang),
                      })}
                </span>
                {pregnancy.can_edit && contact.status !== 'done' && recording === null && (
                  <button
                    type="button"
                    class="button button--small"
                    data-testid="record-postnatal"
                    data-code={contact.code}
                    onClick={() => {
                      setSaved(false);
                      setRecording(contactKey(contact));
                    }}
                  >
                    {t('kia.postnatal.recordOne', { code: contact.code })}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function PregnancyView({ pregnancy, reload }: { pregnancy: PregnancyDetail; reload: () => void }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const visits = useResource(() => listVisits(pregnancy.id), [pregnancy.id]);
  const [savedVisit, setSavedVisit] = useState<Visit | null>(null);
  const ofThisPregnancy = (item: OutboxItem) =>
    item.kind === 'health.visit' && item.meta?.pregnancyId === pregnancy.id;
  const pendingVisits = useOutboxItems((item) => ofThisPregnancy(item) && item.state !== 'sent');
  useWhenSent(ofThisPregnancy, () => {
    reload();
    void visits.reload();
  });
  const ongoing = pregnancy.status === 'ongoing';
  const editor = pregnancy.can_edit;
  // "?catat=kunjungan" (from the mother's page) opens the visit form straight away.
  const forms = useOpenForm<'visit' | 'delivery'>(
    editor && ongoing && query.catat === 'kunjungan' ? 'visit' : null,
  );

  return (
    <>
      <dl class="kia-facts card">
        <div class="kia-fact kia-fact--big">
          <dt>{ongoing ? t('kia.pregnancy.ga') : t('kia.pregnancy.gaEnd')}</dt>
          <dd data-testid="gestational-age">
            {pregnancy.gestational_age
              ? gestationalAgeText(pregnancy.gestational_age, lang)
              : t('common.none')}
          </dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.pregnancy.dueDate')}</dt>
          <dd data-testid="due-date">
            <time dateTime={pregnancy.due_date}>{formatDate(pregnancy.due_date, lang)}</time>
          </dd>
        </div>
        <div class="kia-fact">
          <dt>{t('kia.field.hpht')}</dt>
          <dd>{formatDay(pregnancy.hpht, lang)}</dd>
        </div>
        {pregnancy.trimester !== null && ongoing && (
          <div class="kia-fact">
            <dt>{t('kia.pregnancy.trimester')}</dt>
            <dd>{t('kia.trimester', { n: pregnancy.trimester })}</dd>
          </div>
        )}
        <div class="kia-fact">
          <dt>{t('kia.pregnancy.gpa')}</dt>
          <dd>
            G{pregnancy.gravida} P{pregnancy.para} A{pregnancy.abortus}
          </dd>
        </div>
        {pregnancy.ended_on && (
          <div class="kia-fact">
            <dt>{t('kia.pregnancy.endedOn')}</dt>
            <dd>{formatDay(pregnancy.ended_on, lang)}</dd>
          </div>
        )}
      </dl>

      {pregnancy.danger_signs.length > 0 && (
        <section class="card stack kia-danger-box" aria-labelledby="kia-danger">
          <h2 id="kia-danger">{t('kia.danger.title')}</h2>
          <DangerSigns signs={pregnancy.danger_signs} />
          {!editor && ongoing && <p class="small">{t('kia.danger.advice')}</p>}
        </section>
      )}

      <PendingWrites items={pendingVisits} testId="pending-visit" />
      {editor && ongoing && forms.open === null && (
        <div class="kia-actions">
          <OpenButton
            testId="record-visit"
            onOpen={() => {
              setSavedVisit(null);
              forms.show('visit');
            }}
          >
            {t('kia.visit.record')}
          </OpenButton>
          <OpenButton
            testId="record-delivery"
            primary={false}
            onOpen={() => forms.show('delivery')}
          >
            {t('kia.delivery.record')}
          </OpenButton>
        </div>
      )}
      {forms.open === 'visit' && (
        <VisitForm
          pregnancyId={pregnancy.id}
          onCancel={forms.close}
          onQueued={forms.close}
          onSaved={(visit) => {
            forms.close();
            setSavedVisit(visit);
            reload();
            void visits.reload();
          }}
        />
      )}
      {forms.open === 'delivery' && (
        <DeliveryForm
          pregnancyId={pregnancy.id}
          onCancel={forms.close}
          onSaved={() => {
            forms.close();
            reload();
          }}
        />
      )}
      {savedVisit && (
        <SavedNotice>
          <p>
            <strong>
              {t('kia.visit.saved', {
                date: formatDay(savedVisit.visit_date, lang),
                ga: gestationalAgeText(savedVisit.gestational_age, lang),
              })}
            </strong>
          </p>
          {savedVisit.danger_signs.length > 0 ? (
            <>
              <p>{t('kia.visit.savedSigns')}</p>
              <DangerSigns signs={savedVisit.danger_signs} testId="visit-danger-sign" compact />
            </>
          ) : (
            <p>{t('kia.visit.noSigns')}</p>
          )}
        </SavedNotice>
      )}

      {pregnancy.delivery && <Delivery pregnancy={pregnancy} />}
      {pregnancy.delivery && <Postnatal pregnancy={pregnancy} />}

      <AncContacts pregnancy={pregnancy} />

      <section class="stack" aria-labelledby="kia-visits">
        <h2 id="kia-visits">{t('kia.visits.title', { n: pregnancy.visits_count })}</h2>
        {visits.error && !visits.data && (
          <ErrorNotice error={visits.error} onRetry={() => void visits.reload()} />
        )}
        {!visits.data && !visits.error && <Loading />}
        {visits.data && visits.data.results.length === 0 && (
          <p class="muted">{t('kia.visits.none')}</p>
        )}
        {visits.data && visits.data.results.length > 0 && (
          <ol class="kia-cards" role="list" reversed>
            {[...visits.data.results].reverse().map((visit) => (
              <VisitItem key={visit.id} visit={visit} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function Pregnancy({ id }: { id: string }) {
  const { t } = useI18n();
  const pregnancy = useResource(() => getPregnancy(id), [id]);
  usePageTitle(t('kia.pregnancy.title'));
  if (pregnancy.error?.status === 404) return <NotFoundContent />;
  const data = pregnancy.data;
  return (
    <div class="stack stack--loose" data-testid="kia-pregnancy">
      <header class="page-header">
        {data && (
          <BackLink href={bookPath(data.mother.id, data.can_edit)}>
            {data.mother.full_name}
          </BackLink>
        )}
        <PageHeading>{t('kia.pregnancy.title')}</PageHeading>
        {data && (
          <p class="with-badge">
            <span class="lead">{data.mother.full_name}</span>
            <KiaBadge status={data.status} label={data.status_label} />
          </p>
        )}
      </header>
      {pregnancy.error && !data && (
        <ErrorNotice
          error={pregnancy.error}
          intro={t('kia.loadError')}
          onRetry={() => void pregnancy.reload()}
        />
      )}
      {!data && !pregnancy.error && <Loading />}
      {data && <PregnancyView pregnancy={data} reload={() => void pregnancy.reload()} />}
    </div>
  );
}

function Route() {
  const { params } = useRoute();
  return <Pregnancy id={params.id ?? ''} />;
}

export function PregnancyPage() {
  return (
    <RequireAuth>
      <Route />
    </RequireAuth>
  );
}
