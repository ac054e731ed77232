import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ATTENDANTS,
  DELIVERY_METHODS,
  DELIVERY_PLACES,
  MOTHER_CONDITIONS,
  recordDelivery,
  type BabyPayload,
  type DeliveryPayload,
  type PregnancyDetail,
} from '../../api/health';
import {
  FormError,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
  useSubmit,
} from '../../components/forms';
import { useI18n, type MessageKey } from '../../i18n';
import { IdempotencyKeys } from '../../lib/idempotency';
import { nowLocalMinute, parseDecimal, parseInteger } from './format';
import { failLocally, FormPanel, NumberField, TextAreaField, useTimeZone } from './ui';

interface BabyValues {
  key: number;
  sex: string;
  full_name: string;
  birth_weight_g: string;
  birth_length_cm: string;
}

const MAX_BABIES = 6;
const BABY_FIELDS = ['sex', 'full_name', 'birth_weight_g', 'birth_length_cm', 'nik'];

function babyFieldErrorKeys(count: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < count; i++)
    keys.push(`babies.${i}`, ...BABY_FIELDS.map((f) => `babies.${i}.${f}`));
  return keys;
}

let babySerial = 0;
const newBaby = (): BabyValues => ({
  key: ++babySerial,
  sex: '',
  full_name: '',
  birth_weight_g: '',
  birth_length_cm: '',
});

