// How the demonstration dataset draws each data element of the programme packages: what
// population it is proportional to and at what yearly rate. These are orders of magnitude
// chosen so that the demo dashboards look like a Malian programme's (coverage around 70–95 %,
// CMAM cure rates around 80 %), not statistics: every value they produce is tagged 'demo'.
import type { DemoProfile } from '../../core/demo/demoDataValues.ts';
import { cmamDemoProfiles } from './cmamProfiles.ts';

const sex = { F: 0.49, M: 0.51 };
const infants = { ...sex, '0-11M': 0.93, '12-23M': 0.07 };

function dose(perYear: number, extra: Partial<DemoProfile> = {}): DemoProfile {
  return { base: 'survivingInfants', perYear, trend: 0.02, shares: infants, ...extra };
}

export const demoProfiles: Record<string, DemoProfile> = {
  // Immunization: doses in a year ≈ coverage × surviving infants (WUENIC 2023 puts DTP3 at 77 %).
  EPI_BCG: { base: 'births', perYear: 0.9, trend: 0.01, shares: infants },
  EPI_OPV0: { base: 'births', perYear: 0.55, trend: 0.02, shares: sex },
  EPI_OPV1: dose(0.88),
  EPI_OPV2: dose(0.83),
  EPI_OPV3: dose(0.77),
  EPI_PENTA1: dose(0.9),
  EPI_PENTA2: dose(0.84),
  EPI_PENTA3: dose(0.78),
  EPI_PCV1: dose(0.89),
  EPI_PCV2: dose(0.83),
  EPI_PCV3: dose(0.77),
  EPI_ROTA1: dose(0.86),
  EPI_ROTA2: dose(0.8),
  EPI_ROTA3: dose(0.74),
  EPI_IPV1: dose(0.78),
  EPI_IPV2: dose(0.45, { trend: 0.15 }),
  EPI_MR1: dose(0.72),
  EPI_MR2: dose(0.5, { shares: { ...sex, '0-11M': 0, '12-23M': 1 }, trend: 0.05 }),
  EPI_YF: dose(0.7),
  EPI_MENA: dose(0.68),
  EPI_HPV: { base: 'girls10', perYear: 0.35, trend: 0.2 },
  EPI_MALARIA1: { base: 'survivingInfants', perYear: 0.6, shares: sex, reportingShare: 0.25 },
  EPI_MALARIA2: { base: 'survivingInfants', perYear: 0.55, shares: sex, reportingShare: 0.25 },
  EPI_MALARIA3: { base: 'survivingInfants', perYear: 0.5, shares: sex, reportingShare: 0.25 },
  EPI_TARGET_LIVE_BIRTHS: { base: 'births', perYear: 1, targetPopulation: true },
  EPI_TARGET_SURVIVING_INFANTS: { base: 'survivingInfants', perYear: 1, targetPopulation: true },
  EPI_TARGET_GIRLS_10Y: { base: 'girls10', perYear: 1, targetPopulation: true },

  // Nutrition (CMAM): SAM and MAM admissions per child under 5 per year, outcomes over exits.
  NUT_CMAM_ADMISSIONS: {
    base: 'under5',
    perYear: 0.05,
    shares: { URENI: 0.08, URENAS: 0.35, URENAM: 0.57, NEW_CASE: 0.86, RELAPSE: 0.05, READMISSION: 0.04, TRANSFER_IN: 0.05 },
  },
  NUT_CMAM_EXITS: {
    base: 'under5',
    perYear: 0.048,
    shares: { URENI: 0.08, URENAS: 0.35, URENAM: 0.57, CURED: 0.82, DIED: 0.01, DEFAULTED: 0.1, NON_RESPONDENT: 0.03, TRANSFER_OUT: 0.03, MEDICAL_TRANSFER: 0.01 },
  },
  NUT_CMAM_IN_TREATMENT_END: { base: 'under5', perYear: 0.006, level: true, shares: { URENI: 0.05, URENAS: 0.4, URENAM: 0.55 } },
  ...cmamDemoProfiles,

  // Education (yearly school census by cercle).
  EDU_ENROLMENT: { base: 'total', perYear: 0.13, trend: 0.01, shares: { PRESCHOOL: 0.05, F1: 0.7, F2: 0.17, SECONDARY: 0.08, F: 0.47, M: 0.53 } },
  EDU_ENROLMENT_OFFICIAL_AGE: { base: 'total', perYear: 0.1, trend: 0.01, shares: { PRESCHOOL: 0.04, F1: 0.72, F2: 0.16, SECONDARY: 0.08, F: 0.47, M: 0.53 } },
  EDU_POP_OFFICIAL_AGE: { base: 'total', perYear: 0.3, targetPopulation: true, shares: { PRESCHOOL: 0.2, F1: 0.5, F2: 0.2, SECONDARY: 0.1, ...sex } },
  EDU_TEACHERS: { base: 'total', perYear: 0.0025, shares: { PRESCHOOL: 0.05, F1: 0.65, F2: 0.2, SECONDARY: 0.1, F: 0.3, M: 0.7 } },
  EDU_NEW_ENTRANTS_GRADE6: { base: 'total', perYear: 0.013, trend: 0.01, shares: { F: 0.47, M: 0.53 } },
  EDU_POP_AGE_12: { base: 'total', perYear: 0.028, targetPopulation: true, shares: sex },
  EDU_SCHOOLS: { base: 'total', perYear: 0.0006 },
  EDU_SCHOOLS_CLOSED_INSECURITY: { base: 'total', perYear: 0.00006 },

  // Child protection.
  CP_BIRTHS_REGISTERED: { base: 'births', perYear: 0.85, trend: 0.02, shares: { LT1Y: 0.75, '1-4Y': 0.25, ...sex } },
  CP_CASES_IDENTIFIED: { base: 'under5', perYear: 0.004, shares: { VIOLENCE: 0.3, CHILD_MARRIAGE: 0.15, UASC: 0.15, CAAFAG: 0.05, CHILD_LABOUR: 0.15, OTHER_PROTECTION: 0.2, ...sex } },
  CP_CASES_REFERRED: { base: 'under5', perYear: 0.003, shares: { VIOLENCE: 0.3, CHILD_MARRIAGE: 0.15, UASC: 0.15, CAAFAG: 0.05, CHILD_LABOUR: 0.15, OTHER_PROTECTION: 0.2, ...sex } },
  CP_CASES_CLOSED: { base: 'under5', perYear: 0.0025, shares: { VIOLENCE: 0.3, CHILD_MARRIAGE: 0.15, UASC: 0.15, CAAFAG: 0.05, CHILD_LABOUR: 0.15, OTHER_PROTECTION: 0.2, ...sex } },
  CP_CHILDREN_ASSISTED: { base: 'under5', perYear: 0.003, shares: sex },
  CP_GIRLS_LIFE_SKILLS_ENROLLED: { base: 'total', perYear: 0.0012 },
  CP_GIRLS_LIFE_SKILLS_COMPLETED: { base: 'total', perYear: 0.0009 },
  CP_COMMUNITIES_DECLARED: { base: 'total', perYear: 0.00002 },
  CP_PEOPLE_REACHED_DIALOGUE: { base: 'total', perYear: 0.01, shares: sex },
  CP_LEADERS_ENGAGED: { base: 'total', perYear: 0.0002 },
  CP_CHILD_MARRIAGES_PREVENTED: { base: 'total', perYear: 0.00005 },

  // WASH.
  WASH_VILLAGES_TRIGGERED: { base: 'total', perYear: 0.00008 },
  WASH_VILLAGES_CERTIFIED_FDAL: { base: 'total', perYear: 0.00005, trend: 0.05 },
  WASH_VILLAGES_POST_FDAL_VISITED: { base: 'total', perYear: 0.00004 },
  WASH_LATRINES_BUILT: { base: 'total', perYear: 0.004 },
  WASH_PEOPLE_CERTIFIED_VILLAGES: { base: 'total', perYear: 0.02, trend: 0.05 },
  WASH_PEOPLE_EMERGENCY_KITS: { base: 'total', perYear: 0.01, shares: sex },
  WASH_PEOPLE_EMERGENCY_WATER: { base: 'total', perYear: 0.015, shares: sex },

  // Humanitarian response (people in need, targeted and reached by cluster, age and sex).
  HUM_PEOPLE_IN_NEED: { base: 'total', perYear: 0.35, shares: { CHILDREN: 0.55, ADULTS: 0.45, ...sex } },
  HUM_PEOPLE_TARGETED: { base: 'total', perYear: 0.22, shares: { CHILDREN: 0.55, ADULTS: 0.45, ...sex } },
  HUM_PEOPLE_REACHED: { base: 'total', perYear: 0.15, trend: 0.05, shares: { CHILDREN: 0.55, ADULTS: 0.45, ...sex } },
};
