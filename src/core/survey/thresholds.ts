// Public-health classification of survey prevalences, as data: a national or agency change
// of cut-offs is an edit of these tables, not of code.
//
// WHO/UNICEF 2018 prevalence thresholds: de Onis M, Borghi E, Arimond M, et al. Prevalence
// thresholds for wasting, overweight and stunting in children under 5 years. Public Health
// Nutrition 2019;22(1):175–179, doi:10.1017/S1368980018002434, Table 1. Wasting and
// overweight share the same cut-offs; underweight has none in that paper.
//
// IPC Acute Malnutrition phases by the prevalence of GAM by WHZ (WHZ < −2 and/or oedema):
// IPC Technical Manual 3.1 (IPC Global Partners 2021), IPC AMN reference table: Phase 1
// Acceptable < 5 %, 2 Alert 5–9.9 %, 3 Serious 10–14.9 %, 4 Critical 15–29.9 %,
// 5 Extremely critical ≥ 30 %. (Cut-offs as the project's reference facts list them; the
// manual's own table was not re-read for this code — check it before relying on phase 5.)

export type PrevalenceClass = 'very_low' | 'low' | 'medium' | 'high' | 'very_high';

export interface ThresholdScale<C extends string | number> {
  /** Where the scale comes from. */
  source: string;
  /** Classes in increasing order, each from its lower bound (%, inclusive). */
  classes: readonly { from: number; value: C }[];
}

const wastingScale: ThresholdScale<PrevalenceClass> = {
  source: 'WHO/UNICEF 2018 (de Onis et al. 2019, Public Health Nutr 22:175–179, Table 1)',
  classes: [
    { from: 0, value: 'very_low' }, { from: 2.5, value: 'low' }, { from: 5, value: 'medium' },
    { from: 10, value: 'high' }, { from: 15, value: 'very_high' },
  ],
};

/** WHO/UNICEF 2018 scales by anthro indicator: wasting (WH_2), overweight (WH2), stunting (HA_2). */
export const whoUnicef2018Thresholds: Readonly<Record<string, ThresholdScale<PrevalenceClass>>> = {
  WH_2: wastingScale,
  WH2: wastingScale,
  HA_2: {
    source: wastingScale.source,
    classes: [
      { from: 0, value: 'very_low' }, { from: 2.5, value: 'low' }, { from: 10, value: 'medium' },
      { from: 20, value: 'high' }, { from: 30, value: 'very_high' },
    ],
  },
};

const ipcGamScale: ThresholdScale<number> = {
  source: 'IPC Technical Manual 3.1 (2021), IPC Acute Malnutrition reference table (GAM by WHZ)',
  classes: [{ from: 0, value: 1 }, { from: 5, value: 2 }, { from: 10, value: 3 }, { from: 15, value: 4 }, { from: 30, value: 5 }],
};

/**
 * IPC AMN phase (1–5) from GAM by WHZ (oedema included): anthro's WH_2, and SMART_GAM — the
 * GAM of the SMART surveys (6–59 months, SMART flags) that IPC AMN analyses mostly rest on.
 */
export const ipcAcuteMalnutritionPhases: Readonly<Record<string, ThresholdScale<number>>> = {
  WH_2: ipcGamScale,
  SMART_GAM: ipcGamScale,
};

/** The class of a prevalence (%) on a scale: the last class whose lower bound it reaches. */
export function classify<C extends string | number>(scale: ThresholdScale<C>, prevalence: number): C {
  let result = scale.classes[0]!.value;
  for (const { from, value } of scale.classes) if (prevalence >= from) result = value;
  return result;
}

export interface PrevalenceClassification {
  whoUnicef2018: PrevalenceClass | null;
  ipcPhase: number | null;
}

/** Both classifications of an indicator's prevalence (null where the indicator has no scale). */
export function classifyPrevalence(indicator: string, prevalence: number | null): PrevalenceClassification {
  const who = whoUnicef2018Thresholds[indicator];
  const ipc = ipcAcuteMalnutritionPhases[indicator];
  return {
    whoUnicef2018: who && prevalence !== null ? classify(who, prevalence) : null,
    ipcPhase: ipc && prevalence !== null ? classify(ipc, prevalence) : null,
  };
}
