import { useRoute } from 'preact-iso/router';
import type { ApiError } from '../../api/client';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { useSession } from '../../session';
import { NotFoundContent } from '../NotFound';
import { ActionBar } from './ActionBar';
import { DocumentViewer } from './Documents';
import { useRequestDetail, useServices } from './hooks';
import { OFFICER_BASE } from './paths';
import { docNamesOf, OutcomeNotes, RequestStatusBlock } from './RequestParts';
import { BackLink, ErrorNotice, FormDataList, Section, Timeline } from './ui';

function OfficerRequest({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useRequestDetail(id);
  const services = useServices();
  const request = detail.data;
  const service = services.data?.find((item) => item.code === request?.service.code);
  usePageTitle(
    request ? t('civil.request.title', { code: request.tracking_code }) : t('officer.requestTitle'),
  );

  if (!request) {
    if (detail.error?.status === 404) return <NotFoundContent />;
    return (
      <div class="stack">
        <BackLink href={OFFICER_BASE}>{t('civil.back.queue')}</BackLink>
        <PageHeading>{t('officer.requestTitle')}</PageHeading>
        {detail.error ? (
          <ErrorNotice
            error={detail.error}
            intro={t('civil.loadError')}
            onRetry={() => void detail.reload()}
          />
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const onRefused = (error: ApiError) => {
    // Someone else changed the request meanwhile: show its current state.
    if (error.status === 409 || error.status === 404) void detail.reload();
  };

  return (
    <div class="stack stack--loose" data-testid="officer-request" data-status={request.status}>
      <header class="page-header">
        <BackLink href={OFFICER_BASE}>{t('civil.back.queue')}</BackLink>
        <PageHeading>{request.service.name}</PageHeading>
      </header>
      <RequestStatusBlock request={request} />
      <Section id="officer-applicant" title={t('civil.applicant')}>
        <dl class="facts facts--spaced">
          <div>
            <dt>{t('profile.fullName')}</dt>
            <dd data-testid="applicant-name">{request.applicant_name}</dd>
          </div>
          <div>
            <dt>{t('profile.nik')}</dt>
            <dd class="nik" data-testid="applicant-nik">
              {request.applicant_nik}
            </dd>
          </div>
          <div>
            <dt>{t('civil.area')}</dt>
            <dd>
              {t('civil.areaValue', {
                village: request.village.name,
                district: request.district.name,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('civil.officer')}</dt>
            <dd>{request.assigned_officer_name ?? t('civil.unassigned')}</dd>
          </div>
        </dl>
      </Section>
      <OutcomeNotes request={request} audience="officer" />
      <Section id="officer-form-data" title={t('civil.formData')}>
        <FormDataList fields={service?.form_fields ?? null} data={request.form_data} />
      </Section>
      <Section id="officer-documents" title={t('civil.documents')}>
        <DocumentViewer request={request} />
      </Section>
      <ActionBar request={request} onDone={(updated) => detail.set(updated)} onError={onRefused} />
      <Section id="officer-timeline" title={t('civil.timeline')}>
        <Timeline events={request.timeline} docNames={docNamesOf(request)} />
      </Section>
    </div>
  );
}

function OfficerRequestRoute() {
  const { params } = useRoute();
  const { user } = useSession();
  if (!user) return null;
  if (!user.roles.includes('civil_officer')) return <NotFoundContent />;
  const id = params.id ?? '';
  return <OfficerRequest key={id} id={id} />;
}

export function OfficerRequestPage() {
  return (
    <RequireAuth>
      <OfficerRequestRoute />
    </RequireAuth>
  );
}
