// Where the monthly figures of a health area come from, per data set the child registry can
// produce (EPI report, growth monitoring): the monthly form or the registry, never both. A data
// manager switches it from a month on; the server refuses the switch to the registry while the
// form has values in those months, and from then on refuses the form's values (entry and
// import: DATA_SET_SOURCE_IS_REGISTRY); back to the form, the registry's counts of those months
// are removed (src/store/rollup/rollup.ts switchDataSetSource).
import { useEffect, useState } from 'react';
import { periodOf } from '../../../core/periods/periods.ts';
import type { PeriodTypeName } from '../../../core/periods/periodTypes.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { periodLabel } from '../../components/periods.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../children/dates.ts';
import { HealthAreaPicker } from '../children/HealthAreaPicker.tsx';
import { loadDataSetSources, switchDataSetSource, type DataSetSource, type Source } from './dataSetSourcesApi.ts';
import { FormOutcome } from '../../components/FormOutcome.tsx';

const other = (source: Source): Source => (source === 'form' ? 'registry' : 'form');

function DataSetSourceCard({ orgUnit, dataSet, onSwitched }: { orgUnit: string; dataSet: DataSetSource; onSwitched(): void }) {
  const { t, language } = useI18n();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [saved, setSaved] = useState<string | null>(null);
  const target = other(dataSet.source);
  const periodName = (day: string) => periodLabel(periodOf(dataSet.periodType as PeriodTypeName, day).id, language);
  const { busy, error, submit } = useSubmit(async () => {
    setSaved(null);
    const switched = await switchDataSetSource({ dataSet: dataSet.dataSet, orgUnit, from: `${month}-01`, source: target });
    setSaved(t('web.dataSetSources.switched', { source: t(`web.dataSetSources.source.${target}`), period: periodName(switched.starts) }));
    onSwitched();
  });
  const titleId = `source-${dataSet.dataSet}`;
  return (
    <section className="card stack data-set-source" data-data-set={dataSet.dataSet} data-source={dataSet.source} aria-labelledby={titleId}>
      <h2 id={titleId}>{dataSet.name}</h2>
      <p>
        {t('web.dataSetSources.current')} <strong className="current-source">{t(`web.dataSetSources.source.${dataSet.source}`)}</strong>
      </p>
      {dataSet.sources.length > 0 && (
        <ul className="source-history">
          {dataSet.sources.map((entry) => (
            <li key={entry.starts}>
              {t('web.dataSetSources.since', { period: periodName(entry.starts), source: t(`web.dataSetSources.source.${entry.source}`), user: entry.changedBy ?? '—' })}
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={submit} noValidate>
        <label>
          {t('web.dataSetSources.from')}
          <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} required />
        </label>
        <p className="muted">{t(`web.dataSetSources.consequence.${target}`)}</p>
        <FormOutcome error={error} saved={saved} />
        <div>
          <button type="submit" className="button-primary" disabled={busy || !/^\d{4}-\d{2}$/.test(month)}>
            {t(`web.dataSetSources.switchTo.${target}`)}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function DataSetSourcesPage() {
  const { t, language } = useI18n();
  const { query, setQuery } = useRouter();
  const ou = query.get('ou') ?? '';
  // Kept with the unit they describe, so that another unit's sources are never shown (or switched) for this one.
  const [loaded, setLoaded] = useState<{ orgUnit: string; dataSets: DataSetSource[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    setError(null);
    if (!ou) return;
    let current = true;
    loadDataSetSources(ou).then(
      (body) => current && setLoaded({ orgUnit: ou, dataSets: body.dataSets }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [ou, language, version]);
  const dataSets = loaded?.orgUnit === ou ? loaded.dataSets : null;

  return (
    <>
      <h1>{t('web.dataSetSources.title')}</h1>
      <p className="page-intro muted">{t('web.dataSetSources.intro')}</p>
      <div className="entry-layout">
        <aside className="card entry-choices">
          <HealthAreaPicker value={ou} onChange={(code) => setQuery({ ou: code })} />
        </aside>
        <section className="entry-main stack" aria-live="polite">
          {!ou && <p className="empty-state card">{t('web.children.chooseHealthArea')}</p>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {ou && !dataSets && !error && <p className="loading">{t('web.loading')}</p>}
          {dataSets?.length === 0 && <p className="empty-state card">{t('web.dataSetSources.none')}</p>}
          {dataSets?.map((dataSet) => <DataSetSourceCard key={`${ou}:${dataSet.dataSet}`} orgUnit={ou} dataSet={dataSet} onSwitched={() => setVersion((n) => n + 1)} />)}
        </section>
      </div>
    </>
  );
}
