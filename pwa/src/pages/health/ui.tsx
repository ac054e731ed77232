import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { DangerSign, Indicator, ZScore, ZScores } from '../../api/health';
import type { Me, Role } from '../../api/types';
import { TextField } from '../../components/forms';
import type { SubmitState } from '../../components/forms';
import { useI18n, type Lang, type MessageKey, type MessageParams } from '../../i18n';
import { formatDay } from '../civil/format';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import { formatMeasure, formatZ } from './format';
import './health.css';

export { BackLink, ErrorNotice, Section, TextAreaField, useTimeZone } from '../civil/ui';

/** Coloured state of a contact, a dose or a visit window; the text comes from the server. */
export function KiaBadge({ status, label }: { status: string; label: string }) {
  return <span class={`kia-badge kia-badge--${status}`}>{label}</span>;
}

const SIGN_VALUE_KEYS: Record<string, MessageKey> = {
  age_under_20: 'kia.danger.value.age',
  age_over_35: 'kia.danger.value.age',
  grand_multipara: 'kia.danger.value.para',
  short_birth_interval: 'kia.danger.value.lastBirth',
  high_blood_pressure: 'kia.danger.value.bp',
  anaemia: 'kia.danger.value.hb',
  chronic_energy_deficiency: 'kia.danger.value.lila',
};

/** What was measured for a sign, e.g. "150/95 mmHg, kunjungan 22 Nov 2026". */
function signValue(
  sign: DangerSign,
  t: (key: MessageKey, params?: MessageParams) => string,
  lang: Lang,
  withVisit: boolean,
): string {
  const raw = sign.value;
  const value = /^\d{4}-\d{2}-\d{2}$/.test(raw)
    ? formatDay(raw, lang)
    : /^\d+\.\d+$/.test(raw)
      ? formatMeasure(Number(raw), lang)
      : raw;
  const key = SIGN_VALUE_KEYS[sign.code];
  const parts = [value ? (key ? t(key, { value }) : value) : ''];
  if (withVisit && sign.visit_date)
    parts.push(t('kia.danger.atVisit', { date: formatDay(sign.visit_date, lang) }));
  return parts.filter(Boolean).join(', ');
}

