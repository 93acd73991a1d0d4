// The results dashboard: goal → Key Result → indicator, with progress against the target,
// the trajectory needed to reach it, and the places ranked worst first — who is left behind.
import { useEffect, useMemo, useState } from 'react';
import type { GoalView, ResultIndicatorView } from '../../../core/results/resultsView.ts';
import { api } from '../../app/api.ts';
import { fetchAnalytics, type AnalyticsRecord } from '../../app/analytics.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { IndicatorCard, StatusBadge } from '../../components/IndicatorCard.tsx';

function ProgressBar({ indicator }: { indicator: ResultIndicatorView }) {
  const { t, formatNumber } = useI18n();
  const { baseline, target, latest } = indicator;
  if (!baseline || !target || !latest) return null;
  const span = target.value - baseline.value;
  const share = span === 0 ? 1 : Math.max(0, Math.min(1, (latest.value - baseline.value) / span));
  const expected = indicator.expected !== undefined && span !== 0 ? Math.max(0, Math.min(1, (indicator.expected - baseline.value) / span)) : undefined;
  return (
    <div className="progress" role="group" aria-label={t('web.dashboard.progress')}>
      <div className="progress-track">
        <div className={`progress-fill progress-${indicator.status}`} style={{ width: `${share * 100}%` }} />
        {expected !== undefined && <div className="progress-expected" style={{ left: `${expected * 100}%` }} title={t('web.dashboard.expectedNow')} />}
      </div>
      <div className="progress-labels">
        <span>{formatNumber(baseline.value)} ({baseline.year})</span>
        <span>
          {t('web.dashboard.achieved', { share: formatNumber(share * 100, { maximumFractionDigits: 0 }) })}
        </span>
        <span>{formatNumber(target.value)} ({target.year})</span>
      </div>
    </div>
  );
}

function Ranking({ indicator }: { indicator: ResultIndicatorView }) {
  const { t, formatNumber } = useI18n();
  const [level, setLevel] = useState(2);
  const [rows, setRows] = useState<AnalyticsRecord[] | null>(null);
  const [names, setNames] = useState<Record<string, { name: string }>>({});
  const [error, setError] = useState<string | null>(null);
  const year = String(new Date().getFullYear() - 1);
  useEffect(() => {
    if (!indicator.dx) return;
    setRows(null);
    fetchAnalytics({ dimensions: { dx: [indicator.dx], ou: [`LEVEL-${level}`] }, filters: { pe: [year] } })
      .then(({ records, response }) => {
        setNames(response.metaData.items);
        setRows(records.sort((a, b) => (indicator.direction === 'increase' ? a.value - b.value : b.value - a.value)));
      })
      .catch((failure: Error) => setError(failure.message));
  }, [indicator, level, year]);
  if (!indicator.dx) return <p className="muted">{t('web.dashboard.noRoutine')}</p>;
  return (
    <section className="card ranking" aria-labelledby="ranking-title">
      <header className="section-header">
        <h3 id="ranking-title">{t('web.dashboard.leftBehind', { year })}</h3>
        <div role="radiogroup" aria-label={t('web.dashboard.level')} className="segmented">
          {[2, 3].map((l) => (
            <button key={l} type="button" role="radio" aria-checked={level === l} className={level === l ? 'selected' : ''} onClick={() => setLevel(l)}>
              {t(l === 2 ? 'web.level.region' : 'web.level.cercle')}
            </button>
          ))}
        </div>
      </header>
      {error && <p className="form-error">{error}</p>}
      {!rows && !error && <p className="loading">{t('web.loading')}</p>}
      {rows && (
        <table className="data-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t(level === 2 ? 'web.level.region' : 'web.level.cercle')}</th>
              <th className="number">{indicator.name}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={String(row.ou)} className={index < 3 ? 'worst' : undefined}>
                <td>{index + 1}</td>
                <td>{names[String(row.ou)]?.name ?? String(row.ou)}</td>
                <td className="number">{formatNumber(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function DashboardPage() {
  const { t, language } = useI18n();
  const { query, setQuery } = useRouter();
  const [goals, setGoals] = useState<GoalView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ goals: GoalView[] }>('/api/results').then((body) => setGoals(body.goals), (failure: Error) => setError(failure.message));
  }, [language]);
  const all = useMemo(() => (goals ?? []).flatMap((goal) => goal.results.flatMap((result) => result.indicators)), [goals]);
  const selected = all.find((indicator) => indicator.code === query.get('indicator')) ?? all[0];

  return (
    <div className="dashboard">
      <h1>{t('web.dashboard.title')}</h1>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!goals && !error && <p className="loading">{t('web.loading')}</p>}
      {goals && (
        <div className="dashboard-layout">
          <nav className="framework-tree card" aria-label={t('web.dashboard.framework')}>
            {goals.map((goal) => (
              <details key={goal.code} open>
                <summary>{goal.name}</summary>
                {goal.results.map((result) => (
                  <div key={result.code} className="tree-result">
                    <p className={result.kind === 'KRC' ? 'tree-krc' : undefined}>{result.name}</p>
                    <ul>
                      {result.indicators.map((indicator) => (
                        <li key={indicator.code}>
                          <button
                            type="button"
                            className={indicator.code === selected?.code ? 'tree-item selected' : 'tree-item'}
                            aria-current={indicator.code === selected?.code ? 'true' : undefined}
                            onClick={() => setQuery({ indicator: indicator.code })}
                          >
                            <span>{indicator.name}</span>
                            <StatusBadge status={indicator.status} />
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </details>
            ))}
          </nav>
          {selected && (
            <div className="dashboard-main grid">
              <IndicatorCard indicator={selected} />
              <ProgressBar indicator={selected} />
              <Ranking indicator={selected} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
