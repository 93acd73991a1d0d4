// The immunization engine's public surface (issue 4): the schedule types and assessSchedule.
export { addAge, plusAge, type Age } from './ages.ts';
export {
  assessSchedule,
  VACCINE_CODES,
  type DoseAssessment,
  type DoseGiven,
  type DoseStatus,
  type ImmunizationSchedule,
  type ScheduleDose,
  type ScheduleSubject,
  type Season,
  type VaccineCode,
} from './schedule.ts';
export { classifyRedRec, WHO_RED_REC_THRESHOLDS, type RedRecAssessment, type RedRecCategory, type RedRecFlag, type RedRecThresholds, type RedRecValues } from './redRec.ts';
