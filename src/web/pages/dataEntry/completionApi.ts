// Completing a form and checking it: marking the data set complete for the org unit and period
// (POST/DELETE /api/completeDataSetRegistrations?ds&pe&ou, DHIS2's parameters), and the
// validation rules the server runs on the form (GET /api/validation?orgUnit&period&dataSet).
import { api } from '../../app/api.ts';
import type { FormKey } from './dataEntryApi.ts';

export interface Violation {
  rule: string;
  instruction: string | null;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  operator: string;
  leftSide: number | null;
  rightSide: number | null;
}

export async function setCompletion(form: FormKey, completed: boolean): Promise<void> {
  const query = new URLSearchParams({ ds: form.dataSet, pe: form.period, ou: form.orgUnit });
  await api(`/api/completeDataSetRegistrations?${query}`, { method: completed ? 'POST' : 'DELETE' });
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
  const query = new URLSearchParams({ dataSet: form.dataSet, period: form.period, orgUnit: form.orgUnit });
  const body = await api<{ validationRuleViolations: RawViolation[] }>(`/api/validation?${query}`);
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
