import { useRef, useState } from 'preact/hooks';
import {
  createChild,
  createPregnancy,
  type ChildDetail,
  type ChildPayload,
  type MotherDetail,
  type PregnancyDetail,
  type PregnancyPayload,
} from '../../api/health';
import { FormError, RadioGroup, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { useI18n } from '../../i18n';
import { IdempotencyKeys } from '../../lib/idempotency';
import { todayIso } from '../civil/format';
import { parseDecimal, parseInteger } from './format';
import { failLocally, FormPanel, NumberField } from './ui';

const PREGNANCY_FIELDS = ['hpht', 'gravida', 'para', 'abortus', 'previous_delivery_date'] as const;

/** "Kehamilan baru": HPHT and obstetric history (G/P/A) with defaults from the book. */
export function NewPregnancyForm({
  mother,
  onSaved,
  onCancel,
}: {
  mother: MotherDetail;
  onSaved: (pregnancy: PregnancyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const births = mother.pregnancies.filter((p) => p.status === 'delivered').length;
  const [values, setValues] = useState({
    hpht: '',
    gravida: String(mother.pregnancies.length + 1),
    para: String(births),
    abortus: '0',
    previous_delivery_date: '',
  });
  const keys = useRef(new IdempotencyKeys());
  const submit = useSubmit(PREGNANCY_FIELDS);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const numbers = {
      gravida: parseInteger(values.gravida),
      para: parseInteger(values.para) ?? 0,
      abortus: parseInteger(values.abortus) ?? 0,
    };
    const bad: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(numbers)) {
      if (value === null || Number.isNaN(value)) bad[name] = [t('kia.form.wholeNumber')];
    }
    if (failLocally(submit, bad, t('error.fieldsIntro'))) return;
    const payload: PregnancyPayload = {
      hpht: values.hpht,
      gravida: numbers.gravida!,
      para: numbers.para,
      abortus: numbers.abortus,
    };
    if (values.previous_delivery_date)
      payload.previous_delivery_date = values.previous_delivery_date;
    void submit.run(async () => {
      const created = await createPregnancy(mother.id, payload, keys.current.keyFor(payload));
      keys.current.reset();
      onSaved(created);
    });
  };

  return (
    <FormPanel id="kia-new-pregnancy" title={t('kia.newPregnancy')} onCancel={onCancel}>
      {mother.ongoing_pregnancy && (
        <p class="notice notice--warning">{t('kia.newPregnancy.ongoing')}</p>
      )}
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="pregnancy-form"
      >
        <FormError state={submit} id="kia-new-pregnancy-error" />
        <TextField
          id="kia-hpht"
          name="hpht"
          type="date"
          label={t('kia.field.hpht')}
          hint={t('kia.field.hphtHint')}
          max={todayIso()}
          required
          value={values.hpht}
          onValue={set('hpht')}
          errors={submit.fieldErrors.hpht}
        />
        <div class="kia-grid-3">
          <NumberField
            id="kia-gravida"
            name="gravida"
            integer
            required
            label={t('kia.field.gravida')}
            value={values.gravida}
            onValue={set('gravida')}
            errors={submit.fieldErrors.gravida}
          />
          <NumberField
            id="kia-para"
            name="para"
            integer
            label={t('kia.field.para')}
            value={values.para}
            onValue={set('para')}
            errors={submit.fieldErrors.para}
          />
          <NumberField
            id="kia-abortus"
            name="abortus"
            integer
            label={t('kia.field.abortus')}
            value={values.abortus}
            onValue={set('abortus')}
            errors={submit.fieldErrors.abortus}
          />
        </div>
        <p class="small muted">{t('kia.field.gpaHint')}</p>
        <TextField
          id="kia-previous-delivery"
          name="previous_delivery_date"
          type="date"
          label={`${t('kia.field.previousDelivery')} ${t('civil.optionalSuffix')}`}
          hint={t('kia.field.previousDeliveryHint')}
          max={todayIso()}
          value={values.previous_delivery_date}
          onValue={set('previous_delivery_date')}
          errors={submit.fieldErrors.previous_delivery_date}
        />
        <SubmitButton busy={submit.busy}>{t('kia.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}

const CHILD_FIELDS = [
  'full_name',
  'sex',
  'birth_date',
  'birth_weight_g',
  'birth_length_cm',
  'nik',
] as const;

/** "Tambah anak": a child born before the book (or elsewhere). */
export function AddChildForm({
  motherId,
  onSaved,
  onCancel,
}: {
  motherId: string;
  onSaved: (child: ChildDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    full_name: '',
    sex: '',
    birth_date: '',
    birth_weight_g: '',
    birth_length_cm: '',
    nik: '',
  });
  const keys = useRef(new IdempotencyKeys());
  const submit = useSubmit(CHILD_FIELDS);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const weight = parseInteger(values.birth_weight_g);
    const length = parseDecimal(values.birth_length_cm);
    const bad: Record<string, string[]> = {};
    if (Number.isNaN(weight)) bad.birth_weight_g = [t('kia.form.wholeNumber')];
    if (Number.isNaN(length)) bad.birth_length_cm = [t('kia.form.number')];
    if (failLocally(submit, bad, t('error.fieldsIntro'))) return;
    const payload: ChildPayload = {
      full_name: values.full_name.replace(/\s+/g, ' ').trim(),
      sex: values.sex as ChildPayload['sex'],
      birth_date: values.birth_date,
    };
    if (weight !== null) payload.birth_weight_g = weight;
    if (length !== null) payload.birth_length_cm = length;
    const nik = values.nik.replace(/[\s.-]/g, '');
    if (nik) payload.nik = nik;
    void submit.run(async () => {
      const created = await createChild(motherId, payload, keys.current.keyFor(payload));
      keys.current.reset();
      onSaved(created);
    });
  };

  return (
    <FormPanel id="kia-add-child" title={t('kia.addChild')} onCancel={onCancel}>
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="child-form"
      >
        <FormError state={submit} id="kia-add-child-error" />
        <TextField
          id="kia-child-name"
          name="full_name"
          label={t('kia.field.childName')}
          required
          autoComplete="off"
          maxLength={150}
          value={values.full_name}
          onValue={set('full_name')}
          errors={submit.fieldErrors.full_name}
        />
        <RadioGroup
          id="kia-child-sex"
          name="sex"
          label={t('register.sex')}
          required
          value={values.sex}
          options={[
            { value: 'M', label: t('register.sexM') },
            { value: 'F', label: t('register.sexF') },
          ]}
          onValue={set('sex')}
          errors={submit.fieldErrors.sex}
        />
        <TextField
          id="kia-child-birth"
          name="birth_date"
          type="date"
          label={t('kia.field.birthDate')}
          required
          max={todayIso()}
          value={values.birth_date}
          onValue={set('birth_date')}
          errors={submit.fieldErrors.birth_date}
        />
        <div class="kia-grid-2">
          <NumberField
            id="kia-child-bw"
            name="birth_weight_g"
            integer
            label={`${t('kia.field.birthWeightG')} ${t('civil.optionalSuffix')}`}
            value={values.birth_weight_g}
            onValue={set('birth_weight_g')}
            errors={submit.fieldErrors.birth_weight_g}
          />
          <NumberField
            id="kia-child-bl"
            name="birth_length_cm"
            label={`${t('kia.field.birthLength')} ${t('civil.optionalSuffix')}`}
            value={values.birth_length_cm}
            onValue={set('birth_length_cm')}
            errors={submit.fieldErrors.birth_length_cm}
          />
        </div>
        <TextField
          id="kia-child-nik"
          name="nik"
          label={`${t('kia.field.childNik')} ${t('civil.optionalSuffix')}`}
          inputMode="numeric"
          autoComplete="off"
          value={values.nik}
          onValue={set('nik')}
          errors={submit.fieldErrors.nik}
        />
        <SubmitButton busy={submit.busy}>{t('kia.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}
