import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import type { ApiError } from '../../api/client';
import { updateRequest, type CivilRequestDetail, type CivilService } from '../../api/civil';
import { FormError, SubmitButton, useSubmit } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { useWhenSent } from '../../offline/hooks';
import { NotFoundContent } from '../NotFound';
import { ActionBar } from './ActionBar';
import {
  CivilFields,
  fieldErrorKeys,
  initialValues,
  toFormData,
  type FieldValues,
} from './CivilForm';
import { ResidentDocuments } from './Documents';
import { useRequestDetail, useServices } from './hooks';
import { MY_REQUESTS_PATH } from './paths';
import { docNamesOf, OutcomeNotes, ReceiptButton, RequestStatusBlock } from './RequestParts';
import { BackLink, ErrorNotice, FormDataList, Section, Timeline } from './ui';

function EditForm({
  request,
  service,
  onSaved,
  onClose,
}: {
  request: CivilRequestDetail;
  service: CivilService;
  onSaved: (updated: CivilRequestDetail) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const fields = service.form_fields;
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields, request.form_data));
  const submit = useSubmit(fieldErrorKeys(fields));
  useEffect(() => {
    submit.formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      onSaved(await updateRequest(request.id, { form_data: toFormData(fields, values) }));
    });
  };
  return (
    <form
      ref={submit.formRef}
      class="form"
      method="post"
      noValidate
      onSubmit={onSubmit}
      data-testid="civil-edit-form"
    >
      <FormError state={submit} id="civil-edit-error" />
      <CivilFields
        idPrefix="civil-edit"
        fields={fields}
        values={values}
        errors={submit.fieldErrors}
        onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
      />
      <SubmitButton busy={submit.busy}>{t('civil.editSave')}</SubmitButton>
      <button type="button" class="button" onClick={onClose}>
        {t('civil.editClose')}
      </button>
    </form>
  );
}

function FormDataSection({
  request,
  service,
  onSaved,
}: {
  request: CivilRequestDetail;
  service: CivilService | undefined;
  onSaved: (updated: CivilRequestDetail) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const canEdit = request.allowed_actions.includes('update') && Boolean(service);
  useEffect(() => {
    if (!canEdit) setEditing(false);
  }, [canEdit]);
  return (
    <Section id="civil-form-data" title={t('civil.formData')}>
      {editing && service ? (
        <EditForm
          request={request}
          service={service}
          onSaved={(updated) => {
            setEditing(false);
            setSaved(t('civil.saved'));
            onSaved(updated);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
          onClose={() => {
            setEditing(false);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <FormDataList fields={service?.form_fields ?? null} data={request.form_data} />
          <p class="form-status" role="status">
            {saved}
          </p>
          {canEdit && (
            <button
              ref={editButton}
              type="button"
              class="button"
              data-testid="action-update"
              onClick={() => {
                setSaved('');
                setEditing(true);
              }}
            >
              {t('civil.edit')}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function ResidentRequest({ id }: { id: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const detail = useRequestDetail(id);
  // A document or the submission kept on the phone has arrived.
  useWhenSent(
    (item) => item.meta?.requestId === id,
    () => void detail.reload(),
  );
  const services = useServices();
  const [missing, setMissing] = useState<string[]>([]);
  const documentsHeading = useRef<HTMLHeadingElement>(null);
  const request = detail.data;
  const service = services.data?.find((item) => item.code === request?.service.code);
  const justCreated = query.baru === '1';
  usePageTitle(
    request ? t('civil.request.title', { code: request.tracking_code }) : t('civil.title'),
  );

  // Straight after creating the draft, the next step is the documents.
  useEffect(() => {
    if (justCreated && request) {
      setTimeout(() => documentsHeading.current?.focus(), 50);
    }
  }, [justCreated, Boolean(request)]);

  if (!request) {
    if (detail.error?.status === 404) return <NotFoundContent />;
    return (
      <div class="stack">
        <BackLink href={MY_REQUESTS_PATH}>{t('civil.back.mine')}</BackLink>
        <PageHeading>{t('civil.title')}</PageHeading>
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
    if (error.code === 'documents_missing') {
      const codes = error.fields.documents ?? [];
      setMissing(codes);
      void detail.reload();
    } else if (error.status === 409) {
      void detail.reload();
    }
  };

  return (
    <div class="stack stack--loose" data-testid="civil-request" data-status={request.status}>
      <header class="page-header">
        <BackLink href={MY_REQUESTS_PATH}>{t('civil.back.mine')}</BackLink>
        <PageHeading>{request.service.name}</PageHeading>
      </header>
      {justCreated && request.status === 'draft' && (
        <p class="notice" role="status">
          {t('civil.created')}
        </p>
      )}
      <OutcomeNotes request={request} />
      <RequestStatusBlock request={request} />
      {request.status === 'draft' && !justCreated && (
        <p class="small muted">{t('civil.draftHint')}</p>
      )}
      <ReceiptButton request={request} />
      <section class="card stack" aria-labelledby="civil-documents">
        <h2 id="civil-documents" ref={documentsHeading} tabIndex={-1}>
          {t('civil.documents')}
        </h2>
        {request.allowed_actions.includes('upload') && (
          <p class="small muted">{t('civil.documentsHint')}</p>
        )}
        <ResidentDocuments
          request={request}
          requirements={service?.requirements ?? null}
          missing={missing}
          onUploaded={(document) => {
            setMissing((codes) => codes.filter((code) => code !== document.kind));
            void detail.reload();
          }}
        />
      </section>
      <ActionBar
        request={request}
        onDone={(updated) => {
          setMissing([]);
          detail.set(updated);
        }}
        onError={onRefused}
      />
      <FormDataSection request={request} service={service} onSaved={detail.set} />
      <Section id="civil-timeline" title={t('civil.timeline')}>
        <Timeline events={request.timeline} docNames={docNamesOf(request)} />
      </Section>
    </div>
  );
}

function RequestRoute() {
  const { params } = useRoute();
  const id = params.id ?? '';
  return <ResidentRequest key={id} id={id} />;
}

export function RequestPage() {
  return (
    <RequireAuth>
      <RequestRoute />
    </RequireAuth>
  );
}
