import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, isApiError } from '../../api/client';
import { childPath, type Dose, type ImmunizationPayload } from '../../api/health';
import { FormError, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { useI18n } from '../../i18n';
import { submitWrite, type OutboxItem } from '../../offline/outbox';
import { formatDay, todayIso } from '../civil/format';
import { FormPanel } from './ui';

const PLACE_KEY = 'pw.kia.place';

function rememberedPlace(): string {
  try {
    return localStorage.getItem(PLACE_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberPlace(place: string): void {
  try {
    localStorage.setItem(PLACE_KEY, place);
  } catch {
    // Not remembered on this device.
  }
}

/** Refusals the server explains without naming a field belong to the dose. */
const DOSE_ERRORS = new Set(['dose_already_recorded']);

/**
 * "Catat imunisasi": the dose (due and overdue first), the date (today),
 * batch and place (the last place used on this device). Refusals (too early,
 * interval too short, already recorded) appear at the field they concern.
 */
export function ImmunizationForm({
  childId,
  doses,
  initial,
  onSaved,
  onQueued,
  onCancel,
}: {
  childId: string;
  doses: Dose[];
  initial?: string | undefined;
  onSaved: (dose: Dose, givenOn: string) => void;
  /** No connection: the dose waits in the outbox. */
  onQueued?: (item: OutboxItem) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const open = doses.filter((dose) => dose.status === 'due' || dose.status === 'overdue');
  const later = doses.filter((dose) => dose.status === 'not_yet');
  const given = doses.filter((dose) => dose.status === 'given');
  const [doseCode, setDoseCode] = useState(initial ?? open[0]?.code ?? later[0]?.code ?? '');
  const [givenOn, setGivenOn] = useState(todayIso());
  const [batch, setBatch] = useState('');
  const [place, setPlace] = useState(rememberedPlace);
  const [doseError, setDoseError] = useState<string[] | undefined>(undefined);
  const submit = useSubmit(['dose_code', 'given_on', 'batch_number', 'place']);
  const dose = doses.find((item) => item.code === doseCode);
  const doseErrors = submit.fieldErrors.dose_code ?? (submit.error ? doseError : undefined);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const payload: ImmunizationPayload = { dose_code: doseCode, given_on: givenOn };
    if (batch.trim()) payload.batch_number = batch.trim();
    if (place.trim()) payload.place = place.trim();
    setDoseError(undefined);
    void submit.run(async () => {
      let queued: OutboxItem | null = null;
      try {
        const outcome = await submitWrite({
          kind: 'health.immunization',
          path: `${childPath(childId)}immunizations/`,
          body: payload,
          summary: [dose?.name ?? doseCode, payload.given_on].join(' · '),
          href: `/kia/anak/${childId}`,
          meta: { childId, dose: doseCode },
        });
        if (outcome.status === 'queued') queued = outcome.item;
      } catch (error) {
        if (!isApiError(error)) throw error;
        const atDose = DOSE_ERRORS.has(error.code);
        if (atDose) setDoseError([error.message]);
        // The refusal is shown at its field; the form's own message then says where to look.
        const atField = Object.values(error.fields).some((messages) =>
          messages.includes(error.message),
        );
        throw atDose || atField
          ? new ApiError(error.status, error.code, t('error.fieldsIntro'), error.fields)
          : error;
      }
      if (payload.place) rememberPlace(payload.place);
      if (queued) onQueued?.(queued);
      else if (dose) onSaved(dose, givenOn);
    });
  };

  const option = (item: Dose) => (
    <option key={item.code} value={item.code}>
      {item.name}
      {item.status === 'given' && item.immunization
        ? ` — ${t('kia.imm.givenOn', { date: formatDay(item.immunization.given_on, lang) })}`
        : ` — ${item.status_label}`}
    </option>
  );
  const invalid = Boolean(doseErrors?.length);
  const describedBy = [invalid ? 'kia-dose-error' : null, dose ? 'kia-dose-hint' : null]
    .filter(Boolean)
    .join(' ');
  const onChange: JSX.GenericEventHandler<HTMLSelectElement> = (event) => {
    setDoseCode(event.currentTarget.value);
    setDoseError(undefined);
  };

  return (
    <FormPanel id="kia-imm-form" title={t('kia.imm.record')} onCancel={onCancel}>
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="immunization-form"
      >
        <FormError state={submit} id="kia-imm-error" />
        <div class={invalid ? 'field field--invalid' : 'field'}>
          <label for="kia-dose">{t('kia.field.dose')}</label>
          <select
            id="kia-dose"
            name="dose_code"
            value={doseCode}
            required
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={describedBy || undefined}
            onChange={onChange}
          >
            {open.length > 0 && (
              <optgroup label={t('kia.imm.groupOpen')}>{open.map(option)}</optgroup>
            )}
            {later.length > 0 && (
              <optgroup label={t('kia.imm.groupLater')}>{later.map(option)}</optgroup>
            )}
            {given.length > 0 && (
              <optgroup label={t('kia.imm.groupGiven')}>{given.map(option)}</optgroup>
            )}
          </select>
          {dose && (
            <p id="kia-dose-hint" class="field-hint">
              {t('kia.imm.recommended', { date: formatDay(dose.recommended_date, lang) })}
              {dose.earliest_date &&
                ` · ${t('kia.imm.earliest', { date: formatDay(dose.earliest_date, lang) })}`}
            </p>
          )}
          {invalid && (
            <p id="kia-dose-error" class="field-error">
              {doseErrors!.join(' ')}
            </p>
          )}
        </div>
        <TextField
          id="kia-given-on"
          name="given_on"
          type="date"
          label={t('kia.field.givenOn')}
          required
          max={todayIso()}
          value={givenOn}
          onValue={setGivenOn}
          errors={submit.fieldErrors.given_on}
        />
        <TextField
          id="kia-batch"
          name="batch_number"
          label={`${t('kia.field.batch')} ${t('civil.optionalSuffix')}`}
          autoComplete="off"
          maxLength={40}
          value={batch}
          onValue={setBatch}
          errors={submit.fieldErrors.batch_number}
        />
        <TextField
          id="kia-imm-place"
          name="place"
          label={`${t('kia.field.immPlace')} ${t('civil.optionalSuffix')}`}
          autoComplete="off"
          maxLength={150}
          value={place}
          onValue={setPlace}
          errors={submit.fieldErrors.place}
        />
        <SubmitButton busy={submit.busy}>{t('kia.imm.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}
