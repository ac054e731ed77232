import { useRef, useState } from 'preact/hooks';
import { recordPostnatal, type PostnatalContact, type PostnatalPayload } from '../../api/health';
import { FormError, SelectField, SubmitButton, TextField, useSubmit } from '../../components/forms';
import { useI18n } from '../../i18n';
import { IdempotencyKeys } from '../../lib/idempotency';
import { formatDay, todayIso } from '../civil/format';
import { FormPanel, TextAreaField } from './ui';

/** A KF/KN row of the schedule: its code plus the baby for KN contacts. */
export const contactKey = (contact: { code: string; child: { id: string } | null }) =>
  contact.child ? `${contact.code}:${contact.child.id}` : contact.code;

/** Records one postnatal contact (KF1–KF4 for the mother, KN1–KN3 per baby). */
export function PostnatalForm({
  pregnancyId,
  contacts,
  initial,
  onSaved,
  onCancel,
}: {
  pregnancyId: string;
  /** The contacts not done yet. */
  contacts: PostnatalContact[];
  initial: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [choice, setChoice] = useState(initial);
  const [date, setDate] = useState(todayIso());
  const [notes, setNotes] = useState('');
  const keys = useRef(new IdempotencyKeys());
  const submit = useSubmit(['code', 'contact_date', 'child_id', 'notes']);
  const contact = contacts.find((item) => contactKey(item) === choice);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!contact) return;
    const payload: PostnatalPayload = { code: contact.code, contact_date: date };
    if (contact.child) payload.child_id = contact.child.id;
    if (notes.trim()) payload.notes = notes.trim();
    void submit.run(async () => {
      await recordPostnatal(pregnancyId, payload, keys.current.keyFor(payload));
      keys.current.reset();
      onSaved();
    });
  };

  return (
    <FormPanel id="kia-postnatal-form" title={t('kia.postnatal.record')} onCancel={onCancel}>
      <form
        ref={submit.formRef}
        class="form"
        noValidate
        onSubmit={onSubmit}
        data-testid="postnatal-form"
      >
        <FormError state={submit} id="kia-postnatal-error" />
        <SelectField
          id="kia-postnatal-code"
          name="code"
          label={t('kia.postnatal.contact')}
          value={choice}
          options={contacts.map((item) => ({
            value: contactKey(item),
            label: item.child ? `${item.label} — ${item.child.full_name}` : item.label,
          }))}
          onValue={setChoice}
          errors={[...(submit.fieldErrors.code ?? []), ...(submit.fieldErrors.child_id ?? [])]}
        />
        {contact && (
          <p class="small muted">
            {t('kia.postnatal.window', {
              from: formatDay(contact.window_start_date, lang),
              to: formatDay(contact.window_end_date, lang),
            })}
          </p>
        )}
        <TextField
          id="kia-postnatal-date"
          name="contact_date"
          type="date"
          label={t('kia.field.contactDate')}
          required
          max={todayIso()}
          value={date}
          onValue={setDate}
          errors={submit.fieldErrors.contact_date}
        />
        <TextAreaField
          id="kia-postnatal-notes"
          name="notes"
          label={`${t('kia.field.notes')} ${t('civil.optionalSuffix')}`}
          rows={2}
          maxLength={2000}
          value={notes}
          onValue={setNotes}
          errors={submit.fieldErrors.notes}
        />
        <SubmitButton busy={submit.busy}>{t('kia.save')}</SubmitButton>
      </form>
    </FormPanel>
  );
}
