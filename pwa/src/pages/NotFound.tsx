import { PageHeading, usePageTitle } from '../components/page';
import { useI18n } from '../i18n';

export function NotFoundContent() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <section class="stack" data-testid="not-found">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <a class="button button--primary" href="/">
          {t('common.backHome')}
        </a>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  return <NotFoundContent />;
}