/** Danger signs, highlighted. `testId` is "danger-sign" for a pregnancy's own list only. */
export function DangerSigns({
  signs,
  testId = 'danger-sign',
  compact = false,
}: {
  signs: DangerSign[];
  testId?: string;
  compact?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!signs.length) return null;
  return (
    <ul class={compact ? 'danger-list danger-list--compact' : 'danger-list'} role="list">
      {signs.map((sign) => (
        <li key={sign.code} class="danger-sign" data-testid={testId} data-code={sign.code}>
          <span class="danger-icon" aria-hidden="true">
            !
          </span>
          <span>
            <span class="visually-hidden">{t('kia.danger.prefix')} </span>
            {sign.label}
            {signValue(sign, t, lang, !compact) && (
              <span class="danger-value"> — {signValue(sign, t, lang, !compact)}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

const INDICATOR_KEYS: Record<Indicator, MessageKey> = {
  wfa: 'kia.z.wfa',
  lhfa: 'kia.z.lhfa',
  wfl: 'kia.z.wfl',
};

/** "normal" in green, anything else as a warning, the severe categories in red. */
export function zTone(score: ZScore): 'ok' | 'warn' | 'bad' | 'none' {
  if (score.z === null || !score.category) return 'none';
  if (score.category === 'normal') return 'ok';
  if (/^severely_|^obese$/.test(score.category)) return 'bad';
  return 'warn';
}

function indicatorLabel(indicator: Indicator, score: ZScore, t: (key: MessageKey) => string) {
  if (indicator === 'wfl' && score.table === 'wfh') return t('kia.z.wfh');
  return t(INDICATOR_KEYS[indicator]);
}

/** One z-score: its value and category, or the reason there is none. */
export function ZScoreValue({
  indicator,
  score,
  testId,
}: {
  indicator: Indicator;
  score: ZScore;
  testId?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div class={`zscore zscore--${zTone(score)}`} data-testid={testId}>
      <dt>{indicatorLabel(indicator, score, t)}</dt>
      <dd>
        {score.z !== null ? (
          <>
            <span class="zscore-z">z = {formatZ(score.z)}</span>{' '}
            <span class="zscore-cat">{score.category_label}</span>
          </>
        ) : (
          <span class="zscore-cat">{score.reason_label ?? t('common.none')}</span>
        )}
      </dd>
    </div>
  );
}

/** The three z-scores of a measurement. With `testIds`, they carry `zscore-<indicator>`. */
export function ZScoreList({ zscores, testIds = false }: { zscores: ZScores; testIds?: boolean }) {
  return (
    <dl class="zscores">
      {(['wfa', 'lhfa', 'wfl'] as const).map((indicator) => (
        <ZScoreValue
          key={indicator}
          indicator={indicator}
          score={zscores[indicator]}
          testId={testIds ? `zscore-${indicator}` : undefined}
        />
      ))}
    </dl>
  );
}

/** A short text of the categories that are not normal, or "normal" when all are. */
export function growthSummary(zscores: ZScores, t: (key: MessageKey) => string): string {
  const scored = (['lhfa', 'wfl', 'wfa'] as const)
    .map((indicator) => zscores[indicator])
    .filter((score) => score.z !== null);
  if (!scored.length) return t('kia.growth.noScore');
  const problems = scored.filter((score) => zTone(score) !== 'ok');
  if (!problems.length) return t('kia.growth.allNormal');
  return problems.map((score) => score.category_label).join(' · ');
}

/** A number input: the numeric keyboard on phones, with its unit in the label. */
export function NumberField({
  id,
  name,
  label,
  value,
  onValue,
  errors,
  integer = false,
  hint,
  required,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  errors?: string[] | undefined;
  integer?: boolean;
  hint?: string;
  required?: boolean;
}) {
  return (
    <TextField
      id={id}
      name={name}
      label={label}
      value={value}
      onValue={onValue}
      errors={errors}
      hint={hint}
      required={required}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellcheck={false}
      class="input-number"
    />
  );
}

/** Fails a form before sending when some numbers cannot be read. */
export function failLocally(
  submit: SubmitState,
  fields: Record<string, string[]>,
  message: string,
): boolean {
  if (!Object.keys(fields).length) return false;
  submit.fail(new ApiError(400, 'validation_error', message, fields));
  return true;
}

/** Action button that opens a form; hidden while the form is open. */
export function OpenButton({
  testId,
  onOpen,
  children,
  primary = true,
}: {
  testId: string;
  onOpen: () => void;
  children: ComponentChildren;
  primary?: boolean;
}) {
  return (
    <button
      type="button"
      class={primary ? 'button button--primary kia-action' : 'button kia-action'}
      data-testid={testId}
      onClick={onOpen}
    >
      {children}
    </button>
  );
}

/** Ref callback: moves focus to the element the first time it is rendered. */
export function focusOnce(element: HTMLElement | null): void {
  if (element && !element.dataset.focused) {
    element.dataset.focused = '1';
    element.focus();
  }
}

/** Form panel with a heading, a cancel button and focus on its heading when opened. */
export function FormPanel({
  id,
  title,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class="card stack kia-form-panel" aria-labelledby={id}>
      <div class="kia-panel-head">
        <h2 id={id} tabIndex={-1} ref={focusOnce}>
          {title}
        </h2>
        <button type="button" class="button button--small" onClick={onCancel}>
          {t('kia.cancel')}
        </button>
      </div>
      {children}
    </section>
  );
}

/** A status message announced politely (after saving); focus moves to it, as the form is gone. */
export function SavedNotice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice notice--done kia-saved" role="status" tabIndex={-1} ref={focusOnce}>
      {children}
    </div>
  );
}

export function hasRole(user: Me, roles: readonly Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** Renders the page for users with one of `roles`; others get "not found". */
export function RoleGate({
  roles,
  children,
}: {
  roles: readonly Role[];
  children: (user: Me) => ComponentChildren;
}) {
  const { user } = useSession();
  if (!user) return null;
  if (!hasRole(user, roles)) return <NotFoundContent />;
  return <>{children(user)}</>;
}

/** Which of a page's forms is open (one at a time, so each page has one submit button). */
export function useOpenForm<T extends string>(initial: T | null = null) {
  const [open, setOpen] = useState<T | null>(initial);
  return { open, show: (name: T) => setOpen(name), close: () => setOpen(null) };
}
