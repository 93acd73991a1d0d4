// The thresholds by which a child's measurement is classified (growth monitoring, individual
// records): Mali's CMAM protocol (PCIMA) for acute malnutrition, WHO's cut-offs for wasting,
// stunting and underweight. Data only — the classifier is src/core/growth/classification.ts —
// so that a revision of the national protocol is an edit of this table (a test shows it).
//
// The PCIMA 2022 text itself was not found (mali-facts.md §3.1, "NOT FOUND"): the admission
// criteria below are WHO's, which national protocols follow, and must be checked against the
// PCIMA 2022 before the classes are used for admission. Thresholds are strict ("below"):
// WHZ exactly −3 is MAM, MUAC exactly 115 mm is MAM, WHZ exactly −2 and MUAC 125 mm are normal.
import type { GrowthClassificationThresholds } from '../../core/growth/classification.ts';

const who2006Ages = { from: 0, below: 60, source: 'WHO Child Growth Standards 2006: birth to 60 months (anthro computes z-scores under 60 months)' };

const sam = {
  oedema: 'Bilateral pitting oedema: SAM whatever the anthropometry (ICHRC/WHO, mali-facts.md §3.1 [S]; SMART/WHO, §3.3)',
  whz: 'WHZ < −3: SAM (ICHRC/WHO, mali-facts.md §3.1 [S]; JME severe wasting WHZ < −3, §1.3.1 [S])',
  muac: 'MUAC < 115 mm: SAM (ICHRC/WHO, mali-facts.md §3.1 [S])',
};
const mam = {
  whz: 'WHZ −3 to < −2, no oedema: MAM (WFP indicator compendium v5.0, mali-facts.md §3.1 [S]; JME wasting WHZ < −2, §1.3.1 [S])',
  muac: 'MUAC 115 to < 125 mm, no oedema: MAM (WFP indicator compendium v5.0, mali-facts.md §3.1 [S])',
};

export const growthClassificationThresholds: GrowthClassificationThresholds = {
  acute: {
    ageMonths: { from: 6, below: 60, source: 'PCIMA admission criteria are for children 6–59 months (mali-facts.md §3.1); under 6 months WHO 2023 uses other criteria, not loaded' },
    classes: [
      { class: 'SAM', anyOf: [{ oedema: true, source: sam.oedema }, { measure: 'zwfl', below: -3, source: sam.whz }, { measure: 'muacMm', below: 115, source: sam.muac }] },
      { class: 'MAM', anyOf: [{ measure: 'zwfl', below: -2, source: mam.whz }, { measure: 'muacMm', below: 125, source: mam.muac }] },
    ],
  },
  wasting: {
    ageMonths: who2006Ages,
    classes: [
      { class: 'SAM', anyOf: [{ oedema: true, source: sam.oedema }, { measure: 'zwfl', below: -3, source: sam.whz }] },
      { class: 'MAM', anyOf: [{ measure: 'zwfl', below: -2, source: mam.whz }] },
    ],
  },
  stunting: {
    ageMonths: who2006Ages,
    classes: [
      { class: 'severe', anyOf: [{ measure: 'zlen', below: -3, source: 'HAZ < −3: severe stunting (WHO Child Growth Standards cut-off; mali-facts.md §1.3.1 uses HAZ < −2 [S], the −3 cut-off is [K])' }] },
      { class: 'moderate', anyOf: [{ measure: 'zlen', below: -2, source: 'HAZ < −2: stunting (JME, mali-facts.md §1.3.1 [S])' }] },
    ],
  },
  underweight: {
    ageMonths: who2006Ages,
    classes: [
      { class: 'severe', anyOf: [{ measure: 'zwei', below: -3, source: 'WAZ < −3: severe underweight (WHO Child Growth Standards cut-off [K])' }] },
      { class: 'moderate', anyOf: [{ measure: 'zwei', below: -2, source: 'WAZ < −2: underweight (JME, mali-facts.md §1.3.1 [S])' }] },
    ],
  },
};
