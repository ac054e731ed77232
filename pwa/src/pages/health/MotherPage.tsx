import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import { getMother, linkAccount, type MotherDetail } from '../../api/health';
import { FormError, SubmitButton, useSubmit } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { formatDay } from '../civil/format';
import { useResource } from '../civil/hooks';
import { NotFoundContent } from '../NotFound';
import { MotherBook } from './MotherBook';
import { AddChildForm, NewPregnancyForm } from './MotherForms';
import { childPath, MOTHERS_PATH, pregnancyPath, WORKLIST_PATH } from './paths';
import { BackLink, ErrorNotice, OpenButton, useOpenForm } from './ui';

function Identity({ mother }: { mother: MotherDetail }) {
  const { t, lang } = useI18n();
  return (
    <dl class="facts facts--inline kia-identity">
      <div>
        <dt>{t('profile.nik')}</dt>
        <dd class="nik">{mother.nik_masked}</dd>
      </div>
      <div>
        <dt>{t('kia.mother.age')}</dt>
        <dd>
          {t('kia.mother.years', { n: mother.age_years })} ({formatDay(mother.birth_date, lang)})
        </dd>
      </div>
      <div>
        <dt>{t('profile.village')}</dt>
        <dd>
          {mother.village.name}, {mother.village.district.name}
        </dd>
      </div>
      <div>
        <dt>{t('profile.phone')}</dt>
        <dd>{mother.phone_masked ?? t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('kia.mother.account')}</dt>
        <dd>{mother.has_account ? t('kia.mother.hasAccount') : t('kia.mother.noAccount')}</dd>
      </div>
    </dl>
  );
}

/**
 * A book is linked to the mother's Pintu Warga account automatically only when
 * the phone numbers match; otherwise the midwife links it after checking her
 * KTP in person.
 */
function LinkAccount({
  mother,
  onLinked,
}: {
  mother: MotherDetail;
  onLinked: (m: MotherDetail) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const submit = useSubmit([]);
  if (!asking) {
    return (
      <div class="notice stack" data-testid="link-account">
        <p>{t('kia.link.intro')}</p>
        <p>
          <button type="button" class="button button--small" onClick={() => setAsking(true)}>
            {t('kia.link.button')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <form
      ref={submit.formRef}
      class="notice stack"
      data-testid="link-account"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run(async () => onLinked(await linkAccount(mother.id)));
      }}
    >
      <FormError state={submit} id="kia-link-error" />
      <p>
        <strong>{t('kia.link.confirm', { name: mother.full_name })}</strong>
      </p>
      <div class="kia-actions">
        <SubmitButton busy={submit.busy}>{t('kia.link.submit')}</SubmitButton>
        <button type="button" class="button" onClick={() => setAsking(false)}>
          {t('kia.cancel')}
        </button>
      </div>
    </form>
  );
}

function Mother({ id }: { id: string }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const mother = useResource(() => getMother(id), [id]);
  const forms = useOpenForm<'pregnancy' | 'child'>();
  usePageTitle(mother.data?.full_name ?? t('kia.mothers.title'));

  if (mother.error?.status === 404) return <NotFoundContent />;
  const data = mother.data;
  return (
    <div class="stack stack--loose" data-testid="kia-mother">
      <header class="page-header">
        <BackLink href={WORKLIST_PATH}>{t('roleTile.health_worker')}</BackLink>
        <PageHeading>{data?.full_name ?? t('kia.mothers.title')}</PageHeading>
        {data && <Identity mother={data} />}
      </header>
      {mother.error && !data && (
        <ErrorNotice
          error={mother.error}
          intro={t('kia.loadError')}
          onRetry={() => void mother.reload()}
        />
      )}
      {!data && !mother.error && <Loading />}
      {data && data.can_edit && (
        <div class="kia-actions">
          {data.ongoing_pregnancy && !forms.open && (
            <a
              class="button button--primary kia-action"
              href={`${pregnancyPath(data.ongoing_pregnancy.id)}?catat=kunjungan`}
            >
              {t('kia.visit.record')}
            </a>
          )}
          {forms.open !== 'pregnancy' && (
            <OpenButton
              testId="new-pregnancy"
              primary={!data.ongoing_pregnancy}
              onOpen={() => forms.show('pregnancy')}
            >
              {t('kia.newPregnancy')}
            </OpenButton>
          )}
          {forms.open !== 'child' && (
            <OpenButton testId="add-child" primary={false} onOpen={() => forms.show('child')}>
              {t('kia.addChild')}
            </OpenButton>
          )}
        </div>
      )}
      {data && data.can_edit && !data.has_account && !forms.open && (
        <LinkAccount mother={data} onLinked={(linked) => mother.set(linked)} />
      )}
      {data && forms.open === 'pregnancy' && (
        <NewPregnancyForm
          mother={data}
          onCancel={forms.close}
          onSaved={(pregnancy) => route(pregnancyPath(pregnancy.id))}
        />
      )}
      {data && forms.open === 'child' && (
        <AddChildForm
          motherId={data.id}
          onCancel={forms.close}
          onSaved={(child) => route(childPath(child.id))}
        />
      )}
      {data && <MotherBook mother={data} editor />}
      <p>
        <a class="kia-textlink" href={MOTHERS_PATH}>
          {t('kia.mothers.all')}
        </a>
      </p>
    </div>
  );
}

function Guard() {
  const { params } = useRoute();
  return <Mother id={params.id ?? ''} />;
}

export function MotherPage() {
  return (
    <RequireAuth>
      <Guard />
    </RequireAuth>
  );
}
