import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import {
  runAction,
  type ButtonAction,
  type CivilRequestDetail,
  type RequestAction,
} from '../../api/civil';
import { FormError, TextField, useSubmit } from '../../components/forms';
import { submitWrite } from '../../offline/outbox';
import { useI18n, type MessageKey } from '../../i18n';
import { TextAreaField } from './ui';

/** Display order of the buttons; the first ones are the expected next step. */
export const BUTTON_ORDER: ButtonAction[] = [
  'submit',
  'resubmit',
  'claim',
  'approve',
  'complete',
  'request-revision',
  'reject',
  'cancel',
];

type InputName = 'note' | 'reason' | 'output_document_number';

interface Confirmation {
  input: InputName;
  required: boolean;
  question: MessageKey;
  field: MessageKey;
  yes: MessageKey;
}

/** Actions that ask for a confirmation and a text before they are sent. */
const CONFIRMATIONS: Partial<Record<ButtonAction, Confirmation>> = {
  cancel: {
    input: 'reason',
    required: false,
    question: 'civil.confirm.cancel',
    field: 'civil.confirm.cancelField',
    yes: 'civil.confirm.cancelYes',
  },
  'request-revision': {
    input: 'note',
    required: true,
    question: 'civil.confirm.request-revision',
    field: 'civil.confirm.request-revisionField',
    yes: 'civil.confirm.request-revisionYes',
  },
  complete: {
    input: 'output_document_number',
    required: true,
    question: 'civil.confirm.complete',
    field: 'civil.confirm.completeField',
    yes: 'civil.confirm.completeYes',
  },
  reject: {
    input: 'reason',
    required: true,
    question: 'civil.confirm.reject',
    field: 'civil.confirm.rejectField',
    yes: 'civil.confirm.rejectYes',
  },
};

const PRIMARY = new Set<ButtonAction>(['submit', 'resubmit', 'claim', 'approve', 'complete']);
const DANGER = new Set<ButtonAction>(['reject', 'cancel']);

export function buttonActions(allowed: readonly RequestAction[]): ButtonAction[] {
  return BUTTON_ORDER.filter((action) => allowed.includes(action));
}

function buttonClass(action: ButtonAction): string {
  if (PRIMARY.has(action)) return 'button button--primary';
  if (DANGER.has(action)) return 'button button--danger';
  return 'button';
}

const INPUT_NAMES: InputName[] = ['note', 'reason', 'output_document_number'];
/** Field errors shown elsewhere: `documents` lists codes the page marks on its rows. */
const KNOWN_FIELDS = [...INPUT_NAMES, 'documents'];

/**
 * The buttons for the actions the server allows on this request, and a small
 * confirmation form for those that need a note, a reason or a number.
 */
