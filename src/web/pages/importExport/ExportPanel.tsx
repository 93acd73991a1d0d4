// Exporting data values as DHIS2 files: a data set, a period of its type, an org unit with or
// without the units below it (GET /api/dataValueSets.json|.csv?dataSet&period&orgUnit&children),
// by code or by UID; the browser downloads the server's file as it is.
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { orgUnitOptions } from '../../components/orgUnits.ts';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { defaultPeriod, PeriodPicker } from '../../components/PeriodPicker.tsx';
import { useOrgUnits } from '../../components/useOrgUnits.ts';
import { listDataSets, type DataSetSummary } from '../dataEntry/dataEntryApi.ts';
import { idSchemes } from './importFormats.ts';

const exportFormats = ['csv', 'json'] as const;

export function ExportPanel() {
  const { t, language } = useI18n();
  const { me } = useSession();
  const { units, error: unitsError } = useOrgUnits();
  const [dataSets, setDataSets] = useState<DataSetSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dataSetId, setDataSetId] = useState('');
  const [period, setPeriod] = useState('');
  const [orgUnit, setOrgUnit] = useState('');
  const [children, setChildren] = useState(true);
  const [format, setFormat] = useState<(typeof exportFormats)[number]>('csv');
  const [idScheme, setIdScheme] = useState<(typeof idSchemes)[number]>('code');

  useEffect(() => {
    listDataSets()
      .then(setDataSets)
      .catch((failure: Error) => setError(failure.message));
  }, [language]);
  const dataSet = dataSets.find((item) => item.id === dataSetId);
  const options = useMemo(() => (units ? orgUnitOptions(units, (me?.scope ?? []).map((unit) => unit.path)) : []), [units, me]);
  const chosenUnit = options.find((option) => option.id === orgUnit);
  const chosenPeriod = dataSet ? period || defaultPeriod(dataSet.periodType) : '';

  const query = new URLSearchParams({ dataSet: dataSetId, period: chosenPeriod, orgUnit, children: String(children), idScheme });
  const href = `/api/dataValueSets.${format}?${query}`;
  const fileName = `denw-${dataSet?.code ?? dataSetId}-${chosenPeriod}-${chosenUnit?.code ?? orgUnit}.${format}`;
  const ready = Boolean(dataSet && chosenPeriod && chosenUnit);

  return (
    <section className="card export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('web.export.title')}</h2>
      <p className="muted">{t('web.export.intro')}</p>
      <div className="stack">
        <label>
          {t('web.dataEntry.dataSet')}
          <select
            value={dataSetId}
            onChange={(event) => {
              setDataSetId(event.target.value);
              setPeriod('');
            }}
          >
            <option value="">{t('web.pick.choose')}</option>
            {dataSets.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        {dataSet && <PeriodPicker label={t('web.dataEntry.period')} periodType={dataSet.periodType} value={chosenPeriod} onChange={setPeriod} />}
        {units && <OrgUnitPicker label={t('web.dataEntry.orgUnit')} options={options} value={orgUnit} onChange={setOrgUnit} size={8} />}
        <label className="check">
          <input type="checkbox" checked={children} onChange={(event) => setChildren(event.target.checked)} />
          {t('web.export.children')}
        </label>
        <div className="options-grid">
          <label>
            {t('web.import.format')}
            <select value={format} onChange={(event) => setFormat(event.target.value as typeof format)}>
              {exportFormats.map((item) => (
                <option key={item} value={item}>
                  {t(`web.import.format.${item}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('web.import.idScheme')}
            <select value={idScheme} onChange={(event) => setIdScheme(event.target.value as typeof idScheme)}>
              {idSchemes.map((item) => (
                <option key={item} value={item}>
                  {t(`web.import.idScheme.${item}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {[error, unitsError].filter(Boolean).map((message) => (
          <p key={message} className="form-error" role="alert">
            {message}
          </p>
        ))}
        <div>
          {ready ? (
            <a className="button-primary" href={href} download={fileName}>
              {t('web.export.download')}
            </a>
          ) : (
            <p className="muted">{t('web.export.chooseAll')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
