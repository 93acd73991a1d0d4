// Thematic maps: any indicator or data element by region or cercle for a year, classed
// into a legend; hover shows the value, a click drills down to the next level.
import { useEffect, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { api } from '../../app/api.ts';
import { fetchAnalytics } from '../../app/analytics.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { Choropleth, type AreaProperties } from '../../components/Choropleth.tsx';
import { DataItemPicker } from '../../components/DataItemPicker.tsx';

export default function MapsPage() {
  const { t, language } = useI18n();
  const { query, setQuery } = useRouter();
  const dx = query.get('dx') ?? '';
  const year = query.get('pe') ?? String(new Date().getFullYear() - 1);
  const parent = query.get('parent') ?? '';
  const level = parent ? 3 : 2;
  const [areas, setAreas] = useState<FeatureCollection<Geometry, AreaProperties> | null>(null);
  const [values, setValues] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<FeatureCollection<Geometry, AreaProperties>>(`/api/results/boundaries?level=${level}${parent ? `&parent=${encodeURIComponent(parent)}` : ''}`).then(
      setAreas,
      (failure: Error) => setError(failure.message),
    );
  }, [level, parent, language]);
  useEffect(() => {
    setValues({});
    if (!dx) return;
    const ou = parent ? [parent, `LEVEL-${level}`] : [`LEVEL-${level}`];
    fetchAnalytics({ dimensions: { ou }, filters: { dx: [dx], pe: [year] } })
      .then(({ records }) => setValues(Object.fromEntries(records.map((r) => [String(r.ou), r.value]))))
      .catch((failure: Error) => setError(failure.message));
  }, [dx, year, level, parent]);

  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    <div className="maps-page">
      <h1>{t('web.maps.title')}</h1>
      <div className="toolbar card">
        <DataItemPicker value={dx} onChange={(code) => setQuery({ dx: code })} label={t('web.pick.data')} />
        <label>
          {t('web.pick.year')}
          <select value={year} onChange={(event) => setQuery({ pe: event.target.value })}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        {parent && (
          <button type="button" className="button-secondary" onClick={() => setQuery({ parent: null })}>
            {t('web.maps.backToRegions')}
          </button>
        )}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {areas && (
        <div className="card map-card">
          <Choropleth
            features={areas}
            values={values}
            title={`${dx || t('web.maps.noDataChosen')} — ${year}`}
            onSelect={level === 2 ? (code) => setQuery({ parent: code }) : undefined}
            width={760}
            height={600}
          />
          {level === 2 && <p className="muted">{t('web.maps.clickToDrill')}</p>}
        </div>
      )}
    </div>
  );
}
