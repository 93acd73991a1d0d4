import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { childBundle, CVX_SYSTEM, readImmunizationBundle, type FhirChild, type FhirDose } from './immunization.ts';

const child: FhirChild = {
  uid: 'ChildFatou1',
  givenName: 'Fatoumata',
  familyName: 'Traoré',
  sex: 'F',
  birthDate: '2024-01-10',
  motherName: 'Aminata Diarra',
  village: 'Kalaban-Coro',
  orgUnit: { code: 'FAC_KAYES_1', name: 'CSCom Kayes Plateau' },
};
const penta1: FhirDose = { id: 'ImmPenta001', vaccine: 'PENTA', dose: 1, date: '2024-02-21', lotNumber: 'L-2024-01', orgUnit: child.orgUnit, status: 'completed' };
const opv0: FhirDose = { id: 'ImmOpv00001', vaccine: 'OPV', dose: 0, date: '2024-01-10', lotNumber: null, orgUnit: child.orgUnit, status: 'entered-in-error' };

describe('a child’s record as FHIR R4', () => {
  const bundle = childBundle(child, [penta1, opv0]) as { resourceType: string; type: string; entry: Array<{ resource: Record<string, unknown> }> };

  it('is a collection Bundle of the Patient and its Immunizations, in the R4 element names', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.entry[0]!.resource).toEqual({
      resourceType: 'Patient',
      id: 'ChildFatou1',
      identifier: [{ system: 'urn:denw:child', value: 'ChildFatou1' }],
      name: [{ family: 'Traoré', given: ['Fatoumata'] }],
      gender: 'female',
      birthDate: '2024-01-10',
      address: [{ city: 'Kalaban-Coro' }],
      managingOrganization: { identifier: { system: 'urn:denw:org-unit', value: 'FAC_KAYES_1' }, display: 'CSCom Kayes Plateau' },
      contact: [{ relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH', display: 'mother' }] }], name: { text: 'Aminata Diarra' } }],
    });
    expect(bundle.entry[1]!.resource).toEqual({
      resourceType: 'Immunization',
      id: 'ImmPenta001',
      status: 'completed',
      vaccineCode: {
        coding: [{ system: 'urn:denw:vaccine', code: 'PENTA' }, { system: 'http://hl7.org/fhir/sid/cvx', code: '198', display: 'DTP-hepB-Hib Pentavalent Non-US' }],
        text: 'PENTA',
      },
      patient: { reference: 'Patient/ChildFatou1' },
      occurrenceDateTime: '2024-02-21',
      lotNumber: 'L-2024-01',
      location: { identifier: { system: 'urn:denw:org-unit', value: 'FAC_KAYES_1' }, display: 'CSCom Kayes Plateau' },
      performer: [{ actor: { identifier: { system: 'urn:denw:org-unit', value: 'FAC_KAYES_1' }, display: 'CSCom Kayes Plateau' } }],
      protocolApplied: [{ doseNumberPositiveInt: 1 }],
    });
  });

  it('writes OPV’s birth dose as doseNumberString "0" (doseNumberPositiveInt starts at 1) and keeps entered-in-error', () => {
    expect(bundle.entry[2]!.resource).toMatchObject({ status: 'entered-in-error', protocolApplied: [{ doseNumberString: '0' }] });
    expect(bundle.entry[2]!.resource).not.toHaveProperty('lotNumber');
  });

  it('reads back what it writes', () => {
    const { orgUnit, ...rest } = child;
    expect(readImmunizationBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({
      children: [{ ...rest, orgUnitCode: orgUnit.code, path: 'Bundle.entry[0].resource' }],
      doses: [penta1, opv0].map(({ orgUnit: where, ...dose }, index) => ({ ...dose, childUid: 'ChildFatou1', orgUnitCode: where.code, path: `Bundle.entry[${index + 1}].resource` })),
    });
  });

  it('reads a vaccine coded in CVX only, and a lone Immunization resource', () => {
    const immunization = { ...bundle.entry[1]!.resource, vaccineCode: { coding: [{ system: CVX_SYSTEM, code: '19' }] }, occurrenceDateTime: '2024-01-10T09:30:00+00:00' };
    expect(readImmunizationBundle(immunization).doses[0]).toMatchObject({ vaccine: 'BCG', date: '2024-01-10' });
  });
});

describe('a bad FHIR resource', () => {
  const bundle = childBundle(child, [penta1]) as { entry: Array<{ resource: Record<string, unknown> }> };
  const refusal = (change: (copy: typeof bundle) => void) => {
    const copy = structuredClone(bundle);
    change(copy);
    try {
      readImmunizationBundle(copy);
    } catch (error) {
      if (error instanceof DenwError) return [error.code, error.field, error.params.reason];
      throw error;
    }
    return 'accepted';
  };

  it('is refused with the FHIRPath of the bad field and the reason', () => {
    expect(refusal((b) => (b.entry[0]!.resource.gender = 'F'))).toEqual(['FHIR_INVALID', 'Bundle.entry[0].resource.gender', 'NOT_FEMALE_OR_MALE']);
    expect(refusal((b) => (b.entry[0]!.resource.birthDate = '2024-02-30'))).toEqual(['FHIR_INVALID', 'Bundle.entry[0].resource.birthDate', 'NOT_A_DATE']);
    expect(refusal((b) => delete b.entry[0]!.resource.managingOrganization)).toEqual(['FHIR_INVALID', 'Bundle.entry[0].resource.managingOrganization', 'REQUIRED']);
    expect(refusal((b) => (b.entry[1]!.resource.status = 'not-done'))).toEqual(['FHIR_INVALID', 'Bundle.entry[1].resource.status', 'STATUS_NOT_SUPPORTED']);
    expect(refusal((b) => (b.entry[1]!.resource.vaccineCode = { coding: [{ system: 'urn:denw:vaccine', code: 'POLIO' }] }))).toEqual([
      'FHIR_INVALID',
      'Bundle.entry[1].resource.vaccineCode.coding[0].code',
      'UNKNOWN_VACCINE',
    ]);
    expect(refusal((b) => (b.entry[1]!.resource.protocolApplied = [{ doseNumberPositiveInt: 0 }]))).toEqual([
      'FHIR_INVALID',
      'Bundle.entry[1].resource.protocolApplied[0].doseNumberPositiveInt',
      'NOT_A_DOSE_NUMBER',
    ]);
    expect(refusal((b) => (b.entry[1]!.resource.patient = { reference: 'Practitioner/x' }))).toEqual(['FHIR_INVALID', 'Bundle.entry[1].resource.patient.reference', 'NOT_A_PATIENT_REFERENCE']);
    expect(refusal((b) => (b.entry[1]!.resource = { resourceType: 'Observation' }))).toEqual(['FHIR_INVALID', 'Bundle.entry[1].resource.resourceType', 'RESOURCE_NOT_SUPPORTED']);
  });
});
