// The public results page, the live version of the programme's "What we do": the vision,
// the five goals across the life cycle, and the four Key Results for Children with their
// headline indicators, status, trend and a map by region. No sign-in.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GoalView, ResultIndicatorView } from '../../../core/results/resultsView.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Choropleth, type AreaProperties } from '../../components/Choropleth.tsx';
import { IndicatorCard, StatusBadge } from '../../components/IndicatorCard.tsx';

const lifeCycle = ['beforeBirth', 'earlyChildhood', 'schoolAge', 'adolescence'] as const;

function RegionMap({ indicator, regions }: { indicator: ResultIndicatorView; regions: FeatureCollection<Geometry, AreaProperties> }) {
  const { t } = useI18n();
  const latestYear = Math.max(...indicator.places.map((p) => p.year));
  const values = Object.fromEntries(indicator.places.filter((p) => p.year === latestYear).map((p) => [p.orgUnit, p.value]));
  return (
    <div className="region-map">
      <h5>{t('web.results.byRegion', { year: latestYear })}</h5>
      <Choropleth features={regions} values={values} unit={indicator.unit === 'percent' ? ' %' : ''} title={`${indicator.name} — ${latestYear}`} width={360} height={300} />
    </div>
  );
}

export default function PublicResultsPage() {
  const { t, language } = useI18n();
  const [goals, setGoals] = useState<GoalView[] | null>(null);
  const [regions, setRegions] = useState<FeatureCollection<Geometry, AreaProperties> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ goals: GoalView[] }>('/api/results/public')
      .then((body) => setGoals(body.goals))
      .catch((failure: Error) => setError(failure.message));
    api<FeatureCollection<Geometry, AreaProperties>>('/api/results/boundaries?level=2').then(setRegions, () => setRegions(null));
  }, [language]);
  const keyResults = useMemo(() => (goals ?? []).flatMap((goal) => goal.results.filter((result) => result.kind === 'KRC')), [goals]);

  return (
    <div className="public-page">
      <section className="hero">
        <h1>{t('web.public.title')}</h1>
        <p className="vision">{t('web.public.vision')}</p>
        <ol className="life-cycle" aria-label={t('web.public.lifeCycle')}>
          {lifeCycle.map((stage) => (
            <li key={stage}>{t(`web.public.stage.${stage}`)}</li>
          ))}
        </ol>
      </section>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!goals && !error && <p className="loading">{t('web.loading')}</p>}
      {goals && (
        <>
          <section aria-labelledby="goals-title">
            <h2 id="goals-title">{t('web.public.goals')}</h2>
            <div className="grid goals-grid">
              {goals.map((goal, index) => (
                <article key={goal.code} className="card goal-card" data-goal={goal.code}>
                  <span className="goal-number">{index + 1}</span>
                  <h3>{goal.name}</h3>
                  {goal.description && <p className="muted">{goal.description}</p>}
                  <ul className="goal-indicators">
                    {goal.results.flatMap((result) => result.indicators).map((indicator) => (
                      <li key={indicator.code}>
                        <span>{indicator.name}</span> <StatusBadge status={indicator.status} />
                      </li>
                    ))}
                  </ul>
                </article>
              ))}
            </div>
          </section>
          <section aria-labelledby="krc-title">
            <h2 id="krc-title">{t('web.public.keyResults')}</h2>
            {keyResults.map((result) => (
              <section key={result.code} className="key-result" data-result={result.code} aria-label={result.name}>
                <h3>{result.name}</h3>
                <div className="grid indicators-grid">
                  {result.indicators.map((indicator) => (
                    <div key={indicator.code} className="indicator-with-map">
                      <IndicatorCard indicator={indicator} />
                      {regions && indicator.places.length > 0 && <RegionMap indicator={indicator} regions={regions} />}
                    </div>
                  ))}
                </div>
              </section>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
