import { listRequests, nextPage } from '../../api/civil';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/civil';
import { usePagedList } from './hooks';
import { CIVIL_BASE, requestPath } from './paths';
import { LoadMore, RequestListItem } from './RequestList';
import { BackLink, ErrorNotice } from './ui';

function MyRequests() {
  const { t } = useI18n();
  const list = usePagedList(() => listRequests({ scope: 'mine' }), nextPage, []);
  usePageTitle(t('civil.mine.title'));
  return (
    <div class="stack stack--loose" data-testid="civil-my-requests-page">
      <header class="page-header">
        <BackLink href={CIVIL_BASE}>{t('civil.back.catalogue')}</BackLink>
        <PageHeading>{t('civil.mine.title')}</PageHeading>
      </header>
      <p>
        <a class="button button--primary" href={CIVIL_BASE}>
          {t('civil.mine.new')}
        </a>
      </p>
      {list.error && !list.items && (
        <ErrorNotice
          error={list.error}
          intro={t('civil.listError')}
          onRetry={() => void list.reload()}
        />
      )}
      {!list.items && !list.error && <Loading />}
      {list.items && list.items.length === 0 && <p class="muted">{t('civil.mine.empty')}</p>}
      {list.items && list.items.length > 0 && (
        <section class="stack" aria-labelledby="civil-mine-count">
          <h2 id="civil-mine-count" class="visually-hidden">
            {t('civil.count', { count: list.count })}
          </h2>
          <ul class="request-list" role="list">
            {list.items.map((request) => (
              <RequestListItem key={request.id} request={request} href={requestPath(request.id)} />
            ))}
          </ul>
          <LoadMore
            hasMore={list.hasMore}
            loading={list.loadingMore}
            error={list.moreError}
            onLoad={() => void list.loadMore()}
          />
        </section>
      )}
    </div>
  );
}

export function MyRequestsPage() {
  return (
    <RequireAuth>
      <MyRequests />
    </RequireAuth>
  );
}
