// Complete data set registrations (DHIS2 completeDataSetRegistration): a data set marked
// complete for an org unit, period and attribute option combo, by whom and when.
import type pg from 'pg';
import type { Period } from '../../core/periods/periods.ts';
import { registerPeriods } from './dataValueMerge.ts';

export interface Registration {
  dataSetId: number;
  period: Period;
  orgUnitId: number;
  attributeOptionComboId: number;
}

type Client = Pick<pg.PoolClient, 'query'>;

/** Marks complete (again): the date and the user are replaced, as DHIS2 handleComplete does. */
export async function registerComplete(client: Client, registration: Registration, completedBy: string, completed: string | Date): Promise<void> {
  await registerPeriods(client, [registration.period]);
  await client.query(
    `INSERT INTO complete_data_set_registration (data_set_id, period_id, org_unit_id, attribute_option_combo_id, completed_by, completed)
     SELECT $1, p.id, $3, $4, $5, $6 FROM period p WHERE p.iso = $2
     ON CONFLICT (data_set_id, period_id, org_unit_id, attribute_option_combo_id)
     DO UPDATE SET completed_by = excluded.completed_by, completed = excluded.completed`,
    [registration.dataSetId, registration.period.id, registration.orgUnitId, registration.attributeOptionComboId, completedBy, completed],
  );
}

/** Removes the registration; true when there was one. */
export async function unregisterComplete(client: Client, registration: Registration): Promise<boolean> {
  const result = await client.query(
    `DELETE FROM complete_data_set_registration r USING period p
     WHERE r.period_id = p.id AND p.iso = $2 AND r.data_set_id = $1 AND r.org_unit_id = $3 AND r.attribute_option_combo_id = $4`,
    [registration.dataSetId, registration.period.id, registration.orgUnitId, registration.attributeOptionComboId],
  );
  return (result.rowCount ?? 0) > 0;
}
