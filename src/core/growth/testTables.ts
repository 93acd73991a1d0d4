/// <reference types="vite/client" />
// The shipped WHO tables for the growth tests, imported as text through Vite's `?raw`
// (vitest runs on Vite), so that the tests, like the engine, need no file system.
import acfa from '../../../data/who-growth/who2006_arm_circumference_for_age.csv?raw';
import bfa from '../../../data/who-growth/who2006_bmi_for_age.csv?raw';
import hcfa from '../../../data/who-growth/who2006_head_circumference_for_age.csv?raw';
import lhfa from '../../../data/who-growth/who2006_length_height_for_age.csv?raw';
import ssfa from '../../../data/who-growth/who2006_subscapular_skinfold_for_age.csv?raw';
import tsfa from '../../../data/who-growth/who2006_triceps_skinfold_for_age.csv?raw';
import wfa from '../../../data/who-growth/who2006_weight_for_age.csv?raw';
import wfh from '../../../data/who-growth/who2006_weight_for_height.csv?raw';
import wfl from '../../../data/who-growth/who2006_weight_for_length.csv?raw';
import bfa2007 from '../../../data/who-growth/who2007_bmi_for_age.csv?raw';
import hfa2007 from '../../../data/who-growth/who2007_height_for_age.csv?raw';
import wfa2007 from '../../../data/who-growth/who2007_weight_for_age.csv?raw';
import { parseWhoGrowthTables } from './tables.ts';

export const whoTableTexts = { wfa, lhfa, wfl, wfh, bfa, hcfa, acfa, tsfa, ssfa, hfa2007, wfa2007, bfa2007 };
export const whoTables = parseWhoGrowthTables(whoTableTexts);
export { default as sampleOracleCsv } from '../../../data/who-growth/sample-oracle.csv?raw';
