// Import of FHIR R4 Patients and Immunizations (read by core/fhir/immunization.ts) into the
// registry, all or nothing in one transaction: children are created with the UID they carry
// (a child already registered under that UID is kept as it is), doses are added to their child
// with their UID (a dose already there, by UID or as the same vaccine, dose and date, is not
// added twice), re-assessed and rolled up like doses entered by hand. Importing the same bundle
// twice changes nothing the second time.
import { DenwError } from '../../core/errors.ts';
import type { ImportedChild, ImportedDose } from '../../core/fhir/immunization.ts';
import type { Database } from '../database.ts';
import { getChild, registerChild, type StoredChild } from '../children/children.ts';
import { inTransaction } from '../transaction.ts';
import { lockChild, recordDoses } from './immunizations.ts';

export interface FhirImportSummary {
  children: { imported: number; existing: number };
  immunizations: { imported: number; existing: number };
}

export interface FhirImportOptions {
  user: string | null;
  /** Throws when the caller may not write at the org unit (access rules of the server). */
  assertWritable: (orgUnit: { path: string; code: string | null }) => void;
}

const refused = (path: string, reason: string): never => {
  throw new DenwError('FHIR_INVALID', { path, reason }, path);
};

export async function importFhirImmunizations(
  database: Database,
  { children, doses }: { children: readonly ImportedChild[]; doses: readonly ImportedDose[] },
  options: FhirImportOptions,
): Promise<FhirImportSummary> {
  return inTransaction(database, async (client) => {
    const codes = [...new Set([...children.map((child) => child.orgUnitCode), ...doses.flatMap((dose) => (dose.orgUnitCode ? [dose.orgUnitCode] : []))])];
    const { rows } = await client.query<{ id: number; code: string; path: string }>('SELECT id, code, path FROM org_unit WHERE code = ANY($1::text[])', [codes]);
    const orgUnits = new Map(rows.map((row) => [row.code, row]));
    const summary: FhirImportSummary = { children: { imported: 0, existing: 0 }, immunizations: { imported: 0, existing: 0 } };

    const byUid = new Map<string, StoredChild>();
    for (const child of children) {
      const existing = await getChild(client, child.uid);
      if (existing) {
        options.assertWritable({ path: existing.orgUnitPath, code: existing.orgUnit.code });
        byUid.set(child.uid, existing);
        summary.children.existing++;
        continue;
      }
      const orgUnit = orgUnits.get(child.orgUnitCode) ?? refused(`${child.path}.managingOrganization.identifier.value`, 'UNKNOWN_ORG_UNIT');
      options.assertWritable({ path: orgUnit.path, code: orgUnit.code });
      const { path: _path, orgUnitCode: _code, ...fields } = child;
      byUid.set(child.uid, await registerChild(client, { ...fields, orgUnitId: orgUnit.id, createdBy: options.user, source: 'fhir' }));
      summary.children.imported++;
    }

    // A dose counts in the EPI report of the unit where it was given (immunizations.ts
    // contribution): the importer must be allowed to write there too, as POST …/immunizations asks.
    const location = (dose: ImportedDose): number | undefined => {
      if (!dose.orgUnitCode) return undefined;
      const unit = orgUnits.get(dose.orgUnitCode) ?? refused(`${dose.path}.location.identifier.value`, 'UNKNOWN_ORG_UNIT');
      options.assertWritable({ path: unit.path, code: unit.code });
      return unit.id;
    };

    const dosesByChild = new Map<string, ImportedDose[]>();
    for (const dose of doses) dosesByChild.set(dose.childUid, [...(dosesByChild.get(dose.childUid) ?? []), dose]);
    for (const [uid, childDoses] of dosesByChild) {
      let child = byUid.get(uid);
      if (!child) {
        child = (await getChild(client, uid)) ?? refused(`${childDoses[0]!.path}.patient.reference`, 'UNKNOWN_PATIENT');
        options.assertWritable({ path: child.orgUnitPath, code: child.orgUnit.code });
      }
      for (const dose of childDoses) if (dose.date < child.birthDate) refused(`${dose.path}.occurrenceDateTime`, 'BEFORE_BIRTH');
      await lockChild(client, child);
      const uids = childDoses.map((dose) => dose.id);
      const count = async () => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM immunization WHERE uid = ANY($1::text[])', [uids])).rows[0]!.n;
      const before = await count();
      await recordDoses(
        client,
        child,
        childDoses.map((dose) => ({
          uid: dose.id,
          vaccine: dose.vaccine,
          dose: dose.dose,
          date: dose.date,
          lotNumber: dose.lotNumber,
          status: dose.status,
          orgUnitId: location(dose),
          createdBy: options.user,
          source: 'fhir',
        })),
        options.user,
      );
      const imported = (await count()) - before;
      summary.immunizations.imported += imported;
      summary.immunizations.existing += childDoses.length - imported;
    }
    return summary;
  });
}
