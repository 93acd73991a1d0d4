// The child registry as the browser reads it: children, their vaccinations and the schedule's
// assessment of every dose (GET /api/children…, owner: the registry backend), the defaulter
// list of a health area, and growth measurements with their z-scores (GET /api/children/:uid/
// measurements, /api/growth/curves). Types follow the API contract; nothing is computed here.
import { api } from '../../app/api.ts';

export type Sex = 'F' | 'M';
export type DoseStatus = 'given' | 'invalid' | 'due' | 'overdue' | 'not_due' | 'too_late' | 'not_eligible';
export const doseStatuses: readonly DoseStatus[] = ['given', 'invalid', 'due', 'overdue', 'not_due', 'too_late', 'not_eligible'];

export interface OrgUnitRef {
  code: string;
  name: string;
}

export interface Child {
  uid: string;
  orgUnit: OrgUnitRef;
  givenName: string;
  familyName: string;
  sex: Sex;
  birthDate: string;
  motherName: string | null;
  village: string | null;
  created: string;
}

export interface ChildFields {
  orgUnit: string;
  givenName: string;
  familyName: string;
  sex: Sex | '';
  birthDate: string;
  motherName: string;
  village: string;
}

export interface Immunization {
  id: number | string;
  vaccine: string;
  dose: number;
  date: string;
  lotNumber: string | null;
  orgUnit: OrgUnitRef | null;
  status: 'completed' | 'entered-in-error';
}

export interface DoseAssessment {
  vaccine: string;
  dose: number;
  status: DoseStatus;
  dueDate: string | null;
  overdueDate: string | null;
  validDate: string | null;
  givenDate: string | null;
}

export interface ChildRecord extends Child {
  immunizations: Immunization[];
  schedule: DoseAssessment[];
}

export interface DoseGivenFields {
  vaccine: string;
  dose: number;
  date: string;
  lotNumber?: string;
  orgUnit?: string;
}

export interface Defaulter {
  child: Child;
  vaccine: string;
  dose: number;
  dueDate: string;
  overdueDate: string | null;
}

export interface DefaulterList {
  asOf: string;
  weekStart: string;
  weekEnd: string;
  due: Defaulter[];
  overdue: Defaulter[];
  lostToFollowUp: Defaulter[];
}

export type Classification = 'SAM' | 'MAM' | 'normal' | 'severe' | 'moderate' | null;

export interface Measurement {
  id: number | string;
  date: string;
  ageDays: number | null;
  weightKg: number | null;
  lengthHeightCm: number | null;
  measure: 'l' | 'h' | null;
  muacMm: number | null;
  oedema: boolean;
  zwei: number | null;
  zlen: number | null;
  zwfl: number | null;
  zbmi: number | null;
  zac: number | null;
  fwei: number | null;
  flen: number | null;
  fwfl: number | null;
  fbmi: number | null;
  fac: number | null;
  classification: {
    wasting: 'SAM' | 'MAM' | 'normal' | null;
    stunting: 'severe' | 'moderate' | 'normal' | null;
    underweight: 'severe' | 'moderate' | 'normal' | null;
    acute: 'SAM' | 'MAM' | 'normal' | null;
  };
}

export interface MeasurementFields {
  date: string;
  weightKg?: number;
  lengthHeightCm?: number;
  measure?: 'l' | 'h';
  muacMm?: number;
  oedema?: boolean;
}

export type CurveIndicator = 'wfa' | 'lhfa' | 'wfl' | 'wfh';

export interface CurvePoint {
  x: number;
  sd3neg: number;
  sd2neg: number;
  sd0: number;
  sd2: number;
  sd3: number;
}

export interface Curves {
  indicator: CurveIndicator;
  sex: Sex;
  xUnit: 'days' | 'cm';
  points: CurvePoint[];
}

const enc = encodeURIComponent;

export function searchChildren(criteria: { orgUnit?: string; q?: string; birthDate?: string }): Promise<{ children: Child[] }> {
  const query = new URLSearchParams(Object.entries(criteria).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return api(`/api/children?${query}`);
}

export const registerChild = (fields: Omit<ChildFields, 'sex'> & { sex: Sex }) =>
  api<Child>('/api/children', {
    method: 'POST',
    json: { ...fields, motherName: fields.motherName.trim() || undefined, village: fields.village.trim() || undefined },
  });

export const loadChild = (uid: string) => api<ChildRecord>(`/api/children/${enc(uid)}`);

export const recordDose = (uid: string, dose: DoseGivenFields) => api<Immunization>(`/api/children/${enc(uid)}/immunizations`, { method: 'POST', json: dose });

export const removeDose = (uid: string, id: Immunization['id']) => api<unknown>(`/api/children/${enc(uid)}/immunizations/${enc(String(id))}`, { method: 'DELETE' });

export const fhirExportUrl = (uid: string) => `/api/children/${enc(uid)}/fhir`;

export const loadDefaulters = (orgUnit: string) => api<DefaulterList>(`/api/immunization/defaulters?orgUnit=${enc(orgUnit)}`);

export const defaultersCsvUrl = (orgUnit: string, asOf: string) => `/api/immunization/defaulters?orgUnit=${enc(orgUnit)}&asOf=${enc(asOf)}&format=csv`;

export const loadMeasurements = (uid: string) => api<{ measurements: Measurement[] }>(`/api/children/${enc(uid)}/measurements`);

export const recordMeasurement = (uid: string, fields: MeasurementFields) => api<Measurement>(`/api/children/${enc(uid)}/measurements`, { method: 'POST', json: fields });

export const removeMeasurement = (uid: string, id: Measurement['id']) => api<unknown>(`/api/children/${enc(uid)}/measurements/${enc(String(id))}`, { method: 'DELETE' });

const curves = new Map<string, Promise<Curves>>();
/** The WHO lines change only with a new edition of the tables: fetched once per page load. */
export function loadCurves(indicator: CurveIndicator, sex: Sex): Promise<Curves> {
  const key = `${indicator}:${sex}`;
  let loaded = curves.get(key);
  if (!loaded) {
    loaded = api<Curves>(`/api/growth/curves?indicator=${indicator}&sex=${sex}`);
    loaded.catch(() => curves.delete(key));
    curves.set(key, loaded);
  }
  return loaded;
}
