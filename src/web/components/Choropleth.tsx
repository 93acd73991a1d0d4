// A choropleth map in plain SVG (d3-geo): no tile server and no WebGL, so it works offline
// and prints. Values are grouped into classes (equal intervals over the data range, or the
// breaks given); each area carries its class in `data-class` so tests and styles can read it.
import { geoMercator, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useI18n } from '../app/i18n.tsx';

export interface AreaProperties {
  code: string;
  name: string;
}

export interface ChoroplethProps {
  features: FeatureCollection<Geometry, AreaProperties>;
  values: Record<string, number | null | undefined>;
  /** Upper bounds of the classes but the last; computed from the values when absent. */
  breaks?: number[];
  /** Colours from low to high; one more than the breaks. */
  palette?: string[];
  unit?: string;
  title: string;
  onSelect?: (code: string) => void;
  width?: number;
  height?: number;
}

// ColorBrewer "Blues" (5 classes), sequential and colour-blind safe (colorbrewer2.org).
const defaultPalette = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const noDataColour = '#e5e7eb';

type Ring = number[][];

/** Twice the signed planar area of a ring (shoelace): positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  // Edges j → i: Σ (x_j − x_i)(y_j + y_i) is positive for a counter-clockwise ring.
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum;
}

/**
 * GeoJSON (RFC 7946 §3.1.6) winds exterior rings counter-clockwise; d3-geo works on the
 * sphere and reads a counter-clockwise exterior as "everything but this area", which fills
 * the whole map. Rewinding exteriors clockwise and holes counter-clockwise fixes it.
 */
export function rewindForD3<G extends Geometry>(geometry: G): G {
  const polygon = (rings: Ring[]) => rings.map((ring, index) => ((signedArea(ring) > 0) === (index === 0) ? [...ring].reverse() : ring));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: polygon(geometry.coordinates as Ring[]) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: (geometry.coordinates as Ring[][]).map(polygon) };
  return geometry;
}

export function equalIntervalBreaks(values: number[], classes: number): number[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [];
  return Array.from({ length: classes - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classes);
}

export function classOf(value: number, breaks: number[]): number {
  const index = breaks.findIndex((bound) => value <= bound);
  return index < 0 ? breaks.length : index;
}

export function Choropleth({ features, values, breaks, palette = defaultPalette, unit = '', title, onSelect, width = 640, height = 520 }: ChoroplethProps) {
  const { t, formatNumber } = useI18n();
  const [hovered, setHovered] = useState<Feature<Geometry, AreaProperties> | null>(null);
  // A drill-down replaces the areas: the one under the pointer before is gone.
  useEffect(() => setHovered(null), [features]);
  const rewound = useMemo<FeatureCollection<Geometry, AreaProperties>>(
    () => ({ ...features, features: features.features.map((feature) => ({ ...feature, geometry: rewindForD3(feature.geometry) })) }),
    [features],
  );
  const path = useMemo(() => geoPath(geoMercator().fitSize([width, height], rewound)), [rewound, width, height]);
  const known = Object.values(values).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const classBreaks = breaks ?? equalIntervalBreaks(known, palette.length);
  const colours = palette.slice(0, classBreaks.length + 1);
  const format = (value: number) => `${formatNumber(value)}${unit}`;
  const legend = colours.map((colour, i) => {
    const low = i === 0 ? Math.min(...known) : classBreaks[i - 1]!;
    const high = i === classBreaks.length ? Math.max(...known) : classBreaks[i]!;
    return { colour, label: known.length ? `${format(low)} – ${format(high)}` : '' };
  });

  return (
    <figure className="choropleth">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {rewound.features.map((feature) => {
          const value = values[feature.properties.code];
          const hasValue = typeof value === 'number' && Number.isFinite(value);
          const cls = hasValue ? classOf(value, classBreaks) : -1;
          const label = `${feature.properties.name} : ${hasValue ? format(value) : t('web.map.noData')}`;
          return (
            <path
              key={feature.properties.code}
              d={path(feature) ?? ''}
              data-code={feature.properties.code}
              data-class={hasValue ? cls : 'no-data'}
              fill={hasValue ? colours[cls] : noDataColour}
              stroke="#ffffff"
              strokeWidth={1}
              tabIndex={onSelect ? 0 : -1}
              role={onSelect ? 'button' : undefined}
              aria-label={label}
              className={onSelect ? 'area clickable' : 'area'}
              onMouseEnter={() => setHovered(feature)}
              onMouseLeave={() => setHovered(null)}
              onFocus={() => setHovered(feature)}
              onClick={() => onSelect?.(feature.properties.code)}
              onKeyDown={(event) => {
                if (onSelect && (event.key === 'Enter' || event.key === ' ')) {
                  event.preventDefault();
                  onSelect(feature.properties.code);
                }
              }}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <p className="map-hover" aria-live="polite">
          {hovered
            ? `${hovered.properties.name} : ${typeof values[hovered.properties.code] === 'number' ? format(values[hovered.properties.code] as number) : t('web.map.noData')}`
            : ' '}
        </p>
        <ul className="legend" aria-label={t('web.map.legend')}>
          {legend.map((entry) => (
            <li key={entry.colour}>
              <span className="swatch" style={{ background: entry.colour }} />
              {entry.label}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: noDataColour }} />
            {t('web.map.noData')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
