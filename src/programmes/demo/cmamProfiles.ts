// Demo values of the CMAM report that follow from others of the same site and month, so that
// the demo form passes the package's consistency rules (nutrition/cmam.ts): new admissions by
// criterion, the caseload at the
// start of the month, the length of stay and weight gain of the children cured, and the RUTF
// stock balance. The typical stays, weights and gains are demonstration assumptions of the
// usual order (en-net: an outpatient stay of about 45 days, a gain of 5 g/kg/day or more), not data.
import type { DemoProfile, DerivedCell } from '../../core/demo/demoDataValues.ts';
import {
  ADMISSION_TYPES,
  ADMISSIONS,
  CURED_DAYS,
  CURED_KG_DAYS,
  CURED_WEIGHT_GAIN,
  EXIT_TYPES,
  EXITS,
  IN_TREATMENT,
  IN_TREATMENT_START,
  NEW_BY_CRITERION,
  RUTF_CLOSING,
  RUTF_LOSSES,
  RUTF_OPENING,
  RUTF_RECEIVED,
  RUTF_STOCKOUT_DAYS,
  RUTF_USED,
} from '../nutrition/cmam.ts';

const unitShares = { URENI: 0.05, URENAS: 0.4, URENAM: 0.55 };
/** Per unit: days in treatment, minimum weight (kg) and weight gain (g/kg/day) of a cured child. */
const typical: Record<string, { days: number; kg: number; gain: number }> = {
  URENI: { days: 10, kg: 6.5, gain: 10 },
  URENAS: { days: 45, kg: 7, gain: 6 },
  URENAM: { days: 60, kg: 8, gain: 3.5 },
};
/** ±10 % around a value, rounded. */
const near = (value: number, random: () => number) => Math.round(value * (0.9 + 0.2 * random()));
const total = (cell: DerivedCell, code: string, options: readonly string[]) => options.reduce((sum, option) => sum + cell.value(code, `${cell.optionCombo}_${option}`), 0);

/** Share of new admissions by admission criterion (the rest is MUAC); bilateral oedema is always SAM. */
const criterionShares: Record<string, Record<string, number>> = {
  URENI: { WHZ: 0.3, OEDEMA: 0.12 },
  URENAS: { WHZ: 0.34, OEDEMA: 0.04 },
  URENAM: { WHZ: 0.36, OEDEMA: 0 },
};

export const cmamDemoProfiles: Record<string, DemoProfile> = {
  // New admissions split by criterion, adding up to the new admissions of the unit.
  [NEW_BY_CRITERION]: {
    base: 'under5',
    perYear: 0,
    derive: (cell) => {
      const unit = cell.optionCombo.slice(0, cell.optionCombo.indexOf('_'));
      const criterion = cell.optionCombo.slice(unit.length + 1);
      const newCases = cell.value(ADMISSIONS, `${unit}_NEW_CASE`);
      const of = (name: string) => Math.round(newCases * criterionShares[unit]![name]!);
      return criterion === 'MUAC' ? newCases - of('WHZ') - of('OEDEMA') : of(criterion);
    },
  },
  // Start of month = end of month − admissions + exits, never below 0: exits never exceed start + admissions.
  [IN_TREATMENT_START]: {
    base: 'under5',
    perYear: 0.006,
    level: true,
    shares: unitShares,
    derive: (cell) => Math.max(0, cell.value(IN_TREATMENT, cell.optionCombo) - total(cell, ADMISSIONS, ADMISSION_TYPES) + total(cell, EXITS, EXIT_TYPES)),
  },
  [CURED_DAYS]: {
    base: 'under5',
    perYear: 1,
    shares: unitShares,
    derive: (cell) => near(cell.value(EXITS, `${cell.optionCombo}_CURED`) * typical[cell.optionCombo]!.days, cell.random),
  },
  // Days from the minimum weight to discharge: most of the stay.
  [CURED_KG_DAYS]: {
    base: 'under5',
    perYear: 1,
    shares: unitShares,
    derive: (cell) => near(cell.value(CURED_DAYS, cell.optionCombo) * 0.9 * typical[cell.optionCombo]!.kg, cell.random),
  },
  [CURED_WEIGHT_GAIN]: {
    base: 'under5',
    perYear: 1,
    shares: unitShares,
    derive: (cell) => near(cell.value(CURED_KG_DAYS, cell.optionCombo) * typical[cell.optionCombo]!.gain, cell.random),
  },
  // RUTF in cartons of 150 sachets: about one carton per child treated for SAM; 1–2 months of stock.
  // Losses come out of stock the site had.
  [RUTF_OPENING]: { base: 'under5', perYear: 0.003, level: true, derive: (cell) => Math.max(cell.draw, cell.value(RUTF_LOSSES)) },
  [RUTF_RECEIVED]: { base: 'under5', perYear: 0.021 },
  [RUTF_LOSSES]: { base: 'under5', perYear: 0.0003 },
  // What is distributed cannot exceed what the site had.
  [RUTF_USED]: {
    base: 'under5',
    perYear: 0.02,
    derive: (cell) => Math.min(cell.draw, cell.value(RUTF_OPENING) + cell.value(RUTF_RECEIVED) - cell.value(RUTF_LOSSES)),
  },
  [RUTF_CLOSING]: {
    base: 'under5',
    perYear: 0.003,
    derive: (cell) => cell.value(RUTF_OPENING) + cell.value(RUTF_RECEIVED) - cell.value(RUTF_USED) - cell.value(RUTF_LOSSES),
  },
  // A site that ends the month empty was out of stock for some days.
  [RUTF_STOCKOUT_DAYS]: { base: 'under5', perYear: 0, derive: (cell) => (cell.value(RUTF_CLOSING) === 0 ? 1 + Math.floor(cell.random() * 10) : 0) },
};
