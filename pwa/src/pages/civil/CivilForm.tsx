import type { FormFieldSpec, FormValues } from '../../api/civil';
import type { FieldErrors } from '../../api/types';
import { RadioGroup, SelectField, TextField } from '../../components/forms';
import { useI18n } from '../../i18n';
import { todayIso } from './format';

/** What the inputs hold: every value is a string while editing. */
export type FieldValues = Record<string, string>;

const DIGIT_TYPES = new Set(['nik', 'nik_female', 'nik_male', 'kk']);

/** The error key the server uses for a form field. */
export const fieldErrorKey = (name: string) => `form_data.${name}`;

export function fieldErrorKeys(fields: FormFieldSpec[]): string[] {
  return fields.map((field) => fieldErrorKey(field.name));
}

/** Input values from stored form data (lists of NIKs are shown comma-separated). */
export function initialValues(fields: FormFieldSpec[], data: FormValues = {}): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    const value = data[field.name];
    values[field.name] = Array.isArray(value)
      ? value.map(String).join(', ')
      : value === null || value === undefined
        ? ''
        : String(value);
  }
  return values;
}

/**
 * Initial values passed in the address (e.g. from the Buku KIA:
 * `?child_name=…&child_sex=F&birth_date=…`): only for fields the form has,
 * and only values the field can hold (M/F, a listed choice, a date, digits).
 */
export function prefillValues(
  fields: FormFieldSpec[],
  query: Record<string, string | undefined>,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = query[field.name];
    if (typeof raw !== 'string') continue;
    const value = raw.trim().slice(0, 200);
    if (!value) continue;
    const valid =
      field.type === 'sex'
        ? value === 'M' || value === 'F'
        : field.type === 'choice'
          ? (field.choices ?? []).some((choice) => choice.value === value)
          : field.type === 'past_date'
            ? /^\d{4}-\d{2}-\d{2}$/.test(value)
            : DIGIT_TYPES.has(field.type)
              ? /^[\d\s.-]+$/.test(value)
              : true;
    if (valid) values[field.name] = value;
  }
  return values;
}

/** The `form_data` to send: trimmed, one entry for every field of the service. */
export function toFormData(fields: FormFieldSpec[], values: FieldValues): FormValues {
  const data: FormValues = {};
  for (const field of fields) {
    const raw = values[field.name] ?? '';
    data[field.name] =
      field.type === 'text'
        ? raw.replace(/\s+/g, ' ').trim()
        : DIGIT_TYPES.has(field.type)
          ? // Spaces, dots and dashes copied from a card are dropped.
            raw.replace(/[\s.-]/g, '')
          : raw.trim();
  }
  return data;
}

/**
 * The inputs of a service's form, built from its `form_fields`. Every input
 * carries the field's name; server errors keyed `form_data.<name>` are shown
 * under their input.
 */
export function CivilFields({
  fields,
  values,
  errors,
  onChange,
  idPrefix = 'civil',
}: {
  fields: FormFieldSpec[];
  values: FieldValues;
  errors: FieldErrors;
  onChange: (name: string, value: string) => void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const value = values[field.name] ?? '';
        const fieldErrors = errors[fieldErrorKey(field.name)];
        const label = field.required ? field.label : `${field.label} ${t('civil.optionalSuffix')}`;
        const common = {
          id,
          name: field.name,
          label,
          errors: fieldErrors,
          required: field.required,
        };
        const set = (next: string) => onChange(field.name, next);

        switch (field.type) {
          case 'sex':
            return (
              <RadioGroup
                key={field.name}
                {...common}
                value={value}
                options={[
                  { value: 'M', label: t('civil.sex.M') },
                  { value: 'F', label: t('civil.sex.F') },
                ]}
                onValue={set}
              />
            );
          case 'choice':
            return (
              <SelectField
                key={field.name}
                {...common}
                value={value}
                options={field.choices ?? []}
                placeholder={t('civil.form.choose')}
                onValue={set}
              />
            );
          case 'past_date':
            return (
              <TextField
                key={field.name}
                {...common}
                type="date"
                hint={t('civil.form.dateHint')}
                max={todayIso()}
                value={value}
                onValue={set}
              />
            );
          case 'nik_list':
            return (
              <TextField
                key={field.name}
                {...common}
                hint={t('civil.form.nikListHint')}
                autoComplete="off"
                spellcheck={false}
                value={value}
                onValue={set}
              />
            );
          default:
            if (DIGIT_TYPES.has(field.type)) {
              const digits = value.replace(/\D/g, '').length;
              return (
                <TextField
                  key={field.name}
                  {...common}
                  hint={t(field.type === 'kk' ? 'civil.form.kkHint' : 'civil.form.nikHint', {
                    count: digits,
                  })}
                  inputMode="numeric"
                  autoComplete="off"
                  spellcheck={false}
                  value={value}
                  onValue={set}
                />
              );
            }
            return (
              <TextField
                key={field.name}
                {...common}
                maxLength={200}
                autoComplete="off"
                value={value}
                onValue={set}
              />
            );
        }
      })}
    </>
  );
}
