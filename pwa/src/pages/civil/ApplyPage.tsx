import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import type { CivilRequestDetail, CivilService, CreateRequestPayload } from '../../api/civil';
import { isApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { FormError, SubmitButton, useSubmit } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { clearDraft, loadDraft, saveDraft } from '../../offline/drafts';
import { useCorrection } from '../../offline/hooks';
import { discard, errorOf, submitWrite, type OutboxItem } from '../../offline/outbox';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import {
  CivilFields,
  fieldErrorKeys,
  initialValues,
  prefillValues,
  toFormData,
  type FieldValues,
} from './CivilForm';
import { serviceDays } from './format';
import { useServices } from './hooks';
import { applyPath, CIVIL_BASE, requestPath } from './paths';
import { VillagePicker } from './VillagePicker';
import { BackLink, ErrorNotice, FreeBadge, Section } from './ui';

function ServiceDetail({ service }: { service: CivilService }) {
  const { t, lang } = useI18n();
  return (
    <section class="card stack" aria-labelledby="service-requirements">
      <dl class="facts">
        <div>
          <dt>{t('civil.fee')}</dt>
          <dd>
            <FreeBadge label={service.fee_label} />
          </dd>
        </div>
        <div>
          <dt>{t('civil.serviceTime')}</dt>
          <dd>{serviceDays(service.service_days, lang)}</dd>
        </div>
        <div>
          <dt>{t('civil.output')}</dt>
          <dd>{service.output}</dd>
        </div>
      </dl>
      <h2 id="service-requirements">{t('civil.requirements')}</h2>
      <p class="small muted">{t('civil.requirementsHint')}</p>
      <ul class="requirements" role="list" data-testid="requirements">
        {service.requirements.map((item) => (
          <li key={item.code} data-code={item.code}>
            <p class="requirement-name">
              {item.name}{' '}
              <span class={item.required ? 'tag tag--required' : 'tag'}>
                {item.required ? t('civil.required') : t('civil.optional')}
              </span>
            </p>
            {item.hint && <p class="small muted">{item.hint}</p>}
          </li>
        ))}
      </ul>
      {service.legal_basis && (
        <p class="small muted">
          {t('civil.legalBasis')}: {service.legal_basis}
        </p>
      )}
    </section>
  );
}

interface ApplyDraft {
  values: FieldValues;
  pickVillage: boolean;
  district: string;
  village: string;
}

function ApplyForm({ service, user }: { service: CivilService; user: Me }) {
  const { t } = useI18n();
  const { route, query } = useLocation();
  const fields = service.form_fields;
  const draftName = `civil.${service.code}`;
  // A request the server refused, opened from the outbox to correct it.
  const correcting = useCorrection(['civil.request']);
  const [initial] = useState(() => {
    const earlier = correcting?.body as CreateRequestPayload | undefined;
    if (earlier?.service === service.code) {
      return {
        values: initialValues(fields, earlier.form_data),
        pickVillage: Boolean(earlier.village_code) || !user.village,
        district: earlier.village_code?.split('.').slice(0, 3).join('.') ?? '',
        village: earlier.village_code ?? '',
        restored: false,
      };
    }
    // Values passed in the address (e.g. from the Buku KIA) fill in the form;
    // otherwise what was typed here before (kept on the phone) comes back.
    const prefill = prefillValues(fields, query);
    const draft = Object.keys(prefill).length ? null : loadDraft<ApplyDraft>(user.id, draftName);
    if (draft) return { ...draft, values: { ...initialValues(fields), ...draft.values }, restored: true };
    return {
      values: initialValues(fields, prefill),
      pickVillage: !user.village,
      district: user.village?.district.code ?? '',
      village: '',
      restored: false,
    };
  });
  const [values, setValues] = useState<FieldValues>(initial.values);
  const [pickVillage, setPickVillage] = useState(initial.pickVillage);
  const [district, setDistrict] = useState(initial.district);
  const [village, setVillage] = useState(initial.village);
  const [restored, setRestored] = useState(initial.restored);
  const [queued, setQueued] = useState<OutboxItem | null>(null);
  const submit = useSubmit([...fieldErrorKeys(fields), 'village_code']);

  useEffect(() => {
    if (correcting) submit.fail(errorOf(correcting));
  }, [correcting?.id]);

  // Written to the phone as the person types: in the same frame as the
  // render (a layout effect, not a deferred one), so a reload or a crash right
  // after the last keystroke still finds it.
  const touched = Object.values(values).some((value) => value.trim() !== '');
  useLayoutEffect(() => {
    if (queued) return;
    if (touched || village) {
      saveDraft(user.id, draftName, { values, pickVillage, district, village } satisfies ApplyDraft);
    }
  }, [values, pickVillage, district, village]);

  const clearForm = () => {
    clearDraft(user.id, draftName);
    setValues(initialValues(fields));
    setVillage('');
    setRestored(false);
    submit.reset();
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const payload: CreateRequestPayload = {
      service: service.code,
      form_data: toFormData(fields, values),
    };
    if (pickVillage && village) payload.village_code = village;
    void submit.run(async () => {
      try {
        // Through the outbox: in a dead zone the request waits on the phone
        // (with its own Idempotency-Key) and is sent once when possible.
        const outcome = await submitWrite<CivilRequestDetail>({
          kind: 'civil.request',
          path: '/civil/requests/',
          body: payload,
          summary: service.name,
          href: `${applyPath(service.code)}`,
          meta: { service: service.code },
        });
        if (correcting) await discard(correcting.id);
        clearDraft(user.id, draftName);
        if (outcome.status === 'queued') {
          setQueued(outcome.item);
          return;
        }
        route(`${requestPath(outcome.result.id)}?baru=1`);
      } catch (error) {
        // The server needs a village when the profile has none: offer the choice.
        if (isApiError(error) && error.fields.village_code) {
          setPickVillage(true);
        }
        throw error;
      }
    });
  };

  if (queued) {
    return (
      <Section id="civil-form-title" title={t('civil.form.title')}>
        <div class="notice" role="status" data-testid="civil-queued">
          <p>{t('outbox.queued')}</p>
          <p>
            <a href="/antrian">{t('outbox.title')}</a>
          </p>
        </div>
      </Section>
    );
  }

  return (
    <Section id="civil-form-title" title={t('civil.form.title')}>
      <p class="small muted">{t('civil.form.intro')}</p>
      {restored && (
        <div class="notice" role="status" data-testid="draft-restored">
          <p>{t('draft.restored')}</p>
          <button type="button" class="button button--small" onClick={clearForm}>
            {t('draft.clear')}
          </button>
        </div>
      )}
      <form
        ref={submit.formRef}
        class="form"
        method="post"
        noValidate
        onSubmit={onSubmit}
        data-testid="civil-form"
        data-service={service.code}
      >
        <FormError state={submit} id="civil-form-error" />
        <CivilFields
          fields={fields}
          values={values}
          errors={submit.fieldErrors}
          onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
        />
        <fieldset class="field village-fieldset">
          <legend>{t('civil.form.villageTitle')}</legend>
          {pickVillage ? (
            <VillagePicker
              idPrefix="civil"
              district={district}
              village={village}
              onDistrict={setDistrict}
              onVillage={setVillage}
              errors={submit.fieldErrors.village_code}
              hint={t('civil.form.villageHint')}
            />
          ) : (
            user.village && (
              <div class="village-summary">
                <p>
                  {t('civil.form.villageFromProfile', {
                    village: user.village.name,
                    district: user.village.district.name,
                  })}
                </p>
                <button
                  type="button"
                  class="button button--small"
                  onClick={() => setPickVillage(true)}
                >
                  {t('civil.form.changeVillage')}
                </button>
              </div>
            )
          )}
        </fieldset>
        <SubmitButton busy={submit.busy}>{t('civil.form.submit')}</SubmitButton>
      </form>
    </Section>
  );
}

function Apply({ user }: { user: Me }) {
  const { t } = useI18n();
  const { params } = useRoute();
  const services = useServices();
  const service = services.data?.find((item) => item.code === params.code);
  usePageTitle(service?.name ?? t('civil.title'));

  if (services.data && !service) return <NotFoundContent />;
  return (
    <div class="stack stack--loose" data-testid="civil-apply-page">
      <header class="page-header">
        <BackLink href={CIVIL_BASE}>{t('civil.back.catalogue')}</BackLink>
        <PageHeading>{service?.name ?? t('civil.title')}</PageHeading>
        {service && <p class="lead">{service.description}</p>}
      </header>
      {services.error && !services.data && (
        <ErrorNotice
          error={services.error}
          intro={t('civil.servicesError')}
          onRetry={() => void services.reload()}
        />
      )}
      {!services.data && !services.error && <Loading />}
      {service && (
        <>
          <ServiceDetail service={service} />
          <ApplyForm key={service.code} service={service} user={user} />
        </>
      )}
    </div>
  );
}

export function ApplyPage() {
  const { user } = useSession();
  return <RequireAuth>{user && <Apply user={user} />}</RequireAuth>;
}
