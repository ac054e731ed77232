import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isApiError, type DownloadedFile } from '../../api/client';
import {
  fetchDocument,
  type CivilDocument,
  type CivilRequestDetail,
  type Requirement,
} from '../../api/civil';
import { translate, useI18n, type Lang } from '../../i18n';
import { newIdempotencyKey } from '../../lib/idempotency';
import { OutboxStateChip, useOutboxItems } from '../../offline/hooks';
import { storedFile, submitWrite, type OutboxItem } from '../../offline/outbox';
import { shrinkImage } from '../../lib/shrinkImage';
import { formatBytes, formatDateTime } from './format';
import { useTimeZone } from './ui';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const FILE_ACCEPT = 'image/*,application/pdf';

const isImage = (type: string) => type.startsWith('image/');

/** Saves a downloaded file through a temporary link (e.g. the receipt PDF). */
export function saveDownloadedFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename || fallbackName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An object URL for a blob, revoked when replaced or unmounted. */
function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

function describe(document: { content_type: string; size: number }, lang: Lang): string {
  const key = document.content_type === 'application/pdf' ? 'civil.doc.pdf' : 'civil.doc.image';
  return translate(lang, key, { size: formatBytes(document.size, lang) });
}

/** A file checked on the phone before sending: the server refuses these anyway. */
export function localFileProblem(file: File): 'tooLarge' | 'unsupported' | null {
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) return 'unsupported';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

// --- resident: upload rows ------------------------------------------------------------

type Phase = 'idle' | 'preparing' | 'uploading' | 'failed';

interface Pending {
  file: File;
  key: string;
}

function Thumbnail({
  requestId,
  document,
  local,
  name,
}: {
  requestId: string;
  document: CivilDocument;
  /** The file just sent from this phone, shown without downloading it again. */
  local: File | null;
  name: string;
}) {
  const { t } = useI18n();
  const [blob, setBlob] = useState<Blob | null>(local);
  const [failed, setFailed] = useState(false);
  const url = useObjectUrl(blob);

  useEffect(() => {
    if (local) {
      setBlob(local);
      return;
    }
    if (!isImage(document.content_type)) return;
    let active = true;
    fetchDocument(requestId, document)
      .then((file) => active && setBlob(file.blob))
      .catch(() => active && setFailed(true));
    return () => {
      active = false;
    };
  }, [document.id, local]);

  if (!isImage(document.content_type) || failed || !url) return null;
  return <img class="doc-thumb" src={url} alt={t('civil.doc.thumbAlt', { name })} />;
}

