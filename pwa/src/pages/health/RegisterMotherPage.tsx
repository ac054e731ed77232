import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { isApiError } from '../../api/client';
import { createMother, lookupMother, type MotherPayload } from '../../api/health';
import type { Me } from '../../api/types';
import { FormError, SelectField, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { IdempotencyKeys } from '../../lib/idempotency';
import { todayIso } from '../civil/format';
import { motherPath, WORKLIST_PATH } from './paths';
import { BackLink, RoleGate } from './ui';

const FIELDS = ['nik', 'full_name', 'birth_date', 'village_code', 'phone'] as const;

function RegisterMother({ user }: { user: Me }) {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const villages = user.jurisdiction.villages;
  const [values, setValues] = useState({
    nik: (query.nik ?? '').replace(/\D/g, '').slice(0, 16),
    full_name: '',
    birth_date: '',
    village_code: villages.length === 1 ? villages[0]!.code : '',
    phone: '',
  });
  const [existing, setExisting] = useState<string | null>(null);
  const keys = useRef(new IdempotencyKeys());
  const submit = useSubmit(FIELDS);
  usePageTitle(t('kia.registerMother'));
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const payload: MotherPayload = {
      nik: values.nik.replace(/[\s.-]/g, ''),
      full_name: values.full_name.replace(/\s+/g, ' ').trim(),
      birth_date: values.birth_date,
      village_code: values.village_code,
    };
    const phone = values.phone.replace(/[\s-]/g, '');
    if (phone) payload.phone = phone;
    setExisting(null);
    void submit.run(async () => {
      try {
        const mother = await createMother(payload, keys.current.keyFor(payload));
        keys.current.reset();
        route(motherPath(mother.id));
      } catch (error) {
        if (isApiError(error) && error.code === 'mother_exists') {
          // Offer her book when it is in this midwife's villages.
          lookupMother(payload.nik)
            .then((mother) => setExisting(mother.id))
            .catch(() => undefined);
        }
        throw error;
      }
    });
  };

  return (
    <div class="stack stack--loose" data-testid="kia-register-mother">
      <header class="page-header">
        <BackLink href={WORKLIST_PATH}>{t('roleTile.health_worker')}</BackLink>
        <PageHeading>{t('kia.registerMother')}</PageHeading>
        <p class="lead">{t('kia.register.intro')}</p>
      </header>
      <form
        ref={submit.formRef}
        class="form card"
        noValidate
        onSubmit={onSubmit}
        data-testid="mother-form"
      >
        <FormError state={submit} id="kia-register-error" />
        {existing && (
          <p>
            <a class="button" href={motherPath(existing)} data-testid="existing-mother">
              {t('kia.register.openExisting')}
            </a>
          </p>
        )}
        <TextField
          id="kia-mother-nik"
          name="nik"
          label={t('register.nik')}
          hint={t('civil.form.nikHint', { count: values.nik.replace(/\D/g, '').length })}
          required
          inputMode="numeric"
          autoComplete="off"
          spellcheck={false}
          value={values.nik}
          onValue={set('nik')}
          errors={submit.fieldErrors.nik}
        />
        <TextField
          id="kia-mother-name"
          name="full_name"
          label={t('register.fullName')}
          hint={t('register.fullNameHint')}
          required
          autoComplete="off"
          maxLength={150}
          value={values.full_name}
          onValue={set('full_name')}
          errors={submit.fieldErrors.full_name}
        />
        <TextField
          id="kia-mother-birth"
          name="birth_date"
          type="date"
          label={t('register.birthDate')}
          required
          max={todayIso()}
          value={values.birth_date}
          onValue={set('birth_date')}
          errors={submit.fieldErrors.birth_date}
        />
        <SelectField
          id="kia-mother-village-code"
          name="village_code"
          label={t('profile.village')}
          hint={t('kia.register.villageHint')}
          required
          value={values.village_code}
          placeholder={t('profile.chooseVillage')}
          options={villages.map((village) => ({ value: village.code, label: village.name }))}
          onValue={set('village_code')}
          errors={submit.fieldErrors.village_code}
        />
        <TextField
          id="kia-mother-phone"
          name="phone"
          type="tel"
          label={`${t('register.phone')} ${t('civil.optionalSuffix')}`}
          hint={t('kia.register.phoneHint')}
          inputMode="tel"
          autoComplete="off"
          value={values.phone}
          onValue={set('phone')}
          errors={submit.fieldErrors.phone}
        />
        <SubmitButton busy={submit.busy}>{t('kia.register.submit')}</SubmitButton>
      </form>
    </div>
  );
}

export function RegisterMotherPage() {
  return (
    <RequireAuth>
      <RoleGate roles={['health_worker']}>{(user) => <RegisterMother user={user} />}</RoleGate>
    </RequireAuth>
  );
}
