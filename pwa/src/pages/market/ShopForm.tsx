import { useState } from 'preact/hooks';
import type { OwnShop, ShopPayload } from '../../api/market';
import { FormError, SubmitButton, TextField, type SubmitState } from '../../components/forms';
import { useI18n } from '../../i18n';
import { VillagePicker } from '../civil/VillagePicker';
import { digitsOnly } from './format';
import { TextAreaField } from './ui';

export const SHOP_FIELDS = [
  'name',
  'description',
  'village_code',
  'whatsapp',
  'nib',
  'pirt',
  'halal_number',
] as const;

export interface ShopValues {
  name: string;
  description: string;
  district: string;
  village_code: string;
  whatsapp: string;
  nib: string;
  pirt: string;
  halal_number: string;
}

export const EMPTY_SHOP: ShopValues = {
  name: '',
  description: '',
  district: '',
  village_code: '',
  whatsapp: '',
  nib: '',
  pirt: '',
  halal_number: '',
};

/** The district code of a village code: 16.02.05.1001 → 16.02.05. */
export function districtOf(villageCode: string): string {
  return villageCode.split('.').slice(0, 3).join('.');
}

export function shopValues(shop: OwnShop): ShopValues {
  return {
    name: shop.name,
    description: shop.description,
    district: districtOf(shop.village.code),
    village_code: shop.village.code,
    whatsapp: shop.whatsapp,
    nib: shop.nib,
    pirt: shop.pirt,
    halal_number: shop.halal_number,
  };
}

/** The request body for opening a shop (optional fields left empty are not sent). */
export function shopPayload(values: ShopValues): ShopPayload {
  const payload: ShopPayload = {
    name: values.name.trim(),
    village_code: values.village_code,
    whatsapp: values.whatsapp.trim(),
    nib: digitsOnly(values.nib),
  };
  const description = values.description.trim();
  if (description) payload.description = description;
  const pirt = digitsOnly(values.pirt);
  if (pirt) payload.pirt = pirt;
  const halal = values.halal_number.trim();
  if (halal) payload.halal_number = halal;
  return payload;
}

/** Only what changed, for editing a shop (an emptied optional field is sent empty). */
export function shopChanges(before: OwnShop, values: ShopValues): Partial<ShopPayload> {
  const now = {
    name: values.name.trim(),
    description: values.description.trim(),
    village_code: values.village_code,
    whatsapp: values.whatsapp.trim(),
    nib: digitsOnly(values.nib),
    pirt: digitsOnly(values.pirt),
    halal_number: values.halal_number.trim(),
  };
  const was: Record<keyof typeof now, string> = {
    name: before.name,
    description: before.description,
    village_code: before.village.code,
    whatsapp: before.whatsapp,
    nib: before.nib,
    pirt: before.pirt,
    halal_number: before.halal_number,
  };
  const changes: Partial<ShopPayload> = {};
  for (const name of Object.keys(now) as (keyof typeof now)[]) {
    if (now[name] !== was[name]) changes[name] = now[name];
  }
  return changes;
}

/** Name, description, village, WhatsApp number and permits of a shop. */
export function ShopFields({
  idPrefix,
  values,
  onChange,
  submit,
}: {
  idPrefix: string;
  values: ShopValues;
  onChange: (patch: Partial<ShopValues>) => void;
  submit: SubmitState;
}) {
  const { t } = useI18n();
  const errors = submit.fieldErrors;
  const optional = (key: Parameters<typeof t>[0]) => `${t(key)} ${t('market.optionalSuffix')}`;
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label={t('market.shopForm.name')}
        errors={errors.name}
        value={values.name}
        onValue={(name) => onChange({ name })}
        maxLength={80}
        autoComplete="organization"
        required
      />
      <TextAreaField
        id={`${idPrefix}-description`}
        name="description"
        label={optional('market.shopForm.description')}
        hint={t('market.shopForm.descriptionHint')}
        errors={errors.description}
        value={values.description}
        onValue={(description) => onChange({ description })}
        rows={3}
        maxLength={2000}
      />
      <fieldset class="field village-group">
        <legend>{t('market.shopForm.place')}</legend>
        <VillagePicker
          idPrefix={idPrefix}
          district={values.district}
          village={values.village_code}
          onDistrict={(district) => onChange({ district })}
          onVillage={(village_code) => onChange({ village_code })}
          errors={errors.village_code}
        />
      </fieldset>
      <TextField
        id={`${idPrefix}-whatsapp`}
        name="whatsapp"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        label={t('market.shopForm.whatsapp')}
        hint={t('market.shopForm.whatsappHint')}
        errors={errors.whatsapp}
        value={values.whatsapp}
        onValue={(whatsapp) => onChange({ whatsapp })}
        maxLength={32}
        required
      />
      <TextField
        id={`${idPrefix}-nib`}
        name="nib"
        inputMode="numeric"
        autoComplete="off"
        label={t('market.shopForm.nib')}
        hint={t('market.shopForm.nibHint', { count: digitsOnly(values.nib).length })}
        errors={errors.nib}
        value={values.nib}
        onValue={(nib) => onChange({ nib })}
        maxLength={20}
        required
      />
      <TextField
        id={`${idPrefix}-pirt`}
        name="pirt"
        inputMode="numeric"
        autoComplete="off"
        label={optional('market.shopForm.pirt')}
        hint={t('market.shopForm.pirtHint', { count: digitsOnly(values.pirt).length })}
        errors={errors.pirt}
        value={values.pirt}
        onValue={(pirt) => onChange({ pirt })}
        maxLength={25}
      />
      <TextField
        id={`${idPrefix}-halal`}
        name="halal_number"
        autoComplete="off"
        label={optional('market.shopForm.halal')}
        hint={t('market.shopForm.halalHint')}
        errors={errors.halal_number}
        value={values.halal_number}
        onValue={(halal_number) => onChange({ halal_number })}
        maxLength={40}
      />
    </>
  );
}

/** The whole form (open or edit a shop). */
export function ShopForm({
  idPrefix,
  initial,
  submit,
  submitLabel,
  onSubmit,
  testId,
}: {
  idPrefix: string;
  initial: ShopValues;
  submit: SubmitState;
  submitLabel: string;
  onSubmit: (values: ShopValues) => void;
  testId: string;
}) {
  const [values, setValues] = useState<ShopValues>(initial);
  return (
    <form
      ref={submit.formRef}
      class="form"
      method="post"
      noValidate
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values);
      }}
    >
      <FormError state={submit} id={`${idPrefix}-error`} />
      <ShopFields
        idPrefix={idPrefix}
        values={values}
        submit={submit}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <SubmitButton busy={submit.busy}>{submitLabel}</SubmitButton>
    </form>
  );
}
