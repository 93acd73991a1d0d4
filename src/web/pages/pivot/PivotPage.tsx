// The data visualizer: choose data, periods and places; swap rows and columns; show as a
// table or a chart; export CSV, XLSX or PNG. Everything chosen lives in the address, so a
// view is shared by copying the URL.
import { useEffect, useMemo, useRef, useState } from 'react';
import { analyticsQuery, fetchAnalytics, type AnalyticsRecord } from '../../app/analytics.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { useDataItems } from '../../components/DataItemPicker.tsx';
import { EChart } from '../../components/EChart.tsx';
import { buildPivot, pivotCsv, type Dimension } from './pivotTable.ts';

const periodChoices = ['LAST_12_MONTHS', 'THIS_YEAR', 'LAST_4_QUARTERS', 'LAST_5_YEARS'];
const placeChoices = ['USER_ORGUNIT', 'LEVEL-2', 'LEVEL-3'];
const chartTypes = ['table', 'column', 'stacked', 'line'] as const;
type ChartType = (typeof chartTypes)[number];

function download(name: string, href: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

export default function PivotPage() {
  const { t, formatNumber, language } = useI18n();
  const { query, setQuery } = useRouter();
  const items = useDataItems();
  const dx = (query.get('dx') ?? '').split(';').filter(Boolean);
  const pe = (query.get('pe') ?? 'LAST_12_MONTHS').split(';').filter(Boolean);
  const ou = (query.get('ou') ?? 'LEVEL-2').split(';').filter(Boolean);
  const columns = (query.get('cols') ?? 'pe') as Dimension;
  const rows = (['dx', 'ou', 'pe'] as Dimension[]).filter((d) => d !== columns);
  const type = (query.get('type') ?? 'table') as ChartType;
  const [records, setRecords] = useState<AnalyticsRecord[] | null>(null);
  const [names, setNames] = useState<Record<string, { name: string }>>({});
  const [order, setOrder] = useState<Partial<Record<Dimension, string[]>>>({});
  const [error, setError] = useState<string | null>(null);
  const chart = useRef<{ getDataURL(options: object): string } | null>(null);

  const request = useMemo(() => ({ dimensions: { dx, pe, ou } }), [dx.join(';'), pe.join(';'), ou.join(';')]);
  useEffect(() => {
    if (dx.length === 0) return;
    setError(null);
    fetchAnalytics(request)
      .then(({ records: fetched, response }) => {
        setRecords(fetched);
        setNames(response.metaData.items);
        setOrder(response.metaData.dimensions as Partial<Record<Dimension, string[]>>);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [request, language]);

  const name = (item: string) => names[item]?.name ?? item;
  const pivot = records ? buildPivot(records, rows, columns, order) : null;
  const dimensionLabels = { dx: t('web.pivot.data'), pe: t('web.pivot.periods'), ou: t('web.pivot.places') };
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((i) => i !== item) : [...list, item]).join(';');

  const option = useMemo(() => {
    if (!pivot || type === 'table') return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: pivot.columnKeys.map(name) },
      yAxis: { type: 'value' },
      series: pivot.rowKeys.map((rowKey) => ({
        name: rowKey.map(name).join(' — '),
        type: type === 'line' ? 'line' : 'bar',
        stack: type === 'stacked' ? 'total' : undefined,
        data: pivot.columnKeys.map((column) => pivot.cell(rowKey, column) ?? null),
      })),
    };
  }, [pivot, type, names]);

  return (
    <div className="pivot-page">
      <h1>{t('web.pivot.title')}</h1>
      <div className="pivot-layout">
        <aside className="card pivot-choices" aria-label={t('web.pivot.choices')}>
          <fieldset>
            <legend>{t('web.pivot.data')}</legend>
            <select multiple size={10} aria-label={t('web.pivot.data')} value={dx} onChange={(event) => setQuery({ dx: [...event.target.selectedOptions].map((o) => o.value).join(';') })}>
              {items.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name}
                </option>
              ))}
            </select>
          </fieldset>
          <fieldset>
            <legend>{t('web.pivot.periods')}</legend>
            {periodChoices.map((period) => (
              <label key={period} className="check">
                <input type="checkbox" checked={pe.includes(period)} onChange={() => setQuery({ pe: toggle(pe, period) })} />
                {t(`web.period.${period}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('web.pivot.places')}</legend>
            {placeChoices.map((place) => (
              <label key={place} className="check">
                <input type="checkbox" checked={ou.includes(place)} onChange={() => setQuery({ ou: toggle(ou, place) })} />
                {t(`web.place.${place}`)}
              </label>
            ))}
          </fieldset>
        </aside>
        <section className="pivot-result">
          <div className="toolbar card no-print">
            <label>
              {t('web.pivot.columns')}
              <select value={columns} onChange={(event) => setQuery({ cols: event.target.value })}>
                {(['pe', 'ou', 'dx'] as Dimension[]).map((d) => (
                  <option key={d} value={d}>
                    {dimensionLabels[d]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button-secondary" onClick={() => setQuery({ cols: rows[0] === 'dx' ? rows[1]! : rows[0]! })}>
              {t('web.pivot.swap')}
            </button>
            <div role="radiogroup" aria-label={t('web.pivot.chartType')} className="segmented">
              {chartTypes.map((chartType) => (
                <button key={chartType} type="button" role="radio" aria-checked={type === chartType} className={type === chartType ? 'selected' : ''} onClick={() => setQuery({ type: chartType })}>
                  {t(`web.chart.${chartType}`)}
                </button>
              ))}
            </div>
            <span className="spacer" />
            <button type="button" className="button-secondary" disabled={!pivot} onClick={() => pivot && download('denw-pivot.csv', `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${pivotCsv(pivot, name, dimensionLabels)}`)}`)}>
              CSV
            </button>
            <a className="button-secondary" href={`/api/analytics.xlsx?${analyticsQuery(request)}`} download aria-disabled={dx.length === 0}>
              XLSX
            </a>
            <button type="button" className="button-secondary" disabled={type === 'table' || !chart.current} onClick={() => chart.current && download('denw-chart.png', chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }))}>
              PNG
            </button>
          </div>
          {dx.length === 0 && <p className="empty-state">{t('web.pivot.chooseData')}</p>}
          {error && <p className="form-error" role="alert">{error}</p>}
          {pivot && type === 'table' && (
            <div className="table-scroll card">
              <table className="data-table pivot-table">
                <thead>
                  <tr>
                    {rows.map((d) => (
                      <th key={d} scope="col">{dimensionLabels[d]}</th>
                    ))}
                    {pivot.columnKeys.map((column) => (
                      <th key={column} scope="col" className="number">{name(column)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {pivot.rowKeys.map((rowKey) => (
                    <tr key={rowKey.join('|')}>
                      {rowKey.map((item, i) => (
                        <th key={i} scope="row">{name(item)}</th>
                      ))}
                      {pivot.columnKeys.map((column) => {
                        const value = pivot.cell(rowKey, column);
                        return (
                          <td key={column} className="number">
                            {value === undefined ? '' : formatNumber(value)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {option && (
            <div className="card">
              <EChart option={option} height={420} label={t('web.pivot.chartOf', { data: dx.map(name).join(', ') })} onReady={(instance) => (chart.current = instance)} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
