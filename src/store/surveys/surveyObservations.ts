// Saves survey prevalences (src/core/survey/observations.ts) as rf_observation values: one
// transaction; a value already saved from the same source (same indicator, org unit, year,
// sex) is replaced, so re-running an analysis corrects rather than duplicates.
import { DenwError } from '../../core/errors.ts';
import { type SurveyObservation, surveyObservationMethod } from '../../core/survey/observations.ts';
import type { Database } from '../database.ts';
import { inTransaction } from '../transaction.ts';

export interface SaveSurveyObservations {
  /** Org unit the survey represents (its "All" and sex rows). */
  orgUnit: string;
  year: number;
  /** The survey's name, as it should read beside the value (e.g. "SMART Kayes 2025"). */
  source: string;
  observations: readonly SurveyObservation[];
  /** Whether the user may write at an org unit (its path); checked for every org unit written. */
  mayWrite: (orgUnitPath: string) => boolean;
}

export interface SavedSurveyObservations {
  saved: number;
  /** Stratum values that are no org unit code: their rows were not saved. */
  unmatchedStrata: string[];
}

export async function saveSurveyObservations(database: Database, input: SaveSurveyObservations): Promise<SavedSurveyObservations> {
  return inTransaction(database, async (client) => {
    const codes = [input.orgUnit, ...new Set(input.observations.flatMap((o) => (o.stratum === null ? [] : [o.stratum])))];
    const units = new Map(
      (await client.query<{ code: string; id: number; path: string }>('SELECT code, id, path FROM org_unit WHERE code = ANY($1)', [codes])).rows.map((row) => [row.code, row]),
    );
    const area = units.get(input.orgUnit);
    if (!area) throw new DenwError('SURVEY_ORG_UNIT_UNKNOWN', { orgUnit: input.orgUnit }, 'orgUnit');
    const indicators = new Map(
      (await client.query<{ code: string; id: number }>('SELECT code, id FROM rf_indicator WHERE code = ANY($1)', [[...new Set(input.observations.map((o) => o.resultIndicator))]])).rows.map((row) => [row.code, row.id]),
    );
    const unmatchedStrata = new Set<string>();
    let saved = 0;
    for (const observation of input.observations) {
      const unit = observation.stratum === null ? area : units.get(observation.stratum);
      if (!unit) {
        unmatchedStrata.add(observation.stratum!);
        continue;
      }
      if (!input.mayWrite(unit.path)) throw new DenwError('OUT_OF_SCOPE', { orgUnit: unit.code }, 'orgUnit');
      const indicator = indicators.get(observation.resultIndicator);
      if (indicator === undefined) continue; // the results framework is not loaded
      await client.query(
        `INSERT INTO rf_observation (rf_indicator_id, org_unit_id, year, sex, value, source, method, ci_low, ci_high, sample_size)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (rf_indicator_id, org_unit_id, year, sex, source)
         DO UPDATE SET value = EXCLUDED.value, method = EXCLUDED.method, ci_low = EXCLUDED.ci_low, ci_high = EXCLUDED.ci_high, sample_size = EXCLUDED.sample_size`,
        [indicator, unit.id, input.year, observation.sex, observation.value, input.source, surveyObservationMethod, observation.ciLow, observation.ciHigh, observation.sampleSize],
      );
      saved += 1;
    }
    return { saved, unmatchedStrata: [...unmatchedStrata].sort() };
  });
}
