// CMAM (PCIMA) performance: for every site below the chosen org unit and every month of the
// chosen quarter, the cure, death, default and non-response rates over exits with the Sphere
// 2018 verdict of each (green ✓ passes, red ✗ fails, grey when the month has too few exits),
// from GET /api/cmam/performance. The exit definition and thresholds shown come from the same
// answer, so the page says exactly what was counted.
import { useEffect, useMemo, useState } from 'react';
import { periodOf } from '../../../core/periods/periods.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { orgUnitOptions } from '../../components/orgUnits.ts';
import { periodLabel } from '../../components/periods.ts';
import { PeriodPicker } from '../../components/PeriodPicker.tsx';
import { useOrgUnits } from '../../components/useOrgUnits.ts';

type Indicator = 'cured' | 'died' | 'defaulted' | 'nonRespondent';
type Verdict = 'pass' | 'fail' | 'insufficient_data';
type Programme = 'SAM' | 'MAM';

interface Row {
  orgUnit: { code: string; name: string };
  period: string;
  programme: Programme;
  exits: number;
  rates: Record<Indicator, number | null>;
  verdicts: Partial<Record<Indicator, Verdict>>;
  verdict: Verdict;
  averageLengthOfStay: number | null;
  averageWeightGain: number | null;
}
interface Threshold {
  indicator: Indicator;
  comparison: 'above' | 'below';
  percent: number;
}
interface Performance {
  periods: string[];
  exitDefinition: { code: string; description: string };
  standards: Partial<Record<Programme, { minimumExits: number; thresholds: Threshold[] }>>;
  rows: Row[];
}

const INDICATORS: Indicator[] = ['cured', 'died', 'defaulted', 'nonRespondent'];
/** Sites report at level 4; any unit above them can be chosen to see its sites. */
const SITE_LEVEL = 4;

/** The quarter of the last complete month: the latest quarter with data. */
function lastQuarter(): string {
  const day = new Date();
  day.setUTCDate(0); // last day of the previous month
  return periodOf('Quarterly', day.toISOString().slice(0, 10)).id;
}

function VerdictMark({ verdict }: { verdict: Verdict | undefined }) {
  const { t } = useI18n();
  if (!verdict) return null;
  const mark = verdict === 'pass' ? '✓' : verdict === 'fail' ? '✗' : '–';
  return (
    <span className={`verdict verdict-${verdict}`} role="img" aria-label={t(`web.cmam.verdict.${verdict}`)} title={t(`web.cmam.verdict.${verdict}`)}>
      {mark}
    </span>
  );
}

