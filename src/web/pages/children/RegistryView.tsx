// Finding a child in the registry of a health area (name, mother's name or village — accent-
// and case-insensitive on the server — and birth date), and registering a new one.
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { pluralKey } from '../../components/plural.ts';
import { searchChildren, type Child } from './childrenApi.ts';
import { ChildTableHead } from './ChildTableHead.tsx';
import { HealthAreaPicker } from './HealthAreaPicker.tsx';
import { RegisterChildDialog } from './RegisterChildDialog.tsx';

export function ChildrenTable({ rows }: { rows: readonly Child[] }) {
  const { t, formatDate } = useI18n();
  const { query } = useRouter();
  const ou = query.get('ou');
  return (
    <table className="data-table children-table">
      <ChildTableHead>
        <th>{t('web.children.healthArea')}</th>
      </ChildTableHead>
      <tbody>
        {rows.map((child) => (
          <tr key={child.uid}>
            <td>
              <Link to={`/children/${child.uid}${ou ? `?ou=${encodeURIComponent(ou)}` : ''}`}>
                {child.givenName} {child.familyName}
              </Link>
            </td>
            <td>{t(`web.children.sex.${child.sex}`)}</td>
            <td>{formatDate(child.birthDate)}</td>
            <td>{child.motherName ?? ''}</td>
            <td>{child.village ?? ''}</td>
            <td>{child.orgUnit.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RegistryView() {
  const { t, formatNumber, language } = useI18n();
  const { query, setQuery, navigate } = useRouter();
  const { can } = useSession();
  const ou = query.get('ou') ?? '';
  const q = query.get('q') ?? '';
  const birthDate = query.get('dob') ?? '';
  const [text, setText] = useState(q);
  const [date, setDate] = useState(birthDate);
  const [found, setFound] = useState<Child[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);

  useEffect(() => {
    setFound(null);
    setError(null);
    if (!ou && !q && !birthDate) return;
    let current = true;
    searchChildren({ orgUnit: ou, q, birthDate })
      .then((body) => current && setFound(body.children))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [ou, q, birthDate, language]);

  function search(event: FormEvent) {
    event.preventDefault();
    setQuery({ q: text.trim() || null, dob: date || null });
  }

  return (
    <>
      <h1>{t('web.children.title')}</h1>
      <div className="entry-layout">
        <aside className="card entry-choices">
          <HealthAreaPicker value={ou} onChange={(code) => setQuery({ ou: code })} />
        </aside>
        <section className="entry-main">
          <form className="card search-form children-search" role="search" onSubmit={search}>
            <label className="grow">
              {t('web.children.search.text')}
              <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder={t('web.children.search.placeholder')} />
            </label>
            <label>
              {t('web.children.birthDate')}
              <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            </label>
            <button type="submit" className="button-primary">
              {t('web.children.search.submit')}
            </button>
            {can('data:write') && (
              <button type="button" className="button-secondary" onClick={() => setRegistering(true)}>
                {t('web.children.register')}
              </button>
            )}
          </form>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {!ou && !q && !birthDate && <p className="empty-state card">{t('web.children.chooseHealthArea')}</p>}
          {found === null && !error && (ou || q || birthDate) && <p className="loading">{t('web.loading')}</p>}
          {found && (
            <div className="card table-card" aria-live="polite">
              <p className="muted children-count">{t(pluralKey('web.children.found', found.length, language), { count: formatNumber(found.length) })}</p>
              {found.length > 0 && <ChildrenTable rows={found} />}
            </div>
          )}
        </section>
      </div>
      <RegisterChildDialog
        open={registering}
        orgUnit={ou}
        onClose={() => setRegistering(false)}
        onRegistered={(child) => navigate(`/children/${child.uid}?ou=${encodeURIComponent(child.orgUnit.code)}`)}
      />
    </>
  );
}
