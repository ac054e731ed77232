import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { ApiError } from '../api/client';
import type { Me, MePatch, Region, Village } from '../api/types';
import {
  FormError,
  SelectField,
  SubmitButton,
  TextField,
  useSubmit,
  type Option,
} from '../components/forms';
import { PageHeading, RequireAuth, usePageTitle } from '../components/page';
import { fetchDistricts, fetchVillages, useConfig } from '../data';
import { isLang, useI18n, type Lang } from '../i18n';
import { formatDate } from '../lib/format';
import { pendingCount, useOutbox } from '../offline/outbox';
import { changePassword, logout, updateProfile, useSession } from '../session';

const PROFILE_FIELDS = ['full_name', 'phone', 'language', 'village_code'] as const;
const PASSWORD_FIELDS = ['current_password', 'new_password'] as const;

const LANGUAGE_OPTIONS: Option[] = [
  { value: 'id', label: 'Bahasa Indonesia' },
  { value: 'en', label: 'English' },
];

function Identity({ user }: { user: Me }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  const [showNik, setShowNik] = useState(false);
  return (
    <section class="card stack" aria-labelledby="profile-identity">
      <h2 id="profile-identity">{t('profile.identity')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('profile.nik')}</dt>
          <dd class="nik-row">
            <span class="nik" id="profile-nik" data-testid="nik">
              {showNik ? user.nik : user.nik_masked}
            </span>
            <button
              type="button"
              class="button button--small"
              aria-controls="profile-nik"
              onClick={() => setShowNik((shown) => !shown)}
            >
              {showNik ? t('profile.hideNik') : t('profile.showNik')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('profile.birthDate')}</dt>
          <dd>{formatDate(user.birth_date, lang)}</dd>
        </div>
        <div>
          <dt>{t('profile.sex')}</dt>
          <dd>{user.sex === 'F' ? t('register.sexF') : t('register.sexM')}</dd>
        </div>
        <div>
          <dt>{t('profile.roles')}</dt>
          <dd>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('profile.joined')}</dt>
          <dd>{formatDate(user.date_joined, lang, config.data?.regency.timezone)}</dd>
        </div>
      </dl>
      <p class="muted small">{t('profile.identityNote')}</p>
    </section>
  );
}

function useDistricts(): { districts: Region[] | null; error: ApiError | null } {
  const [districts, setDistricts] = useState<Region[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let active = true;
    fetchDistricts()
      .then((list) => active && setDistricts(list))
      .catch((caught: unknown) => active && setError(caught instanceof ApiError ? caught : null));
    return () => {
      active = false;
    };
  }, []);
  return { districts, error };
}

function useVillages(district: string): Village[] | null {
  const [villages, setVillages] = useState<Village[] | null>(null);
  useEffect(() => {
    let active = true;
    setVillages(null);
    if (district) {
      fetchVillages(district)
        .then((list) => active && setVillages(list))
        .catch(() => active && setVillages([]));
    }
    return () => {
      active = false;
    };
  }, [district]);
  return villages;
}

