import { useState } from 'preact/hooks';
import { getAccessLog, getMyBookId, nextPage, type AccessLogEntry } from '../../api/health';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/health';
import { formatDateTime } from '../civil/format';
import { usePagedList, useResource } from '../civil/hooks';
import { LoadMore } from '../civil/RequestList';
import { KIA_BASE } from './paths';
import { BackLink, ErrorNotice, useTimeZone } from './ui';

function Entry({ entry }: { entry: AccessLogEntry }) {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  return (
    <li
      class={entry.is_self ? 'kia-log kia-log--self' : 'kia-log'}
      data-testid="access-log-row"
      data-kind={entry.kind}
      data-self={entry.is_self ? 'true' : 'false'}
    >
      <p class="kia-log-who">
        <strong>
          {entry.is_self ? t('kia.access.you') : (entry.actor?.name ?? t('kia.access.system'))}
        </strong>
        {entry.actor && <span class="tag">{entry.actor.role_label}</span>}
      </p>
      <p>{entry.action_label}</p>
      <p class="small muted">
        <time dateTime={entry.at}>{formatDateTime(entry.at, lang, timeZone)}</time>
      </p>
    </li>
  );
}

function Log({ motherId }: { motherId: string }) {
  const { t } = useI18n();
  const [hideSelf, setHideSelf] = useState(false);
  const list = usePagedList(() => getAccessLog(motherId), nextPage, [motherId]);
  const items = (list.items ?? []).filter((entry) => !hideSelf || !entry.is_self);
  return (
    <section class="stack" aria-labelledby="kia-log-title" aria-busy={list.loading || undefined}>
      <h2 id="kia-log-title">{t('kia.access.count', { n: list.count })}</h2>
      <label class="checkbox" for="kia-hide-self">
        <input
          type="checkbox"
          id="kia-hide-self"
          name="hide_self"
          checked={hideSelf}
          onChange={(event) => setHideSelf(event.currentTarget.checked)}
        />
        <span>{t('kia.access.hideSelf')}</span>
      </label>
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.reload()} />}
      {!list.items && !list.error && <Loading />}
      {list.items && items.length === 0 && <p class="muted">{t('kia.access.none')}</p>}
      {items.length > 0 && (
        <ol class="kia-log-list" role="list">
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.moreError}
        onLoad={() => void list.loadMore()}
      />
    </section>
  );
}

function AccessLog() {
  const { t } = useI18n();
  const book = useResource(getMyBookId, []);
  usePageTitle(t('kia.access.title'));
  return (
    <div class="stack stack--loose" data-testid="kia-access-log">
      <header class="page-header">
        <BackLink href={KIA_BASE}>{t('kia.mine.title')}</BackLink>
        <PageHeading>{t('kia.access.title')}</PageHeading>
        <p class="lead">{t('kia.access.intro')}</p>
      </header>
      {book.error?.status === 404 && <p class="notice">{t('kia.mine.none.title')}</p>}
      {book.error && book.error.status !== 404 && !book.data && (
        <ErrorNotice error={book.error} onRetry={() => void book.reload()} />
      )}
      {!book.data && !book.error && <Loading />}
      {book.data && <Log motherId={book.data} />}
    </div>
  );
}

export function AccessLogPage() {
  return (
    <RequireAuth>
      <AccessLog />
    </RequireAuth>
  );
}
