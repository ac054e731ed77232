import { getMyBook } from '../../api/health';
import type { Me } from '../../api/types';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { useSession } from '../../session';
import { useResource } from '../civil/hooks';
import { MotherBook } from './MotherBook';
import { KIA_STATS_PATH, WORKLIST_PATH } from './paths';
import { BackLink, ErrorNotice, hasRole } from './ui';

function NoBook({ user }: { user: Me }) {
  const { t } = useI18n();
  return (
    <section class="card stack" data-testid="kia-no-book" aria-labelledby="kia-no-book">
      <h2 id="kia-no-book">{t('kia.mine.none.title')}</h2>
      <p>{t('kia.mine.none.body')}</p>
      <p class="small muted">{t('kia.mine.none.hint')}</p>
      {hasRole(user, ['health_worker']) && (
        <p>
          <a class="button button--primary" href={WORKLIST_PATH}>
            {t('roleTile.health_worker')}
          </a>
        </p>
      )}
      {hasRole(user, ['regency_admin']) && !hasRole(user, ['health_worker']) && (
        <p>
          <a class="button" href={KIA_STATS_PATH}>
            {t('kia.stats.title')}
          </a>
        </p>
      )}
    </section>
  );
}

function MyBook({ user }: { user: Me }) {
  const { t } = useI18n();
  const book = useResource(getMyBook, []);
  usePageTitle(t('kia.mine.title'));
  const missing = book.error?.status === 404;
  return (
    <div class="stack stack--loose" data-testid={book.data ? 'kia-home' : undefined}>
      <header class="page-header">
        <BackLink href="/">{t('nav.home')}</BackLink>
        <PageHeading>{t('kia.mine.title')}</PageHeading>
        {book.data && <p class="lead">{book.data.full_name}</p>}
      </header>
      {missing && <NoBook user={user} />}
      {book.error && !missing && !book.data && (
        <ErrorNotice
          error={book.error}
          intro={t('kia.loadError')}
          onRetry={() => void book.reload()}
        />
      )}
      {!book.data && !book.error && <Loading />}
      {book.data && <MotherBook mother={book.data} editor={false} />}
    </div>
  );
}

export function MyBookPage() {
  const { user } = useSession();
  return <RequireAuth>{user && <MyBook user={user} />}</RequireAuth>;
}
