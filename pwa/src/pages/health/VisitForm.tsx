import { useState } from 'preact/hooks';
import { pregnancyPath, type Visit, type VisitPayload } from '../../api/health';
import { FormError, RadioGroup, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { useI18n, type MessageKey } from '../../i18n';
import { submitWrite, type OutboxItem } from '../../offline/outbox';
import { todayIso } from '../civil/format';
import { parseDecimal, parseInteger } from './format';
import { failLocally, FormPanel, NumberField, TextAreaField } from './ui';

type NumberName =
  | 'weight_kg'
  | 'height_cm'
  | 'systolic'
  | 'diastolic'
  | 'lila_cm'
  | 'hb_g_dl'
  | 'fundal_height_cm'
  | 'fetal_heart_rate'
  | 'iron_tablets';

/** The measurements of an antenatal visit, in the order a midwife takes them. */
const NUMBERS: { name: NumberName; label: MessageKey; integer?: boolean }[] = [
  { name: 'weight_kg', label: 'kia.field.weightKg' },
  { name: 'height_cm', label: 'kia.field.motherHeight' },
  { name: 'lila_cm', label: 'kia.field.lila' },
  { name: 'hb_g_dl', label: 'kia.field.hb' },
  { name: 'fundal_height_cm', label: 'kia.field.fundal' },
  { name: 'fetal_heart_rate', label: 'kia.field.fhr', integer: true },
  { name: 'iron_tablets', label: 'kia.field.iron', integer: true },
];

const VISIT_FIELDS = [
  'visit_date',
  'provider',
  'notes',
  'systolic',
  'diastolic',
  ...NUMBERS.map((n) => n.name),
];

export function VisitForm({
  pregnancyId,
  onSaved,
  onQueued,
  onCancel,
}: {
  pregnancyId: string;
  onSaved: (visit: Visit) => void;
  /** No connection: the visit waits in the outbox. */
  onQueued?: (item: OutboxItem) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({
    visit_date: todayIso(),
    provider: 'midwife',
    notes: '',
  });
  const submit = useSubmit(VISIT_FIELDS);
  const value = (name: string) => values[name] ?? '';
  const set = (name: string) => (next: string) =>
    setValues((current) => ({ ...current, [name]: next }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const payload: VisitPayload = {
      visit_date: value('visit_date'),
      provider: value('provider') as VisitPayload['provider'],
    };
    const bad: Record<string, string[]> = {};
    const numbers: { name: NumberName; integer?: boolean }[] = [
      ...NUMBERS,
      { name: 'systolic', integer: true },
      { name: 'diastolic', integer: true },
    ];
    for (const { name, integer } of numbers) {
      const parsed = integer ? parseInteger(value(name)) : parseDecimal(value(name));
      if (parsed === null) continue;
      if (Number.isNaN(parsed)) {
        bad[name] = [t(integer ? 'kia.form.wholeNumber' : 'kia.form.number')];
        continue;
      }
      payload[name] = parsed;
    }
    if (failLocally(submit, bad, t('error.fieldsIntro'))) return;
    const notes = value('notes').trim();
    if (notes) payload.notes = notes;
    void submit.run(async () => {
      const outcome = await submitWrite<Visit>({
        kind: 'health.visit',
        path: `${pregnancyPath(pregnancyId)}visits/`,
        body: payload,
        summary: payload.visit_date,
        href: `/kia/kehamilan/${pregnancyId}`,
        meta: { pregnancyId },
      });
      if (outcome.status === 'sent') onSaved(outcome.result);
      else onQueued?.(outcome.item);
    });
  };

  const numberField = (name: NumberName, label: MessageKey, integer = false) => (
    <NumberField
      key={name}
      id={`kia-visit-${name}`}
      name={name}
      integer={integer}
      label={t(label)}
      value={value(name)}
      onValue={set(name)}
      errors={submit.fieldErrors[name]}
    />
  );

  return (
    <FormPanel id="kia-visit-form" title={t('kia.visit.record')} onCancel={onCancel}>
      <p class="small muted">{t('kia.visit.intro')}</p>
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="visit-form"
      >
        <FormError state={submit} id="kia-visit-error" />
        <TextField
          id="kia-visit-date"
          name="visit_date"
          type="date"
          label={t('kia.field.visitDate')}
          required
          max={todayIso()}
          value={value('visit_date')}
          onValue={set('visit_date')}
          errors={submit.fieldErrors.visit_date}
        />
        <RadioGroup
          id="kia-visit-provider"
          name="provider"
          label={t('kia.field.provider')}
          required
          value={value('provider')}
          options={[
            { value: 'midwife', label: t('kia.provider.midwife') },
            { value: 'doctor', label: t('kia.provider.doctor') },
          ]}
          onValue={set('provider')}
          errors={submit.fieldErrors.provider}
        />
        <fieldset class="field kia-bp" aria-describedby="kia-bp-hint">
          <legend>{t('kia.field.bp')}</legend>
          <p id="kia-bp-hint" class="field-hint">
            {t('kia.field.bpHint')}
          </p>
          <div class="kia-grid-2">
            {numberField('systolic', 'kia.field.systolic', true)}
            {numberField('diastolic', 'kia.field.diastolic', true)}
          </div>
        </fieldset>
        <div class="kia-grid-2">
          {NUMBERS.map(({ name, label, integer }) => numberField(name, label, integer))}
        </div>
        <TextAreaField
          id="kia-visit-notes"
          name="notes"
          label={`${t('kia.field.notes')} ${t('civil.optionalSuffix')}`}
          rows={3}
          maxLength={2000}
          value={value('notes')}
          onValue={set('notes')}
          errors={submit.fieldErrors.notes}
        />
        <SubmitButton busy={submit.busy}>{t('kia.visit.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}
