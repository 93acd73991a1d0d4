// The child registry ("Registre des enfants"), for the vaccinator of a health area:
//   /children                 find a child (name, mother's name, village, birth date), register one
//   /children/defaulters      children due this week, overdue and lost to follow-up (printable, CSV)
//   /children/<uid>           a child's record: vaccination card, doses, growth, FHIR export
// The health area stays in the address (?ou=CODE) from one view to the other.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { ChildView } from './ChildView.tsx';
import { DefaulterView } from './DefaulterView.tsx';
import { RegistryView } from './RegistryView.tsx';

function ChildrenNav() {
  const { t } = useI18n();
  const { query, path } = useRouter();
  const ou = query.get('ou');
  const suffix = ou ? `?ou=${encodeURIComponent(ou)}` : '';
  return (
    <nav className="sub-nav no-print" aria-label={t('web.children.title')}>
      <Link to={`/children${suffix}`} active={path === '/children'}>
        {t('web.children.nav.registry')}
      </Link>
      <Link to={`/children/defaulters${suffix}`} active={path === '/children/defaulters'}>
        {t('web.children.nav.defaulters')}
      </Link>
    </nav>
  );
}

export default function ChildrenPage() {
  const { path } = useRouter();
  const rest = decodeURIComponent(path.replace(/^\/children\/?/, ''));
  let view: ReactNode;
  if (rest === '') view = <RegistryView />;
  else if (rest === 'defaulters') view = <DefaulterView />;
  else view = <ChildView uid={rest} />;
  return (
    <div className="children-page">
      <ChildrenNav />
      {view}
    </div>
  );
}
