// The child's growth chart: weight-for-age, length/height-for-age or weight-for-length/height,
// its points over the WHO standard lines (see growthChart.ts).
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { EChart } from '../../components/EChart.tsx';
import { loadCurves, type Curves, type Measurement, type Sex } from './childrenApi.ts';
import { curveIndicator, growthChartOption, type ChartKind } from './growthChart.ts';

const kinds: ChartKind[] = ['wfa', 'lhfa', 'wflh'];

export function GrowthChart({ sex, measurements }: { sex: Sex; measurements: Measurement[] }) {
  const { t, formatNumber } = useI18n();
  const [kind, setKind] = useState<ChartKind>('wfa');
  const indicator = curveIndicator(kind, measurements);
  const [curves, setCurves] = useState<Curves | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setCurves(null);
    loadCurves(indicator, sex).then(
      (loaded) => current && setCurves(loaded),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [indicator, sex]);
  const title = t(`web.children.chart.${indicator}`);
  const option = useMemo(
    () =>
      curves &&
      growthChartOption(curves, measurements, {
        x: t(curves.xUnit === 'days' ? 'web.children.chart.ageMonths' : indicator === 'wfl' ? 'web.children.chart.lengthCm' : 'web.children.chart.heightCm'),
        y: t(indicator === 'lhfa' ? 'web.children.chart.lengthHeightCm' : 'web.children.chart.weightKg'),
        child: t('web.children.chart.child'),
        line: (sd) => t('web.children.chart.sd', { sd }),
        format: (value) => formatNumber(value, { maximumFractionDigits: 2 }),
      }),
    [curves, measurements, indicator, t, formatNumber],
  );
  return (
    <section className="card growth-chart" aria-labelledby="growth-chart-title" data-indicator={indicator}>
      <header className="section-header">
        <h2 id="growth-chart-title">{title}</h2>
        <div role="radiogroup" aria-label={t('web.children.chart.choose')} className="segmented no-print">
          {kinds.map((item) => (
            <button key={item} type="button" role="radio" aria-checked={kind === item} className={kind === item ? 'selected' : ''} onClick={() => setKind(item)}>
              {t(`web.children.chart.kind.${item}`)}
            </button>
          ))}
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!curves && !error && <p className="loading">{t('web.loading')}</p>}
      {option && <EChart option={option} height={420} label={title} />}
      <p className="muted chart-source">{t('web.children.chart.source')}</p>
    </section>
  );
}
