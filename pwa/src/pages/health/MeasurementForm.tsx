import { useEffect, useState } from 'preact/hooks';
import {
  childPath,
  type Measurement,
  type MeasurementPayload,
  type Position,
} from '../../api/health';
import { FormError, RadioGroup, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { useI18n } from '../../i18n';
import { discard, errorOf, submitWrite, type OutboxItem } from '../../offline/outbox';
import { todayIso } from '../civil/format';
import { defaultPosition, formatMeasure, parseDecimal } from './format';
import { failLocally, FormPanel, NumberField } from './ui';

const FIELDS = [
  'measured_on',
  'weight_kg',
  'height_cm',
  'position',
  'head_circumference_cm',
  'oedema',
] as const;

/**
 * "Catat penimbangan": date (today), weight, length/height with its position
 * (lying under two years, standing from two years unless changed), head
 * circumference and oedema. Numbers typed with a comma are sent as numbers.
 */
export function MeasurementForm({
  childId,
  birthDate,
  onSaved,
  onQueued,
  onCancel,
  correcting,
  today = todayIso(),
}: {
  childId: string;
  birthDate: string;
  onSaved: (measurement: Measurement) => void;
  /** No connection: the weighing waits in the outbox (shown on the page as waiting). */
  onQueued?: (item: OutboxItem) => void;
  onCancel: () => void;
  /** A weighing the server refused, opened from the outbox to correct it. */
  correcting?: OutboxItem | null;
  today?: string;
}) {
  const { t, lang } = useI18n();
  const earlier = (correcting?.body ?? {}) as Partial<MeasurementPayload>;
  const text = (value: number | undefined) =>
    value === undefined || value === null ? '' : formatMeasure(value, lang, 2);
  const [values, setValues] = useState({
    measured_on: earlier.measured_on ?? today,
    weight_kg: text(earlier.weight_kg),
    height_cm: text(earlier.height_cm),
    head_circumference_cm: text(earlier.head_circumference_cm),
  });
  // The position follows the date until it is chosen by hand.
  const [chosenPosition, setChosenPosition] = useState<Position | null>(
    earlier.position ?? null,
  );
  const [oedema, setOedema] = useState(Boolean(earlier.oedema));
  const submit = useSubmit(FIELDS);
  useEffect(() => {
    if (correcting) submit.fail(errorOf(correcting));
  }, [correcting?.id]);
  const position = chosenPosition ?? defaultPosition(birthDate, values.measured_on || today);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const weight = parseDecimal(values.weight_kg);
    const height = parseDecimal(values.height_cm);
    const head = parseDecimal(values.head_circumference_cm);
    const bad: Record<string, string[]> = {};
    if (weight === null) bad.weight_kg = [t('kia.form.required')];
    else if (Number.isNaN(weight)) bad.weight_kg = [t('kia.form.number')];
    if (Number.isNaN(height)) bad.height_cm = [t('kia.form.number')];
    if (Number.isNaN(head)) bad.head_circumference_cm = [t('kia.form.number')];
    if (failLocally(submit, bad, t('error.fieldsIntro'))) return;
    const payload: MeasurementPayload = {
      measured_on: values.measured_on,
      weight_kg: weight!,
      oedema,
    };
    if (height !== null) {
      payload.height_cm = height;
      payload.position = position;
    }
    if (head !== null) payload.head_circumference_cm = head;
    void submit.run(async () => {
      // Through the outbox: sent now when there is a connection, kept on the
      // phone (and sent later, once) when there is none.
      const outcome = await submitWrite<Measurement>({
        kind: 'health.measurement',
        path: `${childPath(childId)}measurements/`,
        body: payload,
        summary: [
          payload.measured_on,
          `${formatMeasure(payload.weight_kg, lang, 2)} kg`,
          payload.height_cm !== undefined ? `${formatMeasure(payload.height_cm, lang)} cm` : '',
        ]
          .filter(Boolean)
          .join(' · '),
        href: `/kia/anak/${childId}`,
        meta: { childId },
      });
      if (correcting) await discard(correcting.id);
      if (outcome.status === 'sent') onSaved(outcome.result);
      else onQueued?.(outcome.item);
    });
  };

  return (
    <FormPanel id="kia-measure-form" title={t('kia.measure.record')} onCancel={onCancel}>
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="measurement-form"
      >
        <FormError state={submit} id="kia-measure-error" />
        <TextField
          id="kia-measured-on"
          name="measured_on"
          type="date"
          label={t('kia.field.measuredOn')}
          required
          min={birthDate}
          max={today}
          value={values.measured_on}
          onValue={set('measured_on')}
          errors={submit.fieldErrors.measured_on}
        />
        <NumberField
          id="kia-weight"
          name="weight_kg"
          label={t('kia.field.childWeight')}
          hint={t('kia.field.childWeightHint')}
          required
          value={values.weight_kg}
          onValue={set('weight_kg')}
          errors={submit.fieldErrors.weight_kg}
        />
        <NumberField
          id="kia-height"
          name="height_cm"
          label={`${t('kia.field.childHeight')} ${t('civil.optionalSuffix')}`}
          value={values.height_cm}
          onValue={set('height_cm')}
          errors={submit.fieldErrors.height_cm}
        />
        <RadioGroup
          id="kia-position"
          name="position"
          label={t('kia.field.position')}
          hint={t('kia.field.positionHint')}
          value={position}
          options={[
            { value: 'lying', label: t('kia.position.lying') },
            { value: 'standing', label: t('kia.position.standing') },
          ]}
          onValue={(value) => setChosenPosition(value as Position)}
          errors={submit.fieldErrors.position}
        />
        <NumberField
          id="kia-head"
          name="head_circumference_cm"
          label={`${t('kia.field.head')} ${t('civil.optionalSuffix')}`}
          value={values.head_circumference_cm}
          onValue={set('head_circumference_cm')}
          errors={submit.fieldErrors.head_circumference_cm}
        />
        <div class={submit.fieldErrors.oedema ? 'field field--invalid' : 'field'}>
          <label class="checkbox" for="kia-oedema">
            <input
              type="checkbox"
              id="kia-oedema"
              name="oedema"
              checked={oedema}
              aria-describedby="kia-oedema-hint"
              onChange={(event) => setOedema(event.currentTarget.checked)}
            />
            <span>{t('kia.field.oedema')}</span>
          </label>
          <p id="kia-oedema-hint" class="field-hint">
            {t('kia.field.oedemaHint')}
          </p>
          {submit.fieldErrors.oedema && (
            <p class="field-error">{submit.fieldErrors.oedema.join(' ')}</p>
          )}
        </div>
        <SubmitButton busy={submit.busy}>{t('kia.measure.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}
