import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client';
import type {
  CivilRequestSummary,
  FormFieldSpec,
  FormValues,
  RequestStatus,
  TimelineEvent,
} from '../../api/civil';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { useConfig } from '../../data';
import { formatDateTime, formatDay } from './format';
import './civil.css';

export function statusKey(status: string): MessageKey {
  return `civil.status.${status as RequestStatus}`;
}

/** The regency's time zone once /config/ is loaded (timestamps are shown in local time). */
export function useTimeZone(): string | undefined {
  return useConfig().data?.regency.timezone;
}

export function StatusBadge({
  status,
  label,
  testId,
}: {
  status: string;
  label: string;
  testId?: string;
}) {
  return (
    <span class={`status status--${status}`} data-testid={testId}>
      {label}
    </span>
  );
}

/** "Gratis / Rp0": always shown, the law says nobody may charge for these services. */
export function FreeBadge({ label }: { label?: string | undefined }) {
  const { t } = useI18n();
  return <span class="free-badge">{label || t('civil.free')}</span>;
}

export function OverdueMark() {
  const { t } = useI18n();
  return <span class="overdue-mark">{t('civil.overdue')}</span>;
}

export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class="back-link">
      <a href={href}>
        <span aria-hidden="true">←</span>
        {children}
      </a>
    </p>
  );
}

export function ErrorNotice({
  error,
  intro,
  onRetry,
}: {
  error: ApiError;
  intro?: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div class="notice notice--error" role="alert">
      {intro && <p>{intro}</p>}
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" class="button button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

// --- fields the shared form components do not have ------------------------------

function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextAreaField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  value,
  onValue,
  ...rest
}: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  required?: boolean;
  value: string;
  onValue: (value: string) => void;
} & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'value' | 'onInput'>) {
  const invalid = Boolean(errors?.length);
  return (
    <div class={invalid ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <textarea
        {...rest}
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {invalid && (
        <p id={`${id}-error`} class="field-error">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}

// --- request facts ------------------------------------------------------------------

export function TrackingCode({ code }: { code: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setMessage(t('civil.copied'));
    } catch {
      setMessage(t('civil.copyFailed'));
    }
  };
  return (
    <div class="tracking">
      <p class="tracking-label" id="tracking-label">
        {t('civil.tracking')}
      </p>
      <p class="tracking-row">
        <strong class="tracking-code" data-testid="tracking-code" aria-labelledby="tracking-label">
          {code}
        </strong>
        <button type="button" class="button button--small" onClick={() => void copy()}>
          {t('civil.copy')}
        </button>
      </p>
      <p class="small muted" role="status">
        {message}
      </p>
    </div>
  );
}

/** Due date with the overdue mark, or a note that the clock is paused. */
export function DueInfo({ request }: { request: CivilRequestSummary }) {
  const { t, lang } = useI18n();
  if (request.status === 'needs_revision') {
    return <p class="small muted">{t('civil.duePaused')}</p>;
  }
  if (!request.due_date) return null;
  return (
    <p class={request.overdue ? 'due due--late' : 'due'}>
      <span class="due-label">{t('civil.dueDate')}: </span>
      <strong>{formatDay(request.due_date, lang)}</strong>
      {request.overdue && (
        <>
          {' '}
          <OverdueMark />
        </>
      )}
    </p>
  );
}

export function LateNote({ request }: { request: CivilRequestSummary }) {
  const { t } = useI18n();
  if (!request.flags?.late_registration) return null;
  return (
    <div class="notice notice--warning" data-testid="late-registration">
      <p>
        <strong>{t('civil.late.title')}</strong>
      </p>
      {typeof request.flags.days_since_event === 'number' && (
        <p>{t('civil.late.body', { days: request.flags.days_since_event })}</p>
      )}
    </div>
  );
}

// --- form data ---------------------------------------------------------------------------

/** A form value as people read it (choice labels, sex, dates, lists). */
export function displayValue(
  spec: FormFieldSpec | undefined,
  value: unknown,
  lang: 'id' | 'en',
  t: (key: MessageKey) => string,
): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (Array.isArray(value)) return value.map(String).join(', ');
  const text = String(value);
  if (!spec) return text;
  if (spec.type === 'sex' && (text === 'M' || text === 'F')) return t(`civil.sex.${text}`);
  if (spec.type === 'choice') return spec.choices?.find((c) => c.value === text)?.label ?? text;
  if (spec.type === 'past_date') return formatDay(text, lang);
  return text;
}

export function FormDataList({
  fields,
  data,
}: {
  fields: FormFieldSpec[] | null;
  data: FormValues;
}) {
  const { t, lang } = useI18n();
  const specs = fields ?? [];
  // The catalogue's order first, then anything it does not know about.
  const names = [
    ...specs.map((spec) => spec.name).filter((name) => name in data),
    ...Object.keys(data).filter((name) => !specs.some((spec) => spec.name === name)),
  ];
  return (
    <dl class="facts facts--form facts--spaced" data-testid="form-data">
      {names.map((name) => {
        const spec = specs.find((item) => item.name === name);
        return (
          <div key={name}>
            <dt>{spec?.label ?? name}</dt>
            <dd>{displayValue(spec, data[name], lang, t)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

// --- timeline --------------------------------------------------------------------------------

const EVENT_KEYS: Record<string, MessageKey> = {
  created: 'civil.ev.created',
  updated: 'civil.ev.updated',
  document_uploaded: 'civil.ev.document_uploaded',
  submitted: 'civil.ev.submitted',
  claimed: 'civil.ev.claimed',
  revision_requested: 'civil.ev.revision_requested',
  resubmitted: 'civil.ev.resubmitted',
  approved: 'civil.ev.approved',
  completed: 'civil.ev.completed',
  rejected: 'civil.ev.rejected',
  cancelled: 'civil.ev.cancelled',
  document_viewed: 'civil.ev.document_viewed',
};

export function Timeline({
  events,
  docNames,
}: {
  events: TimelineEvent[];
  /** Requirement code → name, for document events. */
  docNames: Record<string, string>;
}) {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  return (
    <ol class="timeline" role="list">
      {events.map((event, index) => {
        const actor = event.actor_name || t('civil.ev.system');
        const kind = typeof event.data?.kind === 'string' ? event.data.kind : '';
        const doc = docNames[kind] ?? kind;
        let key = EVENT_KEYS[event.action];
        if (event.action === 'document_uploaded' && event.data?.replaced === true) {
          key = 'civil.ev.document_replaced';
        }
        const text = key
          ? t(key, { actor, doc })
          : t('civil.ev.other', { actor, action: event.action });
        const due = typeof event.data?.due_date === 'string' ? event.data.due_date : null;
        return (
          <li
            key={`${event.created_at}-${index}`}
            class={`timeline-item timeline-item--${event.action}`}
            data-testid="timeline-item"
            data-action={event.action}
          >
            <p class="timeline-text">{text}</p>
            <p class="timeline-meta">
              <time dateTime={event.created_at}>
                {formatDateTime(event.created_at, lang, timeZone)}
              </time>
              {event.to_status && (
                <>
                  {' · '}
                  {t('civil.ev.status', { status: event.to_status_label || event.to_status })}
                </>
              )}
            </p>
            {due && (
              <p class="timeline-meta">{t('civil.ev.due', { date: formatDay(due, lang) })}</p>
            )}
            {event.note && <p class="timeline-note">{event.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** Section with a heading whose id labels it. */
export function Section({
  id,
  title,
  children,
  class: className = 'card stack',
}: {
  id: string;
  title: ComponentChildren;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <section class={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
