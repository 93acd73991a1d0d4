// Completeness of a data set for a period across the user's scope: of the org units the data set
// is assigned to (DHIS2's expected reports), how many have entered data for the period. Counted
// by analytics in one query: the data set's numeric elements combined in a filter (a filter adds
// its items up, as DHIS2's does), one row per assigned unit that has any value, at the levels
// the data set is assigned to under each scope root (`ou:ROOT;LEVEL-n`, DHIS2's boundary syntax).
import { useEffect, useMemo, useState } from 'react';
import { isNumericType } from '../../../core/dataValueSets/valueTypes.ts';
import { fetchAnalytics } from '../../app/analytics.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { ScopeOrgUnit } from '../../app/session.tsx';
import { insideScope, type OrgUnit } from '../../components/orgUnits.ts';
import { periodLabel } from '../../components/periods.ts';
import { pluralKey } from '../../components/plural.ts';
import type { EntryDataSet } from './dataEntryApi.ts';

export function Completeness({ dataSet, period, units, scope, refresh }: {
  dataSet: EntryDataSet;
  period: string;
  units: OrgUnit[];
  scope: ScopeOrgUnit[];
  /** Changes when the counts may have changed (another form opened, a form completed). */
  refresh: string;
}) {
  const { t, formatNumber, language } = useI18n();
  const [reported, setReported] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const expected = useMemo(() => {
    const assigned = new Set(dataSet.organisationUnits);
    const scopePaths = scope.map((root) => root.path);
    return units.filter((unit) => assigned.has(unit.id) && insideScope(unit.path, scopePaths));
  }, [dataSet, units, scope]);
  const elements = dataSet.dataElements.filter((element) => isNumericType(element.valueType)).map((element) => element.id);

  useEffect(() => {
    if (expected.length === 0 || elements.length === 0) return;
    let current = true;
    const levels = [...new Set(expected.map((unit) => `LEVEL-${unit.level}`))];
    const expectedIds = new Set(expected.map((unit) => unit.id));
    fetchAnalytics({
      dimensions: { ou: [...scope.map((root) => root.id), ...levels] },
      filters: { dx: elements, pe: [period] },
      params: { outputIdScheme: 'UID', skipMeta: 'true' },
    })
      .then(({ records }) => {
        if (!current) return;
        setError(null);
        setReported(new Set(records.filter((record) => expectedIds.has(String(record.ou))).map((record) => record.ou)).size);
      })
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [dataSet.id, period, expected, refresh]);

  if (error) return <p className="form-error">{error}</p>;
  if (reported === null) return null;
  const rate = expected.length === 0 ? 0 : (reported / expected.length) * 100;
  return (
    <section className="card completeness" aria-label={t('web.dataEntry.completeness')} data-reported={reported} data-expected={expected.length}>
      <div>
        <h2>{t('web.dataEntry.completeness')}</h2>
        <p className="muted">{t('web.dataEntry.completenessOf', { dataSet: dataSet.name, period: periodLabel(period, language) })}</p>
      </div>
      <div className="completeness-figure">
        <strong>{formatNumber(rate, { maximumFractionDigits: 0 })} %</strong>
        <span>{t(pluralKey('web.dataEntry.completenessCount', reported, language), { reported: formatNumber(reported), expected: formatNumber(expected.length) })}</span>
      </div>
      <progress max={100} value={rate} aria-label={t('web.dataEntry.completeness')} />
    </section>
  );
}
