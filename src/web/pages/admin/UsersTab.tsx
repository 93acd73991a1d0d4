// The list of users, searchable by name, username or email (the search and page live in the
// address), with their role, scope, language, status and last sign-in.
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { pluralKey } from '../../components/plural.ts';
import { listUsers, type User, type UsersPage } from './usersApi.ts';
import { UserDialog } from './UserDialog.tsx';
import { FormOutcome } from '../../components/FormOutcome.tsx';

export function UsersTab() {
  const { t, language, formatDate } = useI18n();
  const { query, setQuery } = useRouter();
  const search = query.get('q') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState(search);
  const [result, setResult] = useState<UsersPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | null | undefined>(null);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    listUsers(search, page)
      .then((loaded) => current && setResult(loaded))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [search, page, reload, language]);

  const scopeNames = (user: User) =>
    user.role === 'superuser' ? t('web.users.wholeCountry') : user.scope.map((unit) => (language === 'en' && unit.nameEn) || unit.name).join(', ');

  return (
    <section aria-labelledby="users-title">
      <div className="toolbar card">
        <form
          className="search-form"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ q: draft, page: null });
          }}
        >
          <label>
            {t('web.users.search')}
            <input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
          </label>
          <button type="submit" className="button-secondary">
            {t('web.search')}
          </button>
        </form>
        <span className="spacer" />
        <button type="button" className="button-primary" onClick={() => setEditing(undefined)}>
          {t('web.users.new')}
        </button>
      </div>
      <h2 id="users-title" className="visually-hidden">
        {t('web.users.title')}
      </h2>
      <FormOutcome error={error} saved={notice} />
      {!result && !error && <p className="loading">{t('web.loading')}</p>}
      {result && (
        <div className="card table-card">
          <table className="data-table users-table">
            <thead>
              <tr>
                <th scope="col">{t('web.users.displayName')}</th>
                <th scope="col">{t('web.users.username')}</th>
                <th scope="col">{t('web.users.role')}</th>
                <th scope="col">{t('web.users.scope')}</th>
                <th scope="col">{t('web.users.language')}</th>
                <th scope="col">{t('web.users.status')}</th>
                <th scope="col">{t('web.users.lastLogin')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('web.users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.users.map((user) => (
                <tr key={user.id} className={user.disabled ? 'disabled-row' : undefined}>
                  <th scope="row">{user.displayName}</th>
                  <td>
                    <code>{user.username}</code>
                  </td>
                  <td>{t(`web.role.${user.role}`)}</td>
                  <td>{scopeNames(user)}</td>
                  <td>{user.language === 'fr' ? 'Français' : 'English'}</td>
                  <td>
                    <span className={`status ${user.disabled ? 'status-off-track' : 'status-on-track'}`}>{t(user.disabled ? 'web.users.inactive' : 'web.users.active')}</span>
                  </td>
                  <td>{user.lastLogin ? formatDate(user.lastLogin.slice(0, 10)) : '—'}</td>
                  <td>
                    <button type="button" className="button-secondary button-small" onClick={() => setEditing(user)} aria-label={t('web.users.edit', { name: user.displayName })}>
                      {t('web.users.editShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.users.length === 0 && <p className="empty-state">{t('web.users.none')}</p>}
          <footer className="pager">
            <span className="muted">{t(pluralKey('web.users.total', result.pager.total, language), { total: result.pager.total })}</span>
            {result.pager.pageCount > 1 && (
              <span className="pager-buttons">
                <button type="button" className="button-secondary button-small" disabled={page <= 1} onClick={() => setQuery({ page: String(page - 1) })}>
                  {t('web.pager.previous')}
                </button>
                <span>{t('web.pager.page', { page, pageCount: result.pager.pageCount })}</span>
                <button type="button" className="button-secondary button-small" disabled={page >= result.pager.pageCount} onClick={() => setQuery({ page: String(page + 1) })}>
                  {t('web.pager.next')}
                </button>
              </span>
            )}
          </footer>
        </div>
      )}
      <UserDialog
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setNotice(t(editing === undefined ? 'web.users.created' : 'web.users.saved', { name: saved.displayName }));
          setEditing(null);
          setReload((count) => count + 1);
        }}
      />
    </section>
  );
}