function DocumentRow({
  requestId,
  code,
  name,
  hint,
  required,
  document,
  canUpload,
  missing,
  onUploaded,
}: {
  requestId: string;
  code: string;
  name: string;
  hint: string;
  required: boolean;
  document: CivilDocument | undefined;
  canUpload: boolean;
  missing: boolean;
  onUploaded: (document: CivilDocument) => void;
}) {
  const { t, lang } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [canRetry, setCanRetry] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [local, setLocal] = useState<File | null>(null);
  const pending = useRef<Pending | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const headingId = `doc-${code}-name`;
  const queued = useOutboxItems(
    (item: OutboxItem) =>
      item.kind === 'civil.document' &&
      item.meta?.requestId === requestId &&
      item.meta?.code === code &&
      item.state !== 'sent',
  );
  const busy = phase === 'preparing' || phase === 'uploading' || queued.length > 0;

  const send = async () => {
    const job = pending.current;
    if (!job) return;
    setPhase('uploading');
    setPercent(0);
    setError(null);
    setCanRetry(false);
    setAnnounce(t('civil.doc.uploading', { name }));
    try {
      // Through the outbox: with no connection the photo waits on the phone
      // and is sent (once) when the connection is back.
      const outcome = await submitWrite<CivilDocument>(
        {
          kind: 'civil.document',
          path: `/civil/requests/${encodeURIComponent(requestId)}/documents/`,
          form: { fields: { kind: code }, files: { file: storedFile(job.file, job.file.name) } },
          key: job.key,
          summary: name,
          href: `/layanan/adminduk/permohonan/${requestId}`,
          meta: { requestId, code },
        },
        {
          onProgress: (loaded, total) => {
            if (mounted.current && total > 0) setPercent(Math.round((loaded / total) * 100));
          },
        },
      );
      if (!mounted.current) return;
      if (outcome.status === 'queued') {
        pending.current = null;
        setPhase('idle');
        setAnnounce(t('outbox.queued'));
        return;
      }
      const uploaded = outcome.result;
      pending.current = null;
      setPercent(100);
      setLocal(isImage(job.file.type) ? job.file : null);
      setPhase('idle');
      setAnnounce(t('civil.doc.done', { name }));
      onUploaded(uploaded);
    } catch (caught) {
      if (!mounted.current) return;
      const apiError = isApiError(caught) ? caught : null;
      setPhase('failed');
      setAnnounce('');
      setError(
        apiError?.fields.file?.join(' ') ||
          apiError?.fields.kind?.join(' ') ||
          apiError?.message ||
          t('error.generic'),
      );
      // A lost connection or a server hiccup: the same file may be sent again
      // with the same key, so a second copy is never stored.
      const retryable = !apiError || apiError.isNetworkError || apiError.status >= 500;
      setCanRetry(retryable);
      if (!retryable) pending.current = null;
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setCanRetry(false);
    setPhase('preparing');
    setAnnounce(isImage(file.type) ? t('civil.doc.preparing') : '');
    const prepared = await shrinkImage(file);
    if (!mounted.current) return;
    const problem = localFileProblem(prepared);
    if (problem) {
      setPhase('failed');
      setError(t(problem === 'tooLarge' ? 'civil.doc.tooLarge' : 'civil.doc.unsupported'));
      return;
    }
    pending.current = { file: prepared, key: newIdempotencyKey() };
    await send();
  };

  const pick = (camera: boolean) => {
    const input = inputRef.current;
    if (!input) return;
    if (camera) input.setAttribute('capture', 'environment');
    else input.removeAttribute('capture');
    input.click();
  };

  const stateClass = document
    ? 'doc-row doc-row--done'
    : missing
      ? 'doc-row doc-row--missing'
      : 'doc-row';

  return (
    <li class={stateClass} data-testid="doc-row" data-kind={code} aria-labelledby={headingId}>
      <div class="doc-head">
        <h3 id={headingId} class="doc-name">
          {name}
        </h3>
        <span class={required ? 'tag tag--required' : 'tag'}>
          {required ? t('civil.required') : t('civil.optional')}
        </span>
      </div>
      {hint && <p class="field-hint">{hint}</p>}
      {document ? (
        <div class="doc-uploaded" data-testid="doc-uploaded">
          <p class="doc-state doc-state--ok">
            <span aria-hidden="true">✓ </span>
            {t('civil.doc.uploaded')} · {describe(document, lang)}
          </p>
          <Thumbnail requestId={requestId} document={document} local={local} name={name} />
        </div>
      ) : (
        <p class="doc-state">{t('civil.doc.notUploaded')}</p>
      )}
      {!document && queued[0] && (
        <p class="doc-state" data-testid="doc-queued">
          {t('outbox.queued')} <OutboxStateChip item={queued[0]} />
        </p>
      )}
      {missing && !document && (
        <p class="field-error" id={`doc-${code}-missing`}>
          {t('civil.doc.missing')}
        </p>
      )}
      {canUpload && (
        <div class="doc-actions">
          <input
            ref={inputRef}
            type="file"
            class="visually-hidden"
            name={`file-${code}`}
            accept={FILE_ACCEPT}
            capture="environment"
            tabIndex={-1}
            aria-label={t('civil.doc.inputLabel', { name })}
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              void onFile(file).finally(() => {
                // Choosing the same file again must trigger a new upload.
                input.value = '';
              });
            }}
          />
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => pick(true)}
          >
            {t('civil.doc.camera')}
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => pick(false)}
          >
            {t('civil.doc.choose')}
          </button>
        </div>
      )}
      {phase === 'preparing' && <p class="small muted">{t('civil.doc.preparing')}</p>}
      {phase === 'uploading' && (
        <div class="upload-progress">
          <label for={`doc-${code}-progress`}>{t('civil.doc.uploading', { name })}</label>
          <div class="upload-progress-bar">
            <progress
              id={`doc-${code}-progress`}
              data-testid="upload-progress"
              max={100}
              value={percent}
            >
              {percent}%
            </progress>
            <span aria-hidden="true">{percent}%</span>
          </div>
        </div>
      )}
      {error && (
        <div class="doc-error" role="alert">
          <p class="field-error">{error}</p>
          {canRetry && (
            <button type="button" class="button button--small" onClick={() => void send()}>
              {t('civil.doc.retry')}
            </button>
          )}
        </div>
      )}
      <p class="visually-hidden" role="status">
        {announce}
      </p>
    </li>
  );
}

