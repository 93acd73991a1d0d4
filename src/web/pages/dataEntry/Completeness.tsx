// Completeness of a data set for a period across the user's scope, as DHIS2 reports it: the
// share of expected reports (org units the data set is assigned to) that are complete
// (DHIS2 reporting rate = actual reports ÷ expected reports, actual reports being complete
// data set registrations; docs.dhis2.org, "Data set report" / "Reporting rate summary").
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { insideScope, type OrgUnit } from '../../components/orgUnits.ts';
import { periodLabel } from '../../components/periods.ts';
import type { EntryDataSet } from './dataEntryApi.ts';

export function Completeness({ dataSet, period, scopePaths, units, completedHere }: {
  dataSet: EntryDataSet;
  period: string;
  scopePaths: string[];
  units: OrgUnit[] | undefined;
  /** Whether the open form is complete: the counts follow its completion. */
  completedHere: boolean;
}) {
  const { t, formatNumber, language } = useI18n();
  const [completed, setCompleted] = useState<Set<string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const roots = units?.filter((unit) => scopePaths.includes(unit.path)) ?? [];
  const assigned = new Set(dataSet.organisationUnits);
  const expected = units?.filter((unit) => assigned.has(unit.id) && insideScope(unit.path, scopePaths)).length;

  useEffect(() => {
    if (roots.length === 0) return;
    let current = true;
    const query = new URLSearchParams({ dataSet: dataSet.id, period, children: 'true' });
    for (const root of roots) query.append('orgUnit', root.id);
    api<{ completeDataSetRegistrations?: Array<{ organisationUnit: string; completed?: boolean }> }>(`/api/completeDataSetRegistrations?${query}`)
      .then((body) => {
        if (!current) return;
        setError(null);
        setCompleted(new Set((body.completeDataSetRegistrations ?? []).filter((r) => r.completed !== false).map((r) => r.organisationUnit)));
      })
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [dataSet.id, period, roots.map((root) => root.id).join(','), completedHere]);

  if (error) return <p className="form-error">{error}</p>;
  if (expected === undefined || completed === null) return null;
  const actual = [...completed].filter((id) => assigned.has(id)).length;
  const rate = expected === 0 ? 0 : (actual / expected) * 100;
  return (
    <section className="card completeness" aria-label={t('web.dataEntry.completeness')} data-completed={actual} data-expected={expected}>
      <div>
        <h2>{t('web.dataEntry.completeness')}</h2>
        <p className="muted">{t('web.dataEntry.completenessOf', { dataSet: dataSet.name, period: periodLabel(period, language) })}</p>
      </div>
      <div className="completeness-figure">
        <strong>{formatNumber(rate, { maximumFractionDigits: 0 })} %</strong>
        <span>{t('web.dataEntry.completenessCount', { completed: formatNumber(actual), expected: formatNumber(expected) })}</span>
      </div>
      <progress max={100} value={rate} aria-label={t('web.dataEntry.completeness')} />
    </section>
  );
}
