// Administration (ability users:manage): users with their roles and org-unit scopes, and
// personal access tokens. The open tab lives in the address (?tab=users|tokens).
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { TokensTab } from './TokensTab.tsx';
import { UsersTab } from './UsersTab.tsx';

const tabs = ['users', 'tokens'] as const;

export default function AdminPage() {
  const { t } = useI18n();
  const { query, setQuery } = useRouter();
  const tab = tabs.find((name) => name === query.get('tab')) ?? 'users';
  return (
    <div className="admin-page">
      <h1>{t('web.admin.title')}</h1>
      <Tabs label={t('web.admin.title')} tabs={tabs.map((name) => ({ id: name, label: t(`web.admin.tab.${name}`) }))} selected={tab} onSelect={(name) => setQuery({ tab: name, q: null, page: null })}>
        {tab === 'users' ? <UsersTab /> : <TokensTab />}
      </Tabs>
    </div>
  );
}
