// How the immunization package categorises districts for RED/REC (WHO "Reaching Every
// District"; thresholds in src/core/immunization/redRec.ts): data, so that a national guide
// using Penta1→MR1 as the utilisation dropout changes this file, not the code.
import { WHO_RED_REC_THRESHOLDS, type RedRecThresholds } from '../../core/immunization/redRec.ts';
import { coverageCode, DROPOUT_PENTA1_MR1, DROPOUT_PENTA1_PENTA3, SURVIVING_INFANTS, ZERO_DOSE } from './index.ts';

export interface RedRecDefinition {
  /** Access: the Penta1 coverage indicator. */
  access: string;
  /** The dropout indicators that may define utilisation; the first is the default. */
  utilisation: readonly [string, ...string[]];
  thresholds: RedRecThresholds;
  /** Other coverages shown beside and checked for values over 100 %. */
  coverages: readonly string[];
  zeroDose: string;
  target: string;
  /** The org-unit level of health districts (cercles): 3 in Mali's hierarchy. */
  districtLevel: number;
}

export const redRecDefinition: RedRecDefinition = {
  access: coverageCode('PENTA1'),
  // Penta1→Penta3 as in the WHO RED guide's worked example (mali-facts §2.3); Penta1→MR1, the
  // "access to completion" dropout, is the alternative some national guides use.
  utilisation: [DROPOUT_PENTA1_PENTA3, DROPOUT_PENTA1_MR1],
  thresholds: WHO_RED_REC_THRESHOLDS,
  coverages: [coverageCode('PENTA3'), coverageCode('MR1')],
  zeroDose: ZERO_DOSE,
  target: SURVIVING_INFANTS,
  districtLevel: 3,
};
