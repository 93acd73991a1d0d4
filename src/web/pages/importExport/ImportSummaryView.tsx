// The import summary as DHIS2's import/export app shows it: the outcome, the counts (imported,
// updated, deleted, ignored) and one line per conflict — row of the file, field, the value at
// fault and the reason in the user's language — downloadable as CSV for correction.
import { toCsv } from '../../../core/csv/csvWriter.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { ImportSummary } from './importJob.ts';

/** Enough rows to read on screen; the CSV download has them all. */
const SHOWN_AT_MOST = 500;

const statusClass = { SUCCESS: 'status-on-track', WARNING: 'status-warning', ERROR: 'status-off-track' } as const;

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t, formatNumber } = useI18n();
  const counts = ['imported', 'updated', 'deleted', 'ignored'] as const;
  const fieldName = (field: string | undefined) => (field ? t(`web.field.${field}`) : '');
  const shown = summary.conflicts.slice(0, SHOWN_AT_MOST);
  const csvHref = () => {
    const header = [t('web.import.row'), t('web.import.field'), t('web.import.object'), t('web.import.reason'), t('web.import.errorCode')];
    const rows = summary.conflicts.map((c) => [c.row ?? '', fieldName(c.field ?? c.property), c.object, c.value, c.errorCode ?? '']);
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${toCsv([header, ...rows])}`)}`;
  };
  return (
    <section className="import-summary" aria-labelledby="import-summary-title" data-status={summary.status}>
      <header className="section-header">
        <h3 id="import-summary-title">{t('web.import.summary')}</h3>
        <span className={`status ${statusClass[summary.status]}`}>{t(`web.import.status.${summary.status}`)}</span>
      </header>
      {summary.importOptions?.dryRun && <p className="notice">{t('web.import.dryRunDone')}</p>}
      {summary.description && <p>{summary.description}</p>}
      <dl className="import-counts">
        {counts.map((count) => (
          <div key={count} className={`import-count import-count-${count}`}>
            <dt>{t(`web.import.count.${count}`)}</dt>
            <dd data-count={count}>{formatNumber(summary.importCount[count])}</dd>
          </div>
        ))}
        <div className="import-count import-count-conflicts">
          <dt>{t('web.import.conflicts')}</dt>
          <dd data-count="conflicts">{formatNumber(summary.conflicts.length)}</dd>
        </div>
      </dl>
      {summary.conflicts.length > 0 && (
        <>
          <div className="section-header">
            <h4>{t('web.import.conflictTable')}</h4>
            <a className="button-secondary" href={csvHref()} download="denw-conflicts.csv">
              {t('web.import.downloadConflicts')}
            </a>
          </div>
          <div className="table-scroll">
            <table className="data-table conflicts-table">
              <thead>
                <tr>
                  <th scope="col" className="number">{t('web.import.row')}</th>
                  <th scope="col">{t('web.import.field')}</th>
                  <th scope="col">{t('web.import.object')}</th>
                  <th scope="col">{t('web.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((conflict, index) => (
                  <tr key={index}>
                    <td className="number">{conflict.row ?? '—'}</td>
                    <td>{fieldName(conflict.field ?? conflict.property)}</td>
                    <td>
                      <code>{conflict.object}</code>
                    </td>
                    <td>
                      {conflict.value}
                      {conflict.errorCode && <span className="muted error-code"> ({conflict.errorCode})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {summary.conflicts.length > shown.length && (
            <p className="muted">{t('web.import.moreConflicts', { shown: formatNumber(shown.length), total: formatNumber(summary.conflicts.length) })}</p>
          )}
        </>
      )}
    </section>
  );
}
