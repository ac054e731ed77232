import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isApiError } from '../api/client';
import type { FieldErrors } from '../api/types';
import { t, useI18n } from '../i18n';

// --- submit state -------------------------------------------------------------

export interface SubmitState {
  busy: boolean;
  error: ApiError | null;
  /** Per-field messages for the inputs this form shows. */
  fieldErrors: FieldErrors;
  /** Messages for fields the form does not show (listed with the form error). */
  otherMessages: string[];
  run: (action: () => Promise<void>) => Promise<void>;
  fail: (error: ApiError) => void;
  reset: () => void;
  formRef: { current: HTMLFormElement | null };
  errorRef: { current: HTMLDivElement | null };
}

/**
 * Runs a form's request: tracks the in-flight state, keeps the server's error
 * (form message and per-field messages) and moves focus to the first invalid
 * field, or to the form error, when a request fails.
 */
export function useSubmit(knownFields: readonly string[]): SubmitState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [errorSerial, setErrorSerial] = useState(0);
  const mounted = useRef(true);
  const busyRef = useRef(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const errorRef = useRef<HTMLDivElement | null>(null);

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  useEffect(() => {
    if (!error) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? errorRef.current)?.focus();
  }, [errorSerial]);

  const fail = (next: ApiError) => {
    setError(next);
    setErrorSerial((n) => n + 1);
  };

  const run = async (action: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (mounted.current) {
        fail(isApiError(caught) ? caught : new ApiError(0, 'client_error', t('error.generic')));
      }
    } finally {
      busyRef.current = false;
      if (mounted.current) setBusy(false);
    }
  };

  const fieldErrors: FieldErrors = {};
  const otherMessages: string[] = [];
  for (const [name, messages] of Object.entries(error?.fields ?? {})) {
    if (knownFields.includes(name)) fieldErrors[name] = messages;
    else otherMessages.push(...messages);
  }

  return {
    busy,
    error,
    fieldErrors,
    otherMessages,
    run,
    fail,
    reset: () => setError(null),
    formRef,
    errorRef,
  };
}

// --- form-level error -----------------------------------------------------------

export function FormError({ state, id }: { state: SubmitState; id: string }) {
  const { error, otherMessages } = state;
  return (
    <div
      id={id}
      ref={state.errorRef}
      class={error ? 'form-error' : 'form-error form-error--empty'}
      role="alert"
      tabIndex={-1}
      data-testid={error ? 'form-error' : undefined}
    >
      {error && (
        <>
          <p>{error.message}</p>
          {otherMessages.length > 0 && (
            <ul>
              {otherMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

// --- submit button --------------------------------------------------------------

export function SubmitButton({
  busy,
  children,
  class: className = 'button button--primary',
}: {
  busy: boolean;
  children: ComponentChildren;
  class?: string;
}) {
  const { t: tr } = useI18n();
  return (
    <button type="submit" class={className} disabled={busy} aria-busy={busy || undefined}>
      {busy ? tr('common.processing') : children}
    </button>
  );
}

// --- fields -----------------------------------------------------------------------

function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      {errors.join(' ')}
    </p>
  );
}

interface BaseFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  required?: boolean;
}

type InputAttributes = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'value' | 'onInput' | 'label'
>;

export function TextField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  value,
  onValue,
  ...inputProps
}: BaseFieldProps & InputAttributes & { value: string; onValue: (value: string) => void }) {
  const invalid = Boolean(errors?.length);
  return (
    <div class={invalid ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <input
        {...inputProps}
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  value,
  options,
  placeholder,
  disabled,
  onValue,
}: BaseFieldProps & {
  value: string;
  options: Option[];
  placeholder?: string;
  disabled?: boolean;
  onValue: (value: string) => void;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div class={invalid ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export function RadioGroup({
  id,
  name,
  label,
  hint,
  errors,
  required,
  value,
  options,
  onValue,
}: BaseFieldProps & { value: string; options: Option[]; onValue: (value: string) => void }) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset
      class={invalid ? 'field field--invalid radio-group' : 'field radio-group'}
      aria-describedby={describedBy(id, hint, errors)}
    >
      <legend>{label}</legend>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <div class="radio-options">
        {options.map((option) => (
          <label key={option.value} class="radio" for={`${id}-${option.value}`}>
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              required={required}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={describedBy(id, hint, errors)}
              onChange={() => onValue(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} errors={errors} />
    </fieldset>
  );
}
