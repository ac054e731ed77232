import type { CivilRequestSummary } from '../../api/civil';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDay } from './format';
import { OverdueMark, StatusBadge } from './ui';

/** One request in a list: a link with its code, service, status and deadline. */
export function RequestListItem({
  request,
  href,
  officer = false,
}: {
  request: CivilRequestSummary;
  href: string;
  /** Queue rows also show the applicant, the village and who handles it. */
  officer?: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <li>
      <a
        class={request.overdue ? 'request-item request-item--overdue' : 'request-item'}
        href={href}
        data-testid={officer ? 'queue-row' : 'request-row'}
        data-code={request.tracking_code}
        data-status={request.status}
        data-overdue={request.overdue ? 'true' : undefined}
      >
        <span class="request-item-head">
          <span class="request-code">{request.tracking_code}</span>
          <StatusBadge status={request.status} label={request.status_label} />
        </span>
        <span class="request-service">{request.service.name}</span>
        {officer && (
          <span class="request-meta">
            {request.applicant_name} · {request.applicant_nik_masked} · {request.village.name}
          </span>
        )}
        {(request.due_date || request.overdue) && (
          <span class="request-meta">
            {request.due_date && (
              <span class={request.overdue ? 'due due--late' : 'due'}>
                {t('officer.due', { date: formatDay(request.due_date, lang) })}
              </span>
            )}
            {request.overdue && (
              <>
                {' '}
                <OverdueMark />
              </>
            )}
          </span>
        )}
        {officer && request.assigned_officer_name && (
          <span class="request-meta">
            {t('officer.assigned', { name: request.assigned_officer_name })}
          </span>
        )}
      </a>
    </li>
  );
}

export function LoadMore({
  hasMore,
  loading,
  error,
  onLoad,
}: {
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  onLoad: () => void;
}) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div class="load-more">
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
      <button
        type="button"
        class="button"
        data-testid="load-more"
        disabled={loading}
        aria-busy={loading || undefined}
        onClick={onLoad}
      >
        {loading ? t('common.loading') : t('civil.loadMore')}
      </button>
    </div>
  );
}