export default function CmamPage() {
  const { t, language, formatNumber } = useI18n();
  const { query, setQuery } = useRouter();
  const { me } = useSession();
  const { units, error: unitsError } = useOrgUnits();
  const options = useMemo(() => (units ? orgUnitOptions(units.filter((unit) => unit.level <= SITE_LEVEL), (me?.scope ?? []).map((unit) => unit.path)) : undefined), [units, me]);
  const orgUnit = query.get('ou') ?? me?.scope[0]?.code ?? '';
  const period = query.get('pe') ?? lastQuarter();
  const programme: Programme = query.get('programme') === 'MAM' ? 'MAM' : 'SAM';
  const [data, setData] = useState<Performance | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!orgUnit) return;
    setData(null);
    setError(null);
    const search = new URLSearchParams({ orgUnit, period, programme });
    api<Performance>(`/api/cmam/performance?${search}`).then(setData, (failure: Error) => setError(failure.message));
  }, [orgUnit, period, programme, language]);

  const standard = data?.standards[programme];
  const percent = (value: number | null) => (value === null ? '–' : `${formatNumber(value, { maximumFractionDigits: 1 })} %`);
  const judged = data?.rows.filter((row) => row.verdict !== 'insufficient_data') ?? [];

  return (
    <div className="cmam-page">
      <h1>{t('web.cmam.title')}</h1>
      <div className="cmam-controls card">
        {unitsError && <p className="form-error" role="alert">{unitsError}</p>}
        {!options && !unitsError && <p className="loading">{t('web.loading')}</p>}
        {options && (
          <OrgUnitPicker
            label={t('web.cmam.orgUnit')}
            options={options}
            size={6}
            value={options.find((option) => option.code === orgUnit)?.id ?? ''}
            onChange={(id) => setQuery({ ou: options.find((option) => option.id === id)?.code ?? null })}
          />
        )}
        <div className="cmam-filters">
          <PeriodPicker label={t('web.cmam.quarter')} periodType="Quarterly" value={period} onChange={(pe) => setQuery({ pe })} />
          <div role="radiogroup" aria-label={t('web.cmam.programme')} className="segmented">
            {(['SAM', 'MAM'] as const).map((p) => (
              <button key={p} type="button" role="radio" aria-checked={programme === p} className={programme === p ? 'selected' : ''} onClick={() => setQuery({ programme: p })}>
                {t(`web.cmam.programme.${p}`)}
              </button>
            ))}
          </div>
        </div>
      </div>

      {error && <p className="form-error" role="alert">{error}</p>}
      {orgUnit && !data && !error && <p className="loading">{t('web.loading')}</p>}
      {data && standard && (
        <section className="card" aria-labelledby="cmam-table-title">
          <h2 id="cmam-table-title">{t('web.cmam.tableTitle', { programme: t(`web.cmam.programme.${programme}`), period: periodLabel(period, language) })}</h2>
          <p className="muted cmam-standard">
            {t('web.cmam.standard', {
              thresholds: standard.thresholds.map((th) => `${t(`web.cmam.indicator.${th.indicator}`)} ${th.comparison === 'above' ? '>' : '<'} ${th.percent} %`).join(', '),
              minimum: standard.minimumExits,
            })}
          </p>
          <p className="muted cmam-exit-definition">{data.exitDefinition.description}</p>
          {data.rows.length === 0 ? (
            <p className="muted">{t('web.cmam.noData')}</p>
          ) : (
            <>
              <p className="cmam-summary">
                {t('web.cmam.summary', {
                  pass: judged.filter((row) => row.verdict === 'pass').length,
                  judged: judged.length,
                  total: data.rows.length,
                })}
              </p>
              <table className="data-table cmam-table">
                <thead>
                  <tr>
                    <th>{t('web.cmam.site')}</th>
                    <th>{t('web.cmam.month')}</th>
                    <th className="number">{t('web.cmam.exits')}</th>
                    {INDICATORS.map((indicator) => (
                      <th key={indicator} className="number">
                        {t(`web.cmam.indicator.${indicator}`)}
                      </th>
                    ))}
                    <th className="number">{t('web.cmam.lengthOfStay')}</th>
                    <th className="number">{t('web.cmam.weightGain')}</th>
                    <th>{t('web.cmam.verdict')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={`${row.orgUnit.code}-${row.period}`} data-site={row.orgUnit.code} data-period={row.period} data-verdict={row.verdict}>
                      <th scope="row">{row.orgUnit.name}</th>
                      <td>{periodLabel(row.period, language)}</td>
                      <td className="number">{formatNumber(row.exits)}</td>
                      {INDICATORS.map((indicator) => (
                        <td key={indicator} className="number" data-indicator={indicator} data-verdict={row.verdicts[indicator] ?? ''}>
                          {percent(row.rates[indicator])} <VerdictMark verdict={row.verdicts[indicator]} />
                        </td>
                      ))}
                      <td className="number">{row.averageLengthOfStay === null ? '–' : formatNumber(row.averageLengthOfStay, { maximumFractionDigits: 0 })}</td>
                      <td className="number">{row.averageWeightGain === null ? '–' : formatNumber(row.averageWeightGain, { maximumFractionDigits: 1 })}</td>
                      <td>
                        <span className={`status cmam-status-${row.verdict}`}>{t(`web.cmam.verdict.${row.verdict}`)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </div>
  );
}
