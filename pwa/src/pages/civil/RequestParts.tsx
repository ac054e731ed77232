import { useState } from 'preact/hooks';
import { isApiError, type ApiError } from '../../api/client';
import { fetchReceipt, type CivilRequestDetail } from '../../api/civil';
import { useI18n } from '../../i18n';
import { saveDownloadedFile } from './Documents';
import { formatDateTime } from './format';
import { DueInfo, FreeBadge, LateNote, StatusBadge, TrackingCode, useTimeZone } from './ui';

/** Requirement code → document name, for the timeline. */
export function docNamesOf(request: CivilRequestDetail): Record<string, string> {
  const names: Record<string, string> = {};
  for (const item of request.required_documents) names[item.code] = item.name;
  for (const doc of request.documents) names[doc.kind] = doc.kind_name;
  return names;
}

/** Status, deadline and the notes that matter in the request's current state. */
export function RequestStatusBlock({
  request,
  showTracking = true,
}: {
  request: CivilRequestDetail;
  showTracking?: boolean;
}) {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  return (
    <div class="card stack request-summary">
      {showTracking && <TrackingCode code={request.tracking_code} />}
      <p class="status-row">
        <span class="status-row-label">{t('civil.statusLabel')}: </span>
        <StatusBadge status={request.status} label={request.status_label} testId="request-status" />
      </p>
      <DueInfo request={request} />
      <dl class="facts facts--inline facts--spaced">
        {request.submitted_at && (
          <div>
            <dt>{t('civil.submittedAt')}</dt>
            <dd>{formatDateTime(request.submitted_at, lang, timeZone)}</dd>
          </div>
        )}
        {request.completed_at && (
          <div>
            <dt>{t('civil.completedAt')}</dt>
            <dd>{formatDateTime(request.completed_at, lang, timeZone)}</dd>
          </div>
        )}
        <div>
          <dt>{t('civil.fee')}</dt>
          <dd>
            <FreeBadge label={request.fee_label} />
          </dd>
        </div>
      </dl>
      <LateNote request={request} />
    </div>
  );
}

/** Revision note, rejection reason or the issued document's number. */
export function OutcomeNotes({
  request,
  audience = 'resident',
}: {
  request: CivilRequestDetail;
  audience?: 'resident' | 'officer';
}) {
  const { t } = useI18n();
  return (
    <>
      {request.status === 'needs_revision' && request.revision_note && (
        <div class="notice notice--revision" data-testid="revision-note">
          <h2 class="notice-title">
            {audience === 'resident' ? t('civil.revision.title') : t('civil.revision.officerTitle')}
          </h2>
          <p class="revision-text">{request.revision_note}</p>
          {audience === 'resident' && <p class="small">{t('civil.revision.hint')}</p>}
        </div>
      )}
      {request.status === 'rejected' && (
        <div class="notice notice--error" data-testid="rejection">
          <h2 class="notice-title">{t('civil.rejected.title')}</h2>
          {request.rejection_reason && <p>{request.rejection_reason}</p>}
        </div>
      )}
      {request.status === 'completed' && (
        <div class="notice notice--done" data-testid="completed">
          <h2 class="notice-title">{t('civil.completed.title')}</h2>
          {request.output_document_number && (
            <p>
              {t('civil.outputNumber')}:{' '}
              <strong class="output-number" data-testid="output-number">
                {request.output_document_number}
              </strong>
            </p>
          )}
        </div>
      )}
    </>
  );
}

export function ReceiptButton({ request }: { request: CivilRequestDetail }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  if (request.status === 'draft') return null;
  const download = async () => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const file = await fetchReceipt(request.id);
      saveDownloadedFile(file, `tanda-terima-${request.tracking_code}.pdf`);
      setDone(t('civil.receiptSaved'));
    } catch (caught) {
      if (isApiError(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="receipt">
      <button
        type="button"
        class="button"
        data-testid="receipt"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void download()}
      >
        {busy ? t('common.processing') : t('civil.receipt')}
      </button>
      <p class="small muted" role="status">
        {done}
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
