import { useState } from 'preact/hooks';
import type { RegisterPayload } from '../api/types';
import { FormError, RadioGroup, SubmitButton, TextField, useSubmit } from '../components/forms';
import { GuestOnly, PageHeading, usePageTitle } from '../components/page';
import { useI18n } from '../i18n';
import { register } from '../session';

const FIELDS = ['nik', 'full_name', 'birth_date', 'sex', 'phone', 'password'] as const;

const EMPTY: RegisterPayload = {
  nik: '',
  full_name: '',
  birth_date: '',
  sex: '',
  phone: '',
  password: '',
};

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function RegisterForm() {
  const { t } = useI18n();
  const [form, setForm] = useState<RegisterPayload>(EMPTY);
  const submit = useSubmit(FIELDS);
  usePageTitle(t('register.title'));

  const set =
    <K extends keyof RegisterPayload>(key: K) =>
    (value: string) =>
      setForm((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      await register({
        ...form,
        nik: form.nik.trim(),
        full_name: form.full_name.trim(),
        phone: form.phone.trim(),
      });
    });
  };

  const nikDigits = form.nik.replace(/\D/g, '').length;

  return (
    <section class="stack auth-page">
      <PageHeading>{t('register.title')}</PageHeading>
      <p class="lead">{t('register.intro')}</p>
      <form ref={submit.formRef} class="card form" method="post" noValidate onSubmit={onSubmit}>
        <FormError state={submit} id="register-error" />
        <TextField
          id="register-nik"
          name="nik"
          label={t('register.nik')}
          hint={t('register.nikHint', { count: nikDigits })}
          errors={submit.fieldErrors.nik}
          value={form.nik}
          onValue={set('nik')}
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <TextField
          id="register-full-name"
          name="full_name"
          label={t('register.fullName')}
          hint={t('register.fullNameHint')}
          errors={submit.fieldErrors.full_name}
          value={form.full_name}
          onValue={set('full_name')}
          autoComplete="name"
          autoCapitalize="words"
          required
        />
        <TextField
          id="register-birth-date"
          name="birth_date"
          type="date"
          label={t('register.birthDate')}
          errors={submit.fieldErrors.birth_date}
          value={form.birth_date}
          onValue={set('birth_date')}
          autoComplete="bday"
          max={todayIso()}
          required
        />
        <RadioGroup
          id="register-sex"
          name="sex"
          label={t('register.sex')}
          errors={submit.fieldErrors.sex}
          value={form.sex}
          onValue={set('sex')}
          options={[
            { value: 'M', label: t('register.sexM') },
            { value: 'F', label: t('register.sexF') },
          ]}
          required
        />
        <TextField
          id="register-phone"
          name="phone"
          type="tel"
          label={t('register.phone')}
          hint={t('register.phoneHint')}
          errors={submit.fieldErrors.phone}
          value={form.phone}
          onValue={set('phone')}
          autoComplete="tel"
          inputMode="tel"
          required
        />
        <TextField
          id="register-password"
          name="password"
          type="password"
          label={t('register.password')}
          hint={t('register.passwordHint')}
          errors={submit.fieldErrors.password}
          value={form.password}
          onValue={set('password')}
          autoComplete="new-password"
          required
        />
        <SubmitButton busy={submit.busy}>{t('register.submit')}</SubmitButton>
      </form>
      <p class="switch-auth">
        {t('register.haveAccount')} <a href="/masuk">{t('register.loginLink')}</a>
      </p>
    </section>
  );
}

export function RegisterPage() {
  return (
    <GuestOnly>
      <RegisterForm />
    </GuestOnly>
  );
}
