// Survey analysis: upload a child anthropometry survey (CSV or XLSX), name its design columns,
// and see the SMART plausibility report, the prevalence table with design-based 95 %
// intervals as WHO's anthro_prevalence computes them (WHO flags) with SMART's GAM/MAM/SAM
// (SMART flags, 6–59 months) beside them, and anthro's z-score means and SDs, by group
// (POST /api/surveys/anthro). Nothing is stored; unreadable cells are listed by row and column.
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';

interface PlausibilityLine { criterion: string; value: number | null; p: number | null; n: number; class: string | null; points: number }
interface PrevalenceRow { indicator: string; group: string; n: number; prevalence: number | null; se: number | null; ciLow: number | null; ciHigh: number | null; deff: number | null }
interface ZscoreSummaryRow { indicator: string; group: string; n: number; mean: number | null; se: number | null; ciLow: number | null; ciHigh: number | null; sd: number | null }
interface Analysis {
  plausibility: { children: number; lines: PlausibilityLine[]; score: number; class: string };
  prevalence: {
    rows: PrevalenceRow[]; included: number; excludedMissingDesign: number; excludedOver1826Days: number; missingWeight: number;
    smartFlags: { whzMean: number | null; excluded: number };
    zscoreSummary: ZscoreSummaryRow[];
  };
  classification: Record<string, { whoUnicef2018: string | null; ipcPhase: number | null }>;
}
interface CellError { row: number; field: string; message: string }

