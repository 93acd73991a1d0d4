// Boundaries of the org units of one level as a GeoJSON FeatureCollection, for the maps.
// Administrative boundaries are public reference data (data/mali/README.md), so they are
// served without sign-in.
import type { Language } from '../../core/i18n.ts';
import { localName } from '../../core/results/resultsView.ts';
import type { Database } from '../database.ts';

export interface BoundaryFeature {
  type: 'Feature';
  geometry: unknown;
  properties: { code: string; name: string; parent: string | null; level: number };
}

export async function readBoundaries(
  database: Database,
  { level, parent, language }: { level: number; parent?: string | undefined; language: Language },
): Promise<{ type: 'FeatureCollection'; features: BoundaryFeature[] }> {
  let query = database.db
    .selectFrom('org_unit as ou')
    .leftJoin('org_unit as p', 'p.id', 'ou.parent_id')
    .select(['ou.code', 'ou.uid', 'ou.name', 'ou.name_en', 'ou.level', 'ou.geometry', 'ou.path', 'p.code as parentCode'])
    .where('ou.level', '=', level)
    .where('ou.geometry', 'is not', null)
    .orderBy('ou.code');
  if (parent) {
    const root = await database.db.selectFrom('org_unit').select('path').where((eb) => eb.or([eb('code', '=', parent), eb('uid', '=', parent)])).executeTakeFirst();
    if (!root) return { type: 'FeatureCollection', features: [] };
    query = query.where('ou.path', 'like', `${root.path}/%`);
  }
  const rows = await query.execute();
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      geometry: row.geometry,
      properties: { code: row.code ?? row.uid, name: localName(row, language), parent: row.parentCode, level: row.level },
    })),
  };
}
