import { useState } from 'preact/hooks';
import { FormError, SubmitButton, TextField, useSubmit } from '../components/forms';
import { GuestOnly, PageHeading, usePageTitle } from '../components/page';
import { useI18n } from '../i18n';
import { clearNotice, login, useSession } from '../session';

const FIELDS = ['identifier', 'password'] as const;

function LoginForm() {
  const { t } = useI18n();
  const { notice } = useSession();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit(FIELDS);
  usePageTitle(t('login.title'));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    clearNotice();
    void submit.run(async () => {
      await login(identifier.trim(), password);
      // GuestOnly moves on to the requested page once signed in.
    });
  };

  return (
    <section class="stack auth-page">
      <PageHeading>{t('login.title')}</PageHeading>
      <p class="lead">{t('login.intro')}</p>
      {notice && (
        <p class="notice" role="status">
          {notice === 'session_expired' ? t('error.sessionExpired') : t('notice.loggedOut')}
        </p>
      )}
      <form
        ref={submit.formRef}
        class="card form"
        method="post"
        noValidate
        onSubmit={onSubmit}
      >
        <FormError state={submit} id="login-error" />
        <TextField
          id="login-identifier"
          name="identifier"
          label={t('login.identifier')}
          hint={t('login.identifierHint')}
          errors={submit.fieldErrors.identifier}
          value={identifier}
          onValue={setIdentifier}
          autoComplete="username"
          inputMode="text"
          autoCapitalize="off"
          spellcheck={false}
          required
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          errors={submit.fieldErrors.password}
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          required
        />
        <SubmitButton busy={submit.busy}>{t('login.submit')}</SubmitButton>
      </form>
      <p class="switch-auth">
        {t('login.noAccount')} <a href="/daftar">{t('login.registerLink')}</a>
      </p>
    </section>
  );
}

export function LoginPage() {
  return (
    <GuestOnly>
      <LoginForm />
    </GuestOnly>
  );
}