/** The indicators shown first, in the order nutritionists read them: WHO-flag acute malnutrition, then SMART's. */
const MAIN_INDICATORS = ['WH_2', 'WH_3', 'WH_MAM', 'SMART_GAM', 'SMART_SAM', 'SMART_MAM', 'MUAC_GAM', 'MUAC_SAM', 'HA_2', 'HA_3', 'WA_2', 'WA_3', 'WH2', 'HA_2_WH_2'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function SurveyPage() {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState({ cluster: 'cluster', strata: '', weight: '' });
  const [group, setGroup] = useState('All');
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cellErrors, setCellErrors] = useState<CellError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setCellErrors([]);
    setAnalysis(null);
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(columns)) if (value.trim()) search.set(name, value.trim());
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    try {
      const result = await api<Analysis>(`/api/surveys/anthro?${search}`, { method: 'POST', body: file, headers: { 'Content-Type': xlsx ? XLSX_TYPE : 'text/csv' } });
      setAnalysis(result);
      setGroup('All');
    } catch (failure) {
      setError((failure as Error).message);
      if (failure instanceof ApiError) setCellErrors(((failure.body as { errors?: CellError[] }).errors ?? []).filter((e) => typeof e.row === 'number'));
    } finally {
      setBusy(false);
    }
  };

  const number = (value: number | null, digits = 1) => (value === null ? '–' : formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const groups = analysis ? [...new Set(analysis.prevalence.rows.map((row) => row.group))] : [];
  const rows = analysis
    ? analysis.prevalence.rows
        .filter((row) => row.group === group)
        .sort((a, b) => rank(a.indicator) - rank(b.indicator))
    : [];
  const means = analysis ? analysis.prevalence.zscoreSummary.filter((row) => row.group === group) : [];

  return (
    <div className="survey-page">
      <h1>{t('web.survey.title')}</h1>
      <p className="muted page-intro">{t('web.survey.intro')}</p>
      <form className="card survey-form" onSubmit={submit}>
        <label>
          {t('web.survey.file')}
          <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {(['cluster', 'strata', 'weight'] as const).map((name) => (
          <label key={name}>
            {t(`web.survey.column.${name}`)}
            <input type="text" value={columns[name]} onChange={(e) => setColumns({ ...columns, [name]: e.target.value })} />
          </label>
        ))}
        <button type="submit" className="primary" disabled={!file || busy}>{t('web.survey.analyse')}</button>
      </form>

      {busy && <p className="loading">{t('web.loading')}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {cellErrors.length > 0 && (
        <ul className="survey-cell-errors">
          {cellErrors.map((cell) => <li key={`${cell.row}-${cell.field}`}>{cell.message}</li>)}
        </ul>
      )}

      {analysis && (
        <>
          <section className="card table-card">
            <h2 className="card-title">{t('web.survey.plausibility')}</h2>
            <table className="data-table survey-plausibility">
              <thead>
                <tr>
                  <th>{t('web.survey.criterion')}</th>
                  <th className="number">{t('web.survey.value')}</th>
                  <th className="number">p</th>
                  <th className="number">n</th>
                  <th>{t('web.survey.class')}</th>
                  <th className="number">{t('web.survey.points')}</th>
                </tr>
              </thead>
              <tbody>
                {analysis.plausibility.lines.map((line) => (
                  <tr key={line.criterion} data-criterion={line.criterion}>
                    <th scope="row">{t(`web.survey.criterion.${line.criterion}`)}</th>
                    <td className="number">{number(line.value, 2)}</td>
                    <td className="number">{line.p === null ? '' : number(line.p, 3)}</td>
                    <td className="number">{line.n}</td>
                    <td>{line.class ? t(`web.survey.class.${line.class}`) : '–'}</td>
                    <td className="number">{line.points}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-criterion="overall">
                  <th scope="row">{t('web.survey.overall')}</th>
                  <td colSpan={3} />
                  <td className="survey-overall-class">{t(`web.survey.class.${analysis.plausibility.class}`)}</td>
                  <td className="number">{analysis.plausibility.score}</td>
                </tr>
              </tfoot>
            </table>
          </section>

          <section className="card table-card">
            <h2 className="card-title">{t('web.survey.prevalence')}</h2>
            <p className="muted">
              {t('web.survey.included', {
                included: analysis.prevalence.included, missingDesign: analysis.prevalence.excludedMissingDesign,
                over1826: analysis.prevalence.excludedOver1826Days, missingWeight: analysis.prevalence.missingWeight,
              })}
            </p>
            <p className="muted survey-smart-flags">
              {t('web.survey.smartFlags', { mean: number(analysis.prevalence.smartFlags.whzMean, 2), excluded: analysis.prevalence.smartFlags.excluded })}
            </p>
            <label>
              {t('web.survey.group')}
              <select value={group} onChange={(e) => setGroup(e.target.value)}>
                {groups.map((g) => <option key={g} value={g}>{groupLabel(g, t)}</option>)}
              </select>
            </label>
            <table className="data-table survey-prevalence">
              <thead>
                <tr>
                  <th>{t('web.survey.indicator')}</th>
                  <th className="number">n</th>
                  <th className="number">{t('web.survey.prevalencePercent')}</th>
                  <th className="number">{t('web.survey.ci')}</th>
                  <th className="number">{t('web.survey.deff')}</th>
                  <th>{t('web.survey.classification')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const classes = group === 'All' ? analysis.classification[row.indicator] : undefined;
                  return (
                    <tr key={row.indicator} data-indicator={row.indicator}>
                      <th scope="row"><code>{row.indicator}</code> {MAIN_INDICATORS.includes(row.indicator) ? t(`web.survey.indicator.${row.indicator}`) : ''}</th>
                      <td className="number">{row.n}</td>
                      <td className="number" data-value={row.prevalence ?? ''}>{number(row.prevalence)}</td>
                      <td className="number">{row.ciLow === null ? '–' : `${number(row.ciLow)} – ${number(row.ciHigh)}`}</td>
                      <td className="number">{number(row.deff, 2)}</td>
                      <td>
                        {classes?.whoUnicef2018 && <span className="survey-class">{t(`web.survey.who.${classes.whoUnicef2018}`)}</span>}
                        {classes?.ipcPhase && <span className="survey-ipc"> · {t('web.survey.ipcPhase', { phase: classes.ipcPhase })}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>

          <section className="card table-card">
            <h2 className="card-title">{t('web.survey.zscores')}</h2>
            <p className="muted">{groupLabel(group, t)}</p>
            <table className="data-table survey-zscores">
              <thead>
                <tr>
                  <th>{t('web.survey.index')}</th>
                  <th className="number">n</th>
                  <th className="number">{t('web.survey.mean')}</th>
                  <th className="number">{t('web.survey.meanCi')}</th>
                  <th className="number">{t('web.survey.sd')}</th>
                </tr>
              </thead>
              <tbody>
                {means.map((row) => (
                  <tr key={row.indicator} data-indicator={row.indicator}>
                    <th scope="row"><code>{row.indicator}</code> {t(`web.survey.zscore.${row.indicator}`)}</th>
                    <td className="number">{row.n}</td>
                    <td className="number" data-value={row.mean ?? ''}>{number(row.mean, 2)}</td>
                    <td className="number">{row.ciLow === null ? '–' : `${number(row.ciLow, 2)} – ${number(row.ciHigh, 2)}`}</td>
                    <td className="number" data-sd={row.sd ?? ''}>{number(row.sd, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

function rank(indicator: string): number {
  const at = MAIN_INDICATORS.indexOf(indicator);
  return at < 0 ? MAIN_INDICATORS.length : at;
}

/** "Sex: Female" → "Sexe : filles"; age groups and other columns keep WHO's label with the value. */
function groupLabel(group: string, t: (key: string, params?: Record<string, string | number>) => string): string {
  if (group === 'All') return t('web.survey.group.all');
  if (group === 'Sex: Female') return t('web.survey.group.female');
  if (group === 'Sex: Male') return t('web.survey.group.male');
  const age = /^Age group: (\d\d)-(\d\d) mo$/.exec(group);
  if (age) return t('web.survey.group.age', { from: Number(age[1]), to: Number(age[2]) });
  return group;
}
