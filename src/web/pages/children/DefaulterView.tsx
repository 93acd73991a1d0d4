// The children of a health area to trace (defaulter tracing): due this week, overdue, and lost
// to follow-up, as the registry computes them as of today, each with the next dose and the
// date it became due. Printed as it is shown (the navigation and controls are left out) and
// exported as the API's CSV (French headers first).
import { useEffect, useState, type MouseEvent } from 'react';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { defaultersCsvUrl, loadDefaulters, type Defaulter, type DefaulterList } from './childrenApi.ts';
import { ChildTableHead } from './ChildTableHead.tsx';
import { HealthAreaPicker, useHealthAreas } from './HealthAreaPicker.tsx';
import { doseLabel } from './vaccines.ts';

type Group = 'due' | 'overdue' | 'lostToFollowUp';
const groups: Group[] = ['due', 'overdue', 'lostToFollowUp'];

function DefaulterTable({ group, rows, ou }: { group: Group; rows: Defaulter[]; ou: string }) {
  const { t, formatDate, formatNumber, language } = useI18n();
  return (
    <section className="card table-card defaulter-group" data-group={group} aria-labelledby={`defaulters-${group}`}>
      <h2 id={`defaulters-${group}`} className="card-title">
        {t(`web.children.defaulters.${group}`)} <span className="muted">({formatNumber(rows.length)})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted card-title">{t('web.children.defaulters.none')}</p>
      ) : (
        <table className="data-table">
          <ChildTableHead>
            <th>{t('web.children.defaulters.nextDose')}</th>
            <th>{t('web.children.defaulters.dueSince')}</th>
          </ChildTableHead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.child.uid}:${row.vaccine}:${row.dose}`} data-child={row.child.uid}>
                <td>
                  <Link to={`/children/${row.child.uid}?ou=${encodeURIComponent(ou)}`}>
                    {row.child.givenName} {row.child.familyName}
                  </Link>
                </td>
                <td>{t(`web.children.sex.${row.child.sex}`)}</td>
                <td>{formatDate(row.child.birthDate)}</td>
                <td>{row.child.motherName ?? ''}</td>
                <td>{row.child.village ?? ''}</td>
                <td>{doseLabel(row.vaccine, row.dose, language)}</td>
                <td>{formatDate(row.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The CSV's headers follow the request's Accept-Language; a plain link would send the
 * browser's, so the file is fetched in the interface's language and handed over as a blob.
 */
async function downloadInInterfaceLanguage(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const link = event.currentTarget;
  const csv = await api<string>(link.getAttribute('href')!);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const save = document.createElement('a');
  save.href = url;
  save.download = link.download;
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DefaulterView() {
  const { t, formatDate, language } = useI18n();
  const { query, setQuery } = useRouter();
  const { options } = useHealthAreas();
  const ou = query.get('ou') ?? '';
  const area = options?.find((option) => option.code === ou);
  const [list, setList] = useState<DefaulterList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setList(null);
    setError(null);
    if (!ou) return;
    let current = true;
    loadDefaulters(ou).then(
      (loaded) => current && setList(loaded),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [ou, language]);

  return (
    <>
      <h1>
        {t('web.children.defaulters.title')}
        {area && <span className="print-only"> — {area.name}</span>}
      </h1>
      <div className="entry-layout defaulters-layout">
        <aside className="card entry-choices no-print">
          <HealthAreaPicker value={ou} onChange={(code) => setQuery({ ou: code })} />
        </aside>
        <section className="entry-main" aria-live="polite">
          {!ou && <p className="empty-state card">{t('web.children.chooseHealthArea')}</p>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {ou && !list && !error && <p className="loading">{t('web.loading')}</p>}
          {list && (
            <>
              <header className="card defaulters-header">
                <p>
                  {area && <strong>{[...area.trail, area.name].join(' › ')}</strong>}
                  <br />
                  {t('web.children.defaulters.asOf', { date: formatDate(list.asOf), weekStart: formatDate(list.weekStart), weekEnd: formatDate(list.weekEnd) })}
                </p>
                <div className="defaulters-actions no-print">
                  <button type="button" className="button-secondary" onClick={() => window.print()}>
                    {t('web.children.defaulters.print')}
                  </button>
                  <a className="button-secondary" href={defaultersCsvUrl(ou, list.asOf)} download={`defaulters-${ou}-${list.asOf}.csv`} onClick={downloadInInterfaceLanguage}>
                    {t('web.children.defaulters.csv')}
                  </a>
                </div>
              </header>
              {groups.map((group) => (
                <DefaulterTable key={group} group={group} rows={list[group]} ou={ou} />
              ))}
            </>
          )}
        </section>
      </div>
    </>
  );
}