/** The required documents of a request, each with its upload controls when allowed. */
export function ResidentDocuments({
  request,
  requirements,
  missing,
  onUploaded,
}: {
  request: CivilRequestDetail;
  /** The service's requirements (for the hints), when loaded. */
  requirements: Requirement[] | null;
  /** Codes the server reported missing on submit. */
  missing: string[];
  onUploaded: (document: CivilDocument) => void;
}) {
  const canUpload = request.allowed_actions.includes('upload');
  const byKind = new Map(request.documents.map((doc) => [doc.kind, doc]));
  return (
    <ul class="doc-list" role="list">
      {request.required_documents.map((item) => (
        <DocumentRow
          key={item.code}
          requestId={request.id}
          code={item.code}
          name={item.name}
          hint={requirements?.find((req) => req.code === item.code)?.hint ?? ''}
          required={item.required}
          document={byKind.get(item.code)}
          canUpload={canUpload}
          missing={missing.includes(item.code)}
          onUploaded={onUploaded}
        />
      ))}
    </ul>
  );
}

// --- officer: viewer -------------------------------------------------------------------------

function ViewableDocument({ requestId, document }: { requestId: string; document: CivilDocument }) {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  const [file, setFile] = useState<DownloadedFile | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const url = useObjectUrl(file?.blob ?? null);
  const pdf = (file?.contentType ?? document.content_type) === 'application/pdf';

  const open = async () => {
    if (file) {
      setShown(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Each fetch is recorded on the request's history.
      setFile(await fetchDocument(requestId, document));
      setShown(true);
    } catch (caught) {
      setError(
        isApiError(caught) ? caught : new ApiError(0, 'client_error', t('civil.doc.loadError')),
      );
    } finally {
      setBusy(false);
    }
  };

  const headingId = `view-${document.id}`;
  return (
    <li
      class="viewer-item"
      data-testid="document"
      data-kind={document.kind}
      aria-labelledby={headingId}
    >
      <div class="doc-head">
        <h3 id={headingId} class="doc-name">
          {document.kind_name}
        </h3>
      </div>
      <p class="small muted">
        {describe(document, lang)} ·{' '}
        {t('civil.doc.uploadedAt', { date: formatDateTime(document.created_at, lang, timeZone) })}
      </p>
      <div class="doc-actions">
        {shown && url && pdf ? (
          <a
            class="button button--small button--primary"
            href={url}
            target="_blank"
            rel="noopener"
            data-testid="document-open"
          >
            {t('civil.doc.openPdf')}
          </a>
        ) : (
          <button
            type="button"
            class="button button--small"
            data-testid="document-view"
            aria-describedby={headingId}
            aria-expanded={shown}
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={() => (shown ? setShown(false) : void open())}
          >
            {busy ? t('common.processing') : shown ? t('civil.doc.hide') : t('civil.doc.view')}
          </button>
        )}
      </div>
      {error && (
        <p class="field-error" role="alert">
          {t('civil.doc.loadError')} {error.message}
        </p>
      )}
      {shown && url && !pdf && (
        <img class="doc-full" src={url} alt={document.kind_name} data-testid="document-image" />
      )}
    </li>
  );
}

/** The documents of a request for an officer: opened on demand, each view recorded. */
export function DocumentViewer({ request }: { request: CivilRequestDetail }) {
  const { t } = useI18n();
  if (!request.documents.length) return <p class="muted">{t('civil.doc.none')}</p>;
  return (
    <>
      <p class="small muted">{t('civil.doc.viewNote')}</p>
      <ul class="doc-list" role="list">
        {request.documents.map((document) => (
          <ViewableDocument key={document.id} requestId={request.id} document={document} />
        ))}
      </ul>
    </>
  );
}
