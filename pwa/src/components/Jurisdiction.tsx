import type { Me, Region } from '../api/types';
import { useI18n } from '../i18n';
import type { WorkRole } from '../roles';

function names(regions: Region[]): string {
  return regions.map((region) => region.name).join(', ');
}

/** The part of the user's jurisdiction that matters for a role. */
export function Jurisdiction({ role, user }: { role: WorkRole; user: Me }) {
  const { t } = useI18n();
  const { districts, villages, facility } = user.jurisdiction;
  if (role === 'civil_officer') {
    return (
      <dl class="facts">
        <div>
          <dt>{t('jurisdiction.districts')}</dt>
          <dd>{districts.length ? names(districts) : t('jurisdiction.none')}</dd>
        </div>
      </dl>
    );
  }
  if (role === 'health_worker') {
    return (
      <dl class="facts">
        <div>
          <dt>{t('jurisdiction.facility')}</dt>
          <dd>{facility || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('jurisdiction.villages')}</dt>
          <dd>{villages.length ? names(villages) : t('jurisdiction.none')}</dd>
        </div>
      </dl>
    );
  }
  return null;
}
