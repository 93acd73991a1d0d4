// One results indicator: latest value with its year and source, baseline → target, the
// on-track status, and the trend against the trajectory needed to reach the target.
import { useMemo } from 'react';
import type { ResultIndicatorView } from '../../core/results/resultsView.ts';
import { useI18n } from '../app/i18n.tsx';
import { EChart } from './EChart.tsx';

export function StatusBadge({ status }: { status: ResultIndicatorView['status'] }) {
  const { t } = useI18n();
  const className = status === 'on_track' ? 'status-on-track' : status === 'no_data' ? 'status-no-data' : 'status-off-track';
  return <span className={`status ${className}`} data-status={status}>{t(`web.status.${status}`)}</span>;
}

export function IndicatorCard({ indicator }: { indicator: ResultIndicatorView }) {
  const { t, formatNumber } = useI18n();
  const unit = indicator.unit === 'percent' ? ' %' : '';
  const show = (value: number) => `${formatNumber(value)}${unit}`;
  const option = useMemo(() => {
    const years = [...new Set([...indicator.series.map((v) => v.year), ...indicator.trajectory.map((v) => v.year)])].sort();
    // One line per method (survey, WUENIC estimate, routine data …): values measured in
    // different ways are not one trend, and joining them would zig-zag.
    const methods = [...new Set(indicator.series.map((v) => v.method ?? t('web.results.observed')))];
    const palette = ['#0058ab', '#1cabe2', '#6b4fa0', '#1a7f37', '#c2410c'];
    return {
      grid: { left: 36, right: 12, top: 16, bottom: methods.length > 1 ? 48 : 24 },
      tooltip: { trigger: 'axis' },
      legend: methods.length > 1 ? { bottom: 0, type: 'scroll', textStyle: { fontSize: 10 } } : undefined,
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', scale: true },
      series: [
        ...methods.map((method, index) => ({
          name: method,
          type: 'line',
          data: years.map((year) => indicator.series.find((v) => v.year === year && (v.method ?? t('web.results.observed')) === method)?.value ?? null),
          connectNulls: true,
          symbolSize: 7,
          lineStyle: { width: 3, color: palette[index % palette.length] },
          itemStyle: { color: palette[index % palette.length] },
        })),
        {
          name: t('web.results.trajectory'),
          type: 'line',
          data: years.map((year) => indicator.trajectory.find((v) => v.year === year)?.value ?? null),
          connectNulls: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#9a6700' },
        },
      ],
    };
  }, [indicator, t]);
  return (
    <article className="indicator-card card" data-indicator={indicator.code}>
      <header>
        <h4>{indicator.name}</h4>
        <StatusBadge status={indicator.status} />
      </header>
      {indicator.latest ? (
        <p className="headline-value">
          <strong>{show(indicator.latest.value)}</strong>
          <span className="muted">
            {indicator.latest.year} · {indicator.latest.source}
          </span>
        </p>
      ) : (
        <p className="headline-value muted">{t('web.results.noValue')}</p>
      )}
      {indicator.bySex && (
        <p className="by-sex">
          {t('web.results.bySex', {
            female: show(indicator.bySex.F.value),
            male: show(indicator.bySex.M.value),
            year: indicator.bySex.year,
          })}
        </p>
      )}
      <dl className="milestones">
        <div>
          <dt>{t('web.results.baseline')}</dt>
          <dd>{indicator.baseline ? `${show(indicator.baseline.value)} (${indicator.baseline.year})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('web.results.target')}</dt>
          <dd>{indicator.target ? `${show(indicator.target.value)} (${indicator.target.year})` : t('web.results.noTarget')}</dd>
        </div>
      </dl>
      {indicator.series.length + indicator.trajectory.length > 1 && (
        <EChart option={option} height={170} label={t('web.results.trendOf', { name: indicator.name })} />
      )}
      {indicator.baseline && <p className="source muted">{t('web.results.baselineSource', { source: indicator.baseline.source })}</p>}
    </article>
  );
}