/** "Catat persalinan": one form for the birth and every baby born alive. */
export function DeliveryForm({
  pregnancyId,
  onSaved,
  onCancel,
}: {
  pregnancyId: string;
  onSaved: (pregnancy: PregnancyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const timeZone = useTimeZone();
  const [values, setValues] = useState({
    delivered_at: nowLocalMinute(timeZone),
    place: 'puskesmas',
    attendant: 'midwife',
    method: 'spontaneous',
    mother_condition: 'healthy',
    stillbirths: '0',
    notes: '',
  });
  const [babies, setBabies] = useState<BabyValues[]>(() => [newBaby()]);
  const timeTouched = useRef(false);
  // The regency's time zone may arrive after the form opened: "now" follows it until edited.
  useEffect(() => {
    if (!timeTouched.current) {
      setValues((current) => ({ ...current, delivered_at: nowLocalMinute(timeZone) }));
    }
  }, [timeZone]);
  const keys = useRef(new IdempotencyKeys());
  const submit = useSubmit([
    'delivered_at',
    'place',
    'attendant',
    'method',
    'mother_condition',
    'stillbirths',
    'notes',
    'babies',
    ...babyFieldErrorKeys(babies.length),
  ]);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const setBaby = (index: number, name: keyof Omit<BabyValues, 'key'>) => (value: string) =>
    setBabies((current) =>
      current.map((baby, i) => (i === index ? { ...baby, [name]: value } : baby)),
    );

  const options = (codes: readonly string[], prefix: string) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const bad: Record<string, string[]> = {};
    const babyPayloads: BabyPayload[] = babies.map((baby, index) => {
      const payload: BabyPayload = { sex: baby.sex as BabyPayload['sex'] };
      const name = baby.full_name.replace(/\s+/g, ' ').trim();
      if (name) payload.full_name = name;
      const weight = parseInteger(baby.birth_weight_g);
      if (Number.isNaN(weight)) bad[`babies.${index}.birth_weight_g`] = [t('kia.form.wholeNumber')];
      else if (weight !== null) payload.birth_weight_g = weight;
      const length = parseDecimal(baby.birth_length_cm);
      if (Number.isNaN(length)) bad[`babies.${index}.birth_length_cm`] = [t('kia.form.number')];
      else if (length !== null) payload.birth_length_cm = length;
      return payload;
    });
    const stillbirths = parseInteger(values.stillbirths) ?? 0;
    if (Number.isNaN(stillbirths)) bad.stillbirths = [t('kia.form.wholeNumber')];
    if (failLocally(submit, bad, t('error.fieldsIntro'))) return;
    const payload: DeliveryPayload = {
      delivered_at: values.delivered_at,
      place: values.place,
      attendant: values.attendant,
      method: values.method,
      mother_condition: values.mother_condition,
      babies: babyPayloads,
      stillbirths,
      notes: values.notes.trim(),
    };
    void submit.run(async () => {
      const pregnancy = await recordDelivery(pregnancyId, payload, keys.current.keyFor(payload));
      keys.current.reset();
      onSaved(pregnancy);
    });
  };

  const errorsOf = (name: string) => submit.fieldErrors[name];

  return (
    <FormPanel id="kia-delivery-form" title={t('kia.delivery.record')} onCancel={onCancel}>
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="delivery-form"
      >
        <FormError state={submit} id="kia-delivery-error" />
        <TextField
          id="kia-delivered-at"
          name="delivered_at"
          type="datetime-local"
          label={t('kia.field.deliveredAt')}
          hint={t('kia.field.deliveredAtHint')}
          required
          max={nowLocalMinute(timeZone)}
          value={values.delivered_at}
          onValue={(value) => {
            timeTouched.current = true;
            set('delivered_at')(value);
          }}
          errors={errorsOf('delivered_at')}
        />
        <div class="kia-grid-2">
          <SelectField
            id="kia-place"
            name="place"
            label={t('kia.field.place')}
            value={values.place}
            options={options(DELIVERY_PLACES, 'kia.place')}
            onValue={set('place')}
            errors={errorsOf('place')}
          />
          <SelectField
            id="kia-attendant"
            name="attendant"
            label={t('kia.field.attendant')}
            value={values.attendant}
            options={options(ATTENDANTS, 'kia.attendant')}
            onValue={set('attendant')}
            errors={errorsOf('attendant')}
          />
        </div>
        <RadioGroup
          id="kia-method"
          name="method"
          label={t('kia.field.method')}
          value={values.method}
          options={options(DELIVERY_METHODS, 'kia.method')}
          onValue={set('method')}
          errors={errorsOf('method')}
        />
        <RadioGroup
          id="kia-mother-condition"
          name="mother_condition"
          label={t('kia.field.motherCondition')}
          value={values.mother_condition}
          options={options(MOTHER_CONDITIONS, 'kia.condition')}
          onValue={set('mother_condition')}
          errors={errorsOf('mother_condition')}
        />

        {errorsOf('babies') && (
          <p class="field-error" role="alert">
            {errorsOf('babies')!.join(' ')}
          </p>
        )}
        {babies.map((baby, index) => {
          const prefix = `babies.${index}`;
          const id = `kia-baby-${baby.key}`;
          return (
            <fieldset key={baby.key} class="kia-baby" data-testid="baby">
              <legend>{t('kia.delivery.baby', { n: index + 1 })}</legend>
              {errorsOf(prefix) && <p class="field-error">{errorsOf(prefix)!.join(' ')}</p>}
              <RadioGroup
                id={`${id}-sex`}
                name={`${prefix}.sex`}
                label={t('register.sex')}
                required
                value={baby.sex}
                options={[
                  { value: 'M', label: t('register.sexM') },
                  { value: 'F', label: t('register.sexF') },
                ]}
                onValue={setBaby(index, 'sex')}
                errors={errorsOf(`${prefix}.sex`)}
              />
              <div class="kia-grid-2">
                <NumberField
                  id={`${id}-weight`}
                  name={`${prefix}.birth_weight_g`}
                  integer
                  label={t('kia.field.birthWeightG')}
                  value={baby.birth_weight_g}
                  onValue={setBaby(index, 'birth_weight_g')}
                  errors={errorsOf(`${prefix}.birth_weight_g`)}
                />
                <NumberField
                  id={`${id}-length`}
                  name={`${prefix}.birth_length_cm`}
                  label={t('kia.field.birthLength')}
                  value={baby.birth_length_cm}
                  onValue={setBaby(index, 'birth_length_cm')}
                  errors={errorsOf(`${prefix}.birth_length_cm`)}
                />
              </div>
              <TextField
                id={`${id}-name`}
                name={`${prefix}.full_name`}
                label={`${t('kia.field.babyName')} ${t('civil.optionalSuffix')}`}
                hint={t('kia.field.babyNameHint')}
                autoComplete="off"
                maxLength={150}
                value={baby.full_name}
                onValue={setBaby(index, 'full_name')}
                errors={errorsOf(`${prefix}.full_name`)}
              />
              <button
                type="button"
                class="button button--small button--danger"
                onClick={() => setBabies((current) => current.filter((_, i) => i !== index))}
              >
                {t('kia.delivery.removeBaby', { n: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        {babies.length === 0 && <p class="muted">{t('kia.delivery.noLiveBirth')}</p>}
        {babies.length < MAX_BABIES && (
          <button
            type="button"
            class="button"
            data-testid="add-baby"
            onClick={() => setBabies((current) => [...current, newBaby()])}
          >
            {t('kia.delivery.addBaby')}
          </button>
        )}
        <NumberField
          id="kia-stillbirths"
          name="stillbirths"
          integer
          label={t('kia.field.stillbirths')}
          value={values.stillbirths}
          onValue={set('stillbirths')}
          errors={errorsOf('stillbirths')}
        />
        <TextAreaField
          id="kia-delivery-notes"
          name="notes"
          label={`${t('kia.field.notes')} ${t('civil.optionalSuffix')}`}
          rows={3}
          maxLength={2000}
          value={values.notes}
          onValue={set('notes')}
          errors={errorsOf('notes')}
        />
        <SubmitButton busy={submit.busy}>{t('kia.delivery.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}
