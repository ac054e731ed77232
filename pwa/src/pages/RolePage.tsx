import { useRoute } from 'preact-iso/router';
import { Jurisdiction } from '../components/Jurisdiction';
import { PageHeading, RequireAuth, SoonBadge, usePageTitle } from '../components/page';
import { useI18n } from '../i18n';
import { roleFromSlug, roleTileDescription, roleTileTitle } from '../roles';
import { useSession } from '../session';
import { NotFoundContent } from './NotFound';

function RoleView() {
  const { t } = useI18n();
  const { params } = useRoute();
  const { user } = useSession();
  const role = roleFromSlug(params.role);
  // Only users holding the role see its page.
  const allowed = role !== null && user !== null && user.roles.includes(role);
  const title = allowed ? t(roleTileTitle(role)) : t('notFound.title');
  usePageTitle(title);
  if (!allowed) return <NotFoundContent />;
  return (
    <section class="stack" data-testid="role-page" data-role={role}>
      <PageHeading>{title}</PageHeading>
      <p class="lead">{t(roleTileDescription(role))}</p>
      <Jurisdiction role={role} user={user} />
      <div class="card stack">
        <h2 class="with-badge">
          {t('soon.title')} <SoonBadge />
        </h2>
        <p>{t('soon.body')}</p>
      </div>
      <p>
        <a class="button" href="/">
          {t('common.backHome')}
        </a>
      </p>
    </section>
  );
}

export function RolePage() {
  return (
    <RequireAuth>
      <RoleView />
    </RequireAuth>
  );
}