export function ActionBar({
  request,
  onDone,
  onError,
}: {
  request: CivilRequestDetail;
  /** Called with the updated request after an action succeeded. */
  onDone: (updated: CivilRequestDetail, action: ButtonAction) => void;
  /** Called when an action was refused (the page may reload or highlight things). */
  onError?: (error: ApiError, action: ButtonAction) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ButtonAction | null>(null);
  const [text, setText] = useState('');
  const [done, setDone] = useState('');
  const submit = useSubmit(KNOWN_FIELDS);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const actions = buttonActions(request.allowed_actions);
  const confirmation = open ? CONFIRMATIONS[open] : undefined;

  // A confirmation for an action that is no longer allowed closes.
  useEffect(() => {
    if (open && !request.allowed_actions.includes(open)) setOpen(null);
  }, [request.allowed_actions.join(), open]);

  // Focus the text input when a confirmation opens.
  const panelRef = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('textarea, input')?.focus();
  }, [open]);

  const perform = (action: ButtonAction, body: Record<string, string> = {}) => {
    setDone('');
    void submit.run(async () => {
      try {
        if (action === 'submit' || action === 'resubmit') {
          // Through the outbox, after any document still waiting to be sent.
          const outcome = await submitWrite<CivilRequestDetail>({
            kind: 'civil.submit',
            path: `/civil/requests/${encodeURIComponent(request.id)}/${action}/`,
            body,
            summary: request.service.name,
            href: `/layanan/adminduk/permohonan/${request.id}`,
            meta: { requestId: request.id },
          });
          if (outcome.status === 'queued') {
            setOpen(null);
            setDone(t('outbox.queued'));
            setTimeout(() => statusRef.current?.focus(), 0);
            return;
          }
          const updated = outcome.result;
          setOpen(null);
          setText('');
          setDone(t(`civil.done.${action}`));
          onDone(updated, action);
          setTimeout(() => statusRef.current?.focus(), 0);
          return;
        }
        const updated = await runAction(request.id, action, body);
        setOpen(null);
        setText('');
        setDone(t(`civil.done.${action}`));
        onDone(updated, action);
        setTimeout(() => statusRef.current?.focus(), 0);
      } catch (error) {
        if (error instanceof ApiError) onError?.(error, action);
        throw error;
      }
    });
  };

  const onConfirm = (event: Event) => {
    event.preventDefault();
    if (!open || !confirmation) return;
    const value = text.trim();
    if (confirmation.required && !value) {
      submit.fail(
        new ApiError(0, 'invalid', t('error.fieldsIntro'), {
          [confirmation.input]: [t('civil.confirm.required')],
        }),
      );
      return;
    }
    // An optional text left empty is not sent at all.
    perform(open, value || confirmation.required ? { [confirmation.input]: value } : {});
  };

  if (!actions.length && !done && !submit.error) return null;

  return (
    <div class="action-bar stack" data-testid="action-bar">
      <p
        class="form-status"
        role="status"
        tabIndex={-1}
        ref={statusRef}
        data-testid={done ? 'action-done' : undefined}
      >
        {done}
      </p>
      {!open && <FormError state={submit} id={`actions-error-${request.id}`} />}
      {actions.length > 0 && (
        <div class="action-buttons">
          {actions.map((action) => {
            const needsConfirm = Boolean(CONFIRMATIONS[action]);
            return (
              <button
                key={action}
                type="button"
                class={buttonClass(action)}
                data-testid={`action-${action}`}
                disabled={submit.busy}
                aria-busy={submit.busy && !open ? true : undefined}
                aria-expanded={needsConfirm ? open === action : undefined}
                aria-controls={needsConfirm && open === action ? 'action-confirm-panel' : undefined}
                onClick={() => {
                  submit.reset();
                  if (needsConfirm) {
                    setText('');
                    setOpen(open === action ? null : action);
                  } else {
                    setOpen(null);
                    perform(action);
                  }
                }}
              >
                {t(`civil.action.${action}`)}
              </button>
            );
          })}
        </div>
      )}
      {open && confirmation && (
        <form
          id="action-confirm-panel"
          ref={(element) => {
            panelRef.current = element;
            submit.formRef.current = element;
          }}
          class="confirm-panel form"
          method="post"
          noValidate
          aria-labelledby="action-confirm-question"
          onSubmit={onConfirm}
        >
          <p id="action-confirm-question" class="confirm-question">
            {t(confirmation.question)}
          </p>
          <FormError state={submit} id="action-confirm-error" />
          {confirmation.input === 'output_document_number' ? (
            <TextField
              id="action-input"
              name="output_document_number"
              label={t(confirmation.field)}
              errors={submit.fieldErrors.output_document_number}
              value={text}
              onValue={setText}
              autoComplete="off"
              maxLength={60}
              required
            />
          ) : (
            <TextAreaField
              id="action-input"
              name={confirmation.input}
              label={t(confirmation.field)}
              errors={submit.fieldErrors[confirmation.input]}
              value={text}
              onValue={setText}
              rows={3}
              maxLength={2000}
              required={confirmation.required}
            />
          )}
          <div class="action-buttons">
            <button
              type="submit"
              class={DANGER.has(open) ? 'button button--danger-solid' : 'button button--primary'}
              data-testid="action-confirm"
              disabled={submit.busy}
              aria-busy={submit.busy || undefined}
            >
              {submit.busy ? t('common.processing') : t(confirmation.yes)}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setOpen(null);
                submit.reset();
              }}
            >
              {t('civil.confirm.back')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
