// Vaccination: RED/REC and the comparison of sources (issue 4). For a district EPI officer, the
// WHO RED/REC category of every district (or health area) under the chosen org unit for a
// year, with the coverages, dropouts and zero-dose children behind it, from
// GET /api/immunization/redRec; data problems (coverage over 100 %, negative dropout) shown as
// such, never as a category. For a national officer, administrative coverage beside the
// WHO/UNICEF estimate (with its revision) and the surveys, by year, from
// GET /api/immunization/coverageSources — the gap that tells whether denominators are wrong.
import { useEffect, useMemo, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { RedRecAssessment } from '../../../core/immunization/redRec.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { EChart } from '../../components/EChart.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { orgUnitOptions } from '../../components/orgUnits.ts';
import { PeriodPicker } from '../../components/PeriodPicker.tsx';
import { useOrgUnits } from '../../components/useOrgUnits.ts';

interface RedRecRow extends RedRecAssessment {
  orgUnit: { code: string; name: string };
  values: Record<string, number | null>;
}
interface RedRecTable {
  period: string;
  orgUnit: { code: string; name: string; level: number };
  level: number;
  access: string;
  utilisation: string;
  thresholds: { accessCoverage: number; dropout: number };
  indicators: { code: string; name: string }[];
  total: RedRecRow;
  rows: RedRecRow[];
}
interface CoverageYear {
  year: number;
  reported: { value: number; source: string } | null;
  routine: { value: number; source: string } | null;
  wuenic: { value: number; revision: number | null; source: string } | null;
  wuenicRevisions: { revision: number | null; value: number; source: string }[];
  surveys: { value: number; source: string; method: string | null }[];
  gaps: { administrativeMinusWuenic: number | null; administrativeMinusSurvey: number | null; wuenicMinusSurvey: number | null };
}
interface CoverageSources {
  antigen: string;
  indicator: { code: string; name: string };
  years: CoverageYear[];
}

const UTILISATION = ['EPI_DROPOUT_PENTA1_PENTA3', 'EPI_DROPOUT_PENTA1_MR1'] as const;
const ANTIGENS = ['DTP1', 'DTP3', 'MCV1', 'MCV2'] as const;
/** Districts (cercles) are level 3, health areas level 4: any unit above them can be chosen. */
const LEVELS = [3, 4] as const;

const lastYear = () => String(new Date().getUTCFullYear() - 1);

type Loaded<T> = { data: T; error?: undefined } | { data?: undefined; error: string } | null;

function RedRecSection({ loaded, period, utilisation, level }: { loaded: Loaded<RedRecTable>; period: string; utilisation: string; level: number }) {
  const { t, formatNumber } = useI18n();
  const { setQuery } = useRouter();
  const data = loaded?.data ?? null;
  const error = loaded?.error ?? null;

  const number = (value: number | null, percent: boolean) => (value === null ? '–' : percent ? `${formatNumber(value, { maximumFractionDigits: 1 })} %` : formatNumber(value, { maximumFractionDigits: 0 }));
  const percentColumn = (code: string) => !code.startsWith('EPI_ZERO') && !code.startsWith('EPI_TARGET');
  const categoryCell = (row: RedRecRow) => (
    <td className={`redrec-category redrec-${row.status}${row.category ? ` redrec-category-${row.category}` : ''}`} data-category={row.category ?? ''} data-status={row.status}>
      {row.category ? t(`web.immunizationAnalysis.category.${row.category}`) : t(`web.immunizationAnalysis.status.${row.status}`)}
    </td>
  );
  const flagsCell = (row: RedRecRow) => (
    <td className="redrec-flags">
      {row.flags.map((flag) => (
        <span key={`${flag.kind}-${flag.indicator}`} className={`redrec-flag redrec-flag-${flag.kind}`} data-flag={flag.kind}>
          {t(`web.immunizationAnalysis.flag.${flag.kind}`, { indicator: data?.indicators.find((i) => i.code === flag.indicator)?.name ?? flag.indicator })}
        </span>
      ))}
    </td>
  );
  const row = (item: RedRecRow, total: boolean) => (
    <tr key={item.orgUnit.code} data-org-unit={item.orgUnit.code} className={total ? 'redrec-total' : undefined}>
      <th scope="row">{item.orgUnit.name}</th>
      {data!.indicators.map((indicator) => (
        <td key={indicator.code} className="number" data-indicator={indicator.code}>
          {number(item.values[indicator.code] ?? null, percentColumn(indicator.code))}
        </td>
      ))}
      {categoryCell(item)}
      {flagsCell(item)}
    </tr>
  );
  const counts = data ? [1, 2, 3, 4].map((category) => data.rows.filter((r) => r.category === category).length) : [];

  return (
    <section className="card" aria-labelledby="redrec-title">
      <h2 id="redrec-title">{t('web.immunizationAnalysis.redRec.title')}</h2>
      <div className="cmam-filters redrec-filters">
        <PeriodPicker label={t('web.immunizationAnalysis.year')} periodType="Yearly" value={period} onChange={(pe) => setQuery({ pe })} />
        <div role="radiogroup" aria-label={t('web.immunizationAnalysis.utilisation')} className="segmented">
          {UTILISATION.map((code) => (
            <button key={code} type="button" role="radio" aria-checked={utilisation === code} className={utilisation === code ? 'selected' : ''} onClick={() => setQuery({ utilisation: code })}>
              {t(`web.immunizationAnalysis.utilisation.${code}`)}
            </button>
          ))}
        </div>
        <div role="radiogroup" aria-label={t('web.immunizationAnalysis.level')} className="segmented">
          {LEVELS.map((value) => (
            <button key={value} type="button" role="radio" aria-checked={level === value} className={level === value ? 'selected' : ''} onClick={() => setQuery({ level: String(value) })}>
              {t(`web.immunizationAnalysis.level.${value}`)}
            </button>
          ))}
        </div>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!data && !error && <p className="loading">{t('web.loading')}</p>}
      {data && (
        <>
          <p className="muted redrec-rule">
            {t('web.immunizationAnalysis.redRec.rule', {
              access: data.thresholds.accessCoverage,
              dropout: data.thresholds.dropout,
              utilisation: t(`web.immunizationAnalysis.utilisation.${data.utilisation}`),
            })}
          </p>
          <p className="redrec-summary">{t('web.immunizationAnalysis.redRec.summary', { one: counts[0]!, two: counts[1]!, three: counts[2]!, four: counts[3]!, total: data.rows.length })}</p>
          <div className="table-scroll">
            <table className="data-table redrec-table">
              <thead>
                <tr>
                  <th>{t(`web.immunizationAnalysis.level.${data.level}`)}</th>
                  {data.indicators.map((indicator) => (
                    <th key={indicator.code} className="number">
                      {indicator.name}
                    </th>
                  ))}
                  <th>{t('web.immunizationAnalysis.category')}</th>
                  <th>{t('web.immunizationAnalysis.flags')}</th>
                </tr>
              </thead>
              <tbody>{data.rows.map((item) => row(item, false))}</tbody>
              {data.rows.length > 1 || data.rows[0]?.orgUnit.code !== data.total.orgUnit.code ? <tfoot>{row(data.total, true)}</tfoot> : null}
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function SourcesSection({ loaded, antigen }: { loaded: Loaded<CoverageSources>; antigen: string }) {
  const { t, formatNumber } = useI18n();
  const { setQuery } = useRouter();
  const data = loaded?.data ?? null;
  const error = loaded?.error ?? null;

  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${formatNumber(value, { maximumFractionDigits: 1 })} %`);
  const points = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : ''}${formatNumber(value, { maximumFractionDigits: 1 })}`);
  const option = useMemo((): EChartsCoreOption | null => {
    if (!data) return null;
    const years = data.years.map((y) => String(y.year));
    const series = (name: string, values: (number | null)[]) => ({ name, type: 'line', connectNulls: false, data: values });
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: '%', min: 0 },
      series: [
        series(t('web.immunizationAnalysis.sources.administrative'), data.years.map((y) => y.routine?.value ?? y.reported?.value ?? null)),
        series(t('web.immunizationAnalysis.sources.wuenic'), data.years.map((y) => y.wuenic?.value ?? null)),
        { ...series(t('web.immunizationAnalysis.sources.survey'), data.years.map((y) => (y.surveys.length ? y.surveys[0]!.value : null))), symbolSize: 10 },
      ],
    };
  }, [data, t]);

  return (
    <section className="card" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('web.immunizationAnalysis.sources.title')}</h2>
      <div role="radiogroup" aria-label={t('web.immunizationAnalysis.antigen')} className="segmented">
        {ANTIGENS.map((code) => (
          <button key={code} type="button" role="radio" aria-checked={antigen === code} className={antigen === code ? 'selected' : ''} onClick={() => setQuery({ antigen: code })}>
            {t(`web.immunizationAnalysis.antigen.${code}`)}
          </button>
        ))}
      </div>
      <p className="muted">{t('web.immunizationAnalysis.sources.explain')}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!data && !error && <p className="loading">{t('web.loading')}</p>}
      {data && option && (
        <>
          <EChart option={option} height={300} label={t('web.immunizationAnalysis.sources.chart', { indicator: data.indicator.name })} />
          <div className="table-scroll">
            <table className="data-table sources-table">
              <thead>
                <tr>
                  <th>{t('web.immunizationAnalysis.year')}</th>
                  <th className="number">{t('web.immunizationAnalysis.sources.reported')}</th>
                  <th className="number">{t('web.immunizationAnalysis.sources.routine')}</th>
                  <th className="number">{t('web.immunizationAnalysis.sources.wuenic')}</th>
                  <th className="number">{t('web.immunizationAnalysis.sources.survey')}</th>
                  <th className="number">{t('web.immunizationAnalysis.sources.gapWuenic')}</th>
                  <th className="number">{t('web.immunizationAnalysis.sources.gapSurvey')}</th>
                </tr>
              </thead>
              <tbody>
                {data.years.map((y) => (
                  <tr key={y.year} data-year={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className={`number${y.reported && y.reported.value > 100 ? ' over-100' : ''}`} data-source="reported" title={y.reported?.source}>
                      {percent(y.reported?.value)}
                    </td>
                    <td className={`number${y.routine && y.routine.value > 100 ? ' over-100' : ''}`} data-source="routine" title={y.routine?.source}>
                      {percent(y.routine?.value)}
                    </td>
                    <td className="number" data-source="wuenic" title={y.wuenicRevisions.map((r) => `${t('web.immunizationAnalysis.sources.revision', { revision: r.revision ?? '?' })} : ${r.value} %`).join(' ; ')}>
                      {percent(y.wuenic?.value)}
                      {y.wuenic?.revision ? <span className="muted revision"> ({t('web.immunizationAnalysis.sources.revision', { revision: y.wuenic.revision })})</span> : null}
                      {y.wuenicRevisions.length > 1 && (
                        <span className="muted revision">
                          {' '}
                          {y.wuenicRevisions
                            .slice(1)
                            .map((r) => t('web.immunizationAnalysis.sources.earlierRevision', { revision: r.revision ?? '?', value: formatNumber(r.value) }))
                            .join(', ')}
                        </span>
                      )}
                    </td>
                    <td className="number" data-source="survey" title={y.surveys.map((s) => s.source).join(' ; ')}>
                      {y.surveys.length ? y.surveys.map((s) => percent(s.value)).join(' / ') : '–'}
                    </td>
                    <td className="number" data-gap="wuenic">
                      {points(y.gaps.administrativeMinusWuenic)}
                    </td>
                    <td className="number" data-gap="survey">
                      {points(y.gaps.wuenicMinusSurvey)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export default function ImmunizationAnalysisPage() {
  const { t, language } = useI18n();
  const { query, setQuery } = useRouter();
  const { me } = useSession();
  const { units, error: unitsError } = useOrgUnits();
  const options = useMemo(() => (units ? orgUnitOptions(units.filter((unit) => unit.level < 4), (me?.scope ?? []).map((unit) => unit.path)) : undefined), [units, me]);
  const orgUnit = query.get('ou') ?? me?.scope[0]?.code ?? '';
  const period = query.get('pe') ?? lastYear();
  const utilisation = UTILISATION.find((code) => code === query.get('utilisation')) ?? UTILISATION[0];
  const level = query.get('level') === '4' ? 4 : 3;
  const antigen = ANTIGENS.find((code) => code === query.get('antigen')) ?? ANTIGENS[0];
  const [redRec, setRedRec] = useState<Loaded<RedRecTable>>(null);
  const [sources, setSources] = useState<Loaded<CoverageSources>>(null);
  const ready = options !== undefined;

  // One request after the other, once the org units are in: the embedded engine (PGlite behind
  // its socket server) answers one query at a time anyway, and mixes up the queries of
  // connections that overlap (electric-sql/pglite#1046), which showed as sporadic 401 and 500.
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    setRedRec(null);
    setSources(null);
    const settle = <T,>(path: string): Promise<Loaded<T>> => api<T>(path).then((data) => ({ data }), (failure: Error) => ({ error: failure.message }));
    void (async () => {
      if (orgUnit) {
        const table = await settle<RedRecTable>(`/api/immunization/redRec?${new URLSearchParams({ orgUnit, period, utilisation, level: String(level) })}`);
        if (cancelled) return;
        setRedRec(table);
      }
      const bySource = await settle<CoverageSources>(`/api/immunization/coverageSources?antigen=${antigen}`);
      if (!cancelled) setSources(bySource);
    })();
    return () => {
      cancelled = true;
    };
  }, [ready, orgUnit, period, utilisation, level, antigen, language]);

  return (
    <div className="immunization-analysis-page">
      <h1>{t('web.immunizationAnalysis.title')}</h1>
      <div className="cmam-controls card">
        {unitsError && <p className="form-error" role="alert">{unitsError}</p>}
        {!options && !unitsError && <p className="loading">{t('web.loading')}</p>}
        {options && (
          <OrgUnitPicker
            label={t('web.immunizationAnalysis.orgUnit')}
            options={options}
            size={6}
            value={options.find((option) => option.code === orgUnit)?.id ?? ''}
            onChange={(id) => setQuery({ ou: options.find((option) => option.id === id)?.code ?? null })}
          />
        )}
      </div>
      {orgUnit && <RedRecSection loaded={redRec} period={period} utilisation={utilisation} level={level} />}
      <SourcesSection loaded={sources} antigen={antigen} />
    </div>
  );
}
