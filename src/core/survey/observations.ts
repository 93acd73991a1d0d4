// Which survey prevalences become values of the results framework (rf_observation, beside
// routine data, with source and method): the anthro indicators that measure the same thing
// as a result indicator, by the same definition — WHO 2006 standards, WHO flags, children
// 0–59 months, oedema counted as anthro counts it. As data: a new mapping is an entry here.
// RF_GAM (SMART's GAM, 6–59 months, SMART flags) is not fed from WH_2, whose flags and ages differ.
import type { PrevalenceRow } from './prevalence.ts';

export const resultIndicatorOfAnthroIndicator: Readonly<Record<string, string>> = {
  HA_2: 'RF_STUNTING',
  WH_2: 'RF_WASTING',
  WA_2: 'RF_UNDERWEIGHT',
};

/** The method recorded with every value saved from a survey analysis. */
export const surveyObservationMethod =
  "Denw, comme anthro_prevalence de l'OMS (normes 2006, drapeaux OMS, 0–59 mois ; linéarisation de Taylor, IC 95 % logit) / " +
  "as WHO's anthro_prevalence (2006 standards, WHO flags, 0–59 months; Taylor linearisation, logit 95 % CI)";

export interface SurveyObservation {
  resultIndicator: string;
  /** null: the survey's own area; otherwise the stratum value (an org unit code). */
  stratum: string | null;
  sex: 'F' | 'M' | 'T';
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
  sampleSize: number;
}

/**
 * The observations of a prevalence table: for each mapped indicator, the "All", "Sex: Female"
 * and "Sex: Male" rows for the survey's area, and the "<strata label>: <value>" rows for the
 * strata (saved where the value is an org unit's code). Rows without an estimate are skipped.
 */
export function surveyObservations(rows: readonly PrevalenceRow[], strataLabel?: string): SurveyObservation[] {
  const observations: SurveyObservation[] = [];
  for (const row of rows) {
    const resultIndicator = resultIndicatorOfAnthroIndicator[row.indicator];
    if (!resultIndicator || row.prevalence === null) continue;
    let stratum: string | null = null;
    let sex: SurveyObservation['sex'];
    if (row.group === 'All') sex = 'T';
    else if (row.group === 'Sex: Female') sex = 'F';
    else if (row.group === 'Sex: Male') sex = 'M';
    else if (strataLabel && row.group.startsWith(`${strataLabel}: `)) {
      sex = 'T';
      stratum = row.group.slice(strataLabel.length + 2);
    } else continue;
    observations.push({ resultIndicator, stratum, sex, value: row.prevalence, ciLow: row.ciLow, ciHigh: row.ciHigh, sampleSize: row.n });
  }
  return observations;
}
