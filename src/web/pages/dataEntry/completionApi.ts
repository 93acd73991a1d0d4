// Completing a form and checking it: the data set registration (DHIS2
// completeDataSetRegistrations) and the validation rules run by the server on one form
// (GET /api/validation for the data set, org unit and period).
import { api } from '../../app/api.ts';
import type { FormKey } from './dataEntryApi.ts';

export interface Completion {
  completed: boolean;
  completedBy?: string | null;
  date?: string | null;
}

export interface Violation {
  rule: string;
  instruction: string | null;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  operator: string;
  leftSide: number | null;
  rightSide: number | null;
}

interface RawRegistration {
  completed?: boolean;
  completedBy?: string | null;
  storedBy?: string | null;
  date?: string | null;
  lastUpdated?: string | null;
}

const registrationQuery = (form: FormKey, extra: Record<string, string> = {}) =>
  new URLSearchParams({ dataSet: form.dataSet, period: form.period, orgUnit: form.orgUnit, ...extra });

export async function loadCompletion(form: FormKey): Promise<Completion> {
  const body = await api<{ completeDataSetRegistrations?: RawRegistration[] }>(`/api/completeDataSetRegistrations?${registrationQuery(form)}`);
  const registration = body.completeDataSetRegistrations?.[0];
  if (!registration || registration.completed === false) return { completed: false };
  return { completed: true, completedBy: registration.completedBy ?? registration.storedBy ?? null, date: registration.date ?? registration.lastUpdated ?? null };
}

export async function setCompletion(form: FormKey, completed: boolean): Promise<void> {
  if (completed) {
    await api('/api/completeDataSetRegistrations', {
      method: 'POST',
      json: { completeDataSetRegistrations: [{ dataSet: form.dataSet, period: form.period, organisationUnit: form.orgUnit, completed: true }] },
    });
  } else {
    await api(`/api/completeDataSetRegistrations?${new URLSearchParams({ ds: form.dataSet, pe: form.period, ou: form.orgUnit })}`, { method: 'DELETE' });
  }
}

/** A violation as GET /api/validation lists it (DHIS2's validation-rule analysis shape). */
interface RawViolation {
  validationRuleId: string;
  validationRuleDescription: string;
  instruction?: string | null;
  importance: Violation['importance'];
  operator: string;
  leftSideValue: number | null;
  rightSideValue: number | null;
}

/** The validation rules this form breaks, most important first. */
export async function validateForm(form: FormKey): Promise<Violation[]> {
  const body = await api<{ validationRuleViolations: RawViolation[] }>(`/api/validation?${registrationQuery(form)}`);
  const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 };
  return body.validationRuleViolations
    .map((raw) => ({
      rule: raw.validationRuleDescription || raw.validationRuleId,
      instruction: raw.instruction ?? null,
      importance: raw.importance,
      operator: raw.operator,
      leftSide: raw.leftSideValue,
      rightSide: raw.rightSideValue,
    }))
    .sort((a, b) => rank[a.importance] - rank[b.importance]);
}
