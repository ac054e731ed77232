import { useState } from 'preact/hooks';
import { isLang, useI18n, type Lang } from '../i18n';
import { chooseLanguage } from '../session';

/** "Bahasa: Indonesia / English". Saved on this device and, when signed in, to the profile. */
export function LangSwitch() {
  const { t, lang } = useI18n();
  // The chosen value while it is being saved to the profile.
  const [pending, setPending] = useState<Lang | null>(null);
  return (
    <div class="lang-switch">
      <label for="lang-switch">{t('lang.label')}</label>
      <select
        id="lang-switch"
        name="lang"
        data-testid="lang-switch"
        value={pending ?? lang}
        aria-busy={pending ? true : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (!isLang(value)) return;
          setPending(value);
          void chooseLanguage(value).finally(() => setPending(null));
        }}
      >
        <option value="id" lang="id">
          Indonesia
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}