function ProfileForm({ user }: { user: Me }) {
  const { t, lang } = useI18n();
  const [fullName, setFullName] = useState(user.full_name);
  const [phone, setPhone] = useState(user.phone);
  const [district, setDistrict] = useState(user.village?.district.code ?? '');
  const [village, setVillage] = useState(user.village?.code ?? '');
  const [language, setLanguage] = useState<Lang>(lang);
  const [status, setStatus] = useState('');
  const submit = useSubmit(PROFILE_FIELDS);
  const { districts, error: regionsError } = useDistricts();
  const villages = useVillages(district);

  // Follow the header's language switch.
  useEffect(() => setLanguage(lang), [lang]);

  const districtOptions: Option[] = districts
    ? districts.map((item) => ({ value: item.code, label: item.name }))
    : user.village
      ? [{ value: user.village.district.code, label: user.village.district.name }]
      : [];
  const villageOptions: Option[] = villages
    ? villages.map((item) => ({
        value: item.code,
        label: `${item.name} (${t(`profile.kind.${item.kind}`)})`,
      }))
    : user.village && user.village.district.code === district
      ? [{ value: user.village.code, label: user.village.name }]
      : [];

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setStatus('');
    const patch: MePatch = {};
    if (fullName.trim() !== user.full_name) patch.full_name = fullName.trim();
    if (phone.trim() !== user.phone) patch.phone = phone.trim();
    if (language !== user.language) patch.language = language;
    if (district && !village) {
      submit.fail(
        new ApiError(0, 'invalid', t('error.fieldsIntro'), {
          village_code: [t('profile.villageRequired')],
        }),
      );
      return;
    }
    if (village && village !== user.village?.code) patch.village_code = village;
    if (!district && user.village) patch.village_code = null;
    if (Object.keys(patch).length === 0) {
      submit.reset();
      setStatus(t('profile.noChanges'));
      return;
    }
    void submit.run(async () => {
      const me = await updateProfile(patch);
      setFullName(me.full_name);
      setPhone(me.phone);
      setStatus(t('profile.saved'));
    });
  };

  return (
    <section class="card stack" aria-labelledby="profile-edit">
      <h2 id="profile-edit">{t('profile.edit')}</h2>
      <form ref={submit.formRef} class="form" method="post" noValidate onSubmit={onSubmit}>
        <FormError state={submit} id="profile-error" />
        <TextField
          id="profile-full-name"
          name="full_name"
          label={t('profile.fullName')}
          errors={submit.fieldErrors.full_name}
          value={fullName}
          onValue={setFullName}
          autoComplete="name"
          required
        />
        <TextField
          id="profile-phone"
          name="phone"
          type="tel"
          label={t('profile.phone')}
          errors={submit.fieldErrors.phone}
          value={phone}
          onValue={setPhone}
          autoComplete="tel"
          inputMode="tel"
          required
        />
        <SelectField
          id="profile-district"
          name="district"
          label={t('profile.district')}
          hint={regionsError ? t('profile.regionsError') : undefined}
          value={district}
          options={districtOptions}
          placeholder={t('profile.chooseDistrict')}
          onValue={(value) => {
            setDistrict(value);
            setVillage('');
          }}
        />
        <SelectField
          id="profile-village"
          name="village_code"
          label={t('profile.village')}
          errors={submit.fieldErrors.village_code}
          value={village}
          options={villageOptions}
          placeholder={district ? t('profile.chooseVillage') : t('profile.chooseDistrictFirst')}
          disabled={!district}
          onValue={setVillage}
        />
        <SelectField
          id="profile-language"
          name="language"
          label={t('profile.language')}
          errors={submit.fieldErrors.language}
          value={language}
          options={LANGUAGE_OPTIONS}
          onValue={(value) => isLang(value) && setLanguage(value)}
        />
        <p class="form-status" role="status">
          {status}
        </p>
        <SubmitButton busy={submit.busy}>{t('profile.save')}</SubmitButton>
      </form>
    </section>
  );
}

function PasswordForm({ user }: { user: Me }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState('');
  const submit = useSubmit(PASSWORD_FIELDS);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setStatus('');
    void submit.run(async () => {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setStatus(t('password.done'));
    });
  };

  return (
    <section class="card stack" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('password.title')}</h2>
      <form ref={submit.formRef} class="form" method="post" noValidate onSubmit={onSubmit}>
        <FormError state={submit} id="password-error" />
        {/* Lets password managers link the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={user.phone} readOnly hidden />
        <TextField
          id="password-current"
          name="current_password"
          type="password"
          label={t('password.current')}
          errors={submit.fieldErrors.current_password}
          value={current}
          onValue={setCurrent}
          autoComplete="current-password"
          required
        />
        <TextField
          id="password-new"
          name="new_password"
          type="password"
          label={t('password.new')}
          hint={t('register.passwordHint')}
          errors={submit.fieldErrors.new_password}
          value={next}
          onValue={setNext}
          autoComplete="new-password"
          required
        />
        <p class="form-status" role="status">
          {status}
        </p>
        <SubmitButton busy={submit.busy}>{t('password.submit')}</SubmitButton>
      </form>
    </section>
  );
}

function LogoutSection() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const waiting = pendingCount(useOutbox().items);
  const onClick = async () => {
    setBusy(true);
    await logout();
    route('/masuk', true);
  };
  return (
    <section class="card stack" aria-labelledby="profile-logout">
      <h2 id="profile-logout">{t('logout.title')}</h2>
      <p>{t('logout.hint')}</p>
      {waiting > 0 && (
        <p class="notice notice--error" data-testid="logout-outbox-warning">
          {t('outbox.logoutWarning', { count: waiting })} <a href="/antrian">{t('outbox.title')}</a>
        </p>
      )}
      <button
        type="button"
        class="button button--danger"
        data-testid="logout"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void onClick()}
      >
        {busy ? t('common.processing') : t('logout.button')}
      </button>
    </section>
  );
}

function Profile({ user }: { user: Me }) {
  const { t } = useI18n();
  usePageTitle(t('profile.title'));
  return (
    <div class="stack stack--loose" data-testid="profile">
      <header class="page-header">
        <PageHeading>{t('profile.title')}</PageHeading>
        <p class="greeting">{user.full_name}</p>
      </header>
      <Identity user={user} />
      <ProfileForm user={user} />
      <PasswordForm user={user} />
      <LogoutSection />
    </div>
  );
}

export function ProfilePage() {
  const { user } = useSession();
  return <RequireAuth>{user && <Profile user={user} />}</RequireAuth>;
}
