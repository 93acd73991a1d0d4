// A child's vaccination record as FHIR R4 resources, and back: a Bundle (type collection) of one
// Patient and its Immunization resources (http://hl7.org/fhir/R4/immunization.html,
// http://hl7.org/fhir/R4/patient.html; essentials in anchors.md §6.5, the shape of OpenSRP's EIR
// records). Pure: no I/O; the store resolves org units and writes.
//
// Mapping (Denw → FHIR):
// - Patient.id and identifier (system DENW_CHILD_SYSTEM) = the child's UID; name.family/given;
//   gender female|male; birthDate; address.city = village; managingOrganization = the health
//   area (identifier system DENW_ORG_UNIT_SYSTEM = org unit code); contact = the mother
//   (relationship v3-RoleCode MTH).
// - Immunization.id = the dose's UID; status completed | entered-in-error; vaccineCode: the Denw
//   vaccine code (DENW_VACCINE_SYSTEM) and, where one fits the vaccine Mali uses, its CVX code
//   (http://hl7.org/fhir/sid/cvx; codes as listed in the CDC CVX table, HL7 value set
//   vaccine-code): BCG 19, PENTA 198 "DTP-hepB-Hib Pentavalent Non-US", IPV 10, MR 04 "M/R",
//   PCV 109 "pneumococcal, unspecified formulation", ROTA 122 "rotavirus, unspecified
//   formulation". Not coded in CVX here (no code checked against the table): OPV (bivalent),
//   YF, MENA, HPV, MALARIA — the Denw code carries them. patient = Patient/<uid>;
//   occurrenceDateTime = the date; lotNumber; location and performer.actor = the org unit where
//   given (by identifier); protocolApplied.doseNumberPositiveInt = the dose (OPV's birth dose 0
//   as doseNumberString "0": positiveInt starts at 1).
// Reading accepts what this writes, and a CVX-only vaccineCode for the coded vaccines. Not
// supported on import: status not-done (a dose not given is not a record of the registry),
// several Patients' doses mixed without their Patient, resources other than Patient and
// Immunization (refused with their path).
import { DenwError } from '../errors.ts';
import { VACCINE_CODES, type VaccineCode } from '../immunization/index.ts';
import { UID_PATTERN } from '../metadata/uid.ts';
import { dayOrUndefined } from '../periods/calendar.ts';

export const DENW_CHILD_SYSTEM = 'urn:denw:child';
export const DENW_ORG_UNIT_SYSTEM = 'urn:denw:org-unit';
export const DENW_VACCINE_SYSTEM = 'urn:denw:vaccine';
export const CVX_SYSTEM = 'http://hl7.org/fhir/sid/cvx';
const ROLE_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

const CVX: Partial<Record<VaccineCode, { code: string; display: string }>> = {
  BCG: { code: '19', display: 'BCG' },
  PENTA: { code: '198', display: 'DTP-hepB-Hib Pentavalent Non-US' },
  IPV: { code: '10', display: 'IPV' },
  MR: { code: '04', display: 'M/R' },
  PCV: { code: '109', display: 'pneumococcal, unspecified formulation' },
  ROTA: { code: '122', display: 'rotavirus, unspecified formulation' },
};

export interface FhirOrgUnit {
  code: string | null;
  name: string;
}

export interface FhirChild {
  uid: string;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  motherName: string | null;
  village: string | null;
  orgUnit: FhirOrgUnit;
}

export interface FhirDose {
  id: string;
  vaccine: VaccineCode;
  dose: number;
  date: string;
  lotNumber: string | null;
  orgUnit: FhirOrgUnit;
  status: 'completed' | 'entered-in-error';
}

type Resource = Record<string, unknown>;

const orgUnitReference = (orgUnit: FhirOrgUnit) => ({
  ...(orgUnit.code !== null ? { identifier: { system: DENW_ORG_UNIT_SYSTEM, value: orgUnit.code } } : {}),
  display: orgUnit.name,
});

export function patientResource(child: FhirChild): Resource {
  return {
    resourceType: 'Patient',
    id: child.uid,
    identifier: [{ system: DENW_CHILD_SYSTEM, value: child.uid }],
    name: [{ family: child.familyName, given: [child.givenName] }],
    gender: child.sex === 'F' ? 'female' : 'male',
    birthDate: child.birthDate,
    ...(child.village !== null ? { address: [{ city: child.village }] } : {}),
    managingOrganization: orgUnitReference(child.orgUnit),
    ...(child.motherName !== null
      ? { contact: [{ relationship: [{ coding: [{ system: ROLE_CODE_SYSTEM, code: 'MTH', display: 'mother' }] }], name: { text: child.motherName } }] }
      : {}),
  };
}

export function immunizationResource(childUid: string, dose: FhirDose): Resource {
  const cvx = CVX[dose.vaccine];
  return {
    resourceType: 'Immunization',
    id: dose.id,
    status: dose.status,
    vaccineCode: {
      coding: [{ system: DENW_VACCINE_SYSTEM, code: dose.vaccine }, ...(cvx ? [{ system: CVX_SYSTEM, code: cvx.code, display: cvx.display }] : [])],
      text: dose.vaccine,
    },
    patient: { reference: `Patient/${childUid}` },
    occurrenceDateTime: dose.date,
    ...(dose.lotNumber !== null ? { lotNumber: dose.lotNumber } : {}),
    location: orgUnitReference(dose.orgUnit),
    performer: [{ actor: orgUnitReference(dose.orgUnit) }],
    protocolApplied: [dose.dose === 0 ? { doseNumberString: '0' } : { doseNumberPositiveInt: dose.dose }],
  };
}

/** The child's record as a FHIR R4 Bundle of type collection. */
export function childBundle(child: FhirChild, doses: readonly FhirDose[]): Resource {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [patientResource(child), ...doses.map((dose) => immunizationResource(child.uid, dose))].map((resource) => ({ resource })),
  };
}

/** A Patient read from a bundle: the child, its health area by code. */
export interface ImportedChild extends Omit<FhirChild, 'orgUnit'> {
  orgUnitCode: string;
  /** FHIRPath of the resource, for the store's refusals (unknown org unit …). */
  path: string;
}

/** An Immunization read from a bundle; `childUid` names its Patient. */
export interface ImportedDose extends Omit<FhirDose, 'orgUnit'> {
  childUid: string;
  orgUnitCode: string | null;
  path: string;
}

const invalid = (path: string, reason: string): never => {
  throw new DenwError('FHIR_INVALID', { path, reason }, path);
};

const isObject = (value: unknown): value is Resource => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(resource: Resource, key: string, path: string, required: true): string;
function text(resource: Resource, key: string, path: string, required: false): string | null;
function text(resource: Resource, key: string, path: string, required: boolean): string | null {
  const value = resource[key];
  if (value === undefined || value === null) return required ? invalid(`${path}.${key}`, 'REQUIRED') : null;
  if (typeof value !== 'string' || value.trim() === '') return invalid(`${path}.${key}`, 'NOT_A_STRING');
  return value.trim();
}

function date(value: string, path: string): string {
  // FHIR date or dateTime; the registry keeps the day (YYYY-MM-DD).
  const day = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || dayOrUndefined(day) === undefined || (value.length > 10 && value[10] !== 'T')) invalid(path, 'NOT_A_DATE');
  return day;
}

/** The org unit code of a Reference by identifier in the Denw system. */
function orgUnitCode(reference: unknown, path: string): string | null {
  if (reference === undefined) return null;
  if (!isObject(reference) || !isObject(reference.identifier)) return invalid(path, 'ORG_UNIT_IDENTIFIER_REQUIRED');
  const identifier = reference.identifier;
  if (identifier.system !== DENW_ORG_UNIT_SYSTEM) return invalid(`${path}.identifier.system`, 'UNKNOWN_SYSTEM');
  return text(identifier, 'value', `${path}.identifier`, true);
}

function readPatient(resource: Resource, path: string): ImportedChild {
  const identifiers = Array.isArray(resource.identifier) ? resource.identifier : [];
  const denwIdentifier = identifiers.find((identifier): identifier is Resource => isObject(identifier) && identifier.system === DENW_CHILD_SYSTEM);
  const uid = denwIdentifier ? text(denwIdentifier, 'value', `${path}.identifier[${identifiers.indexOf(denwIdentifier)}]`, true) : text(resource, 'id', path, true);
  if (!UID_PATTERN.test(uid)) invalid(denwIdentifier ? `${path}.identifier` : `${path}.id`, 'NOT_A_UID');
  const names = resource.name;
  if (!Array.isArray(names) || !isObject(names[0])) return invalid(`${path}.name`, 'REQUIRED');
  const name = names[0];
  const familyName = text(name, 'family', `${path}.name[0]`, true);
  const given = name.given;
  if (!Array.isArray(given) || typeof given[0] !== 'string' || given[0].trim() === '') return invalid(`${path}.name[0].given`, 'REQUIRED');
  const gender = resource.gender;
  if (gender !== 'female' && gender !== 'male') return invalid(`${path}.gender`, 'NOT_FEMALE_OR_MALE');
  const birthDate = date(text(resource, 'birthDate', path, true), `${path}.birthDate`);
  const organisation = orgUnitCode(resource.managingOrganization, `${path}.managingOrganization`);
  if (organisation === null) return invalid(`${path}.managingOrganization`, 'REQUIRED');
  const address = Array.isArray(resource.address) && isObject(resource.address[0]) ? resource.address[0] : undefined;
  const contacts = Array.isArray(resource.contact) ? resource.contact : [];
  const mother = contacts.find(
    (contact): contact is Resource =>
      isObject(contact) &&
      Array.isArray(contact.relationship) &&
      contact.relationship.some((relationship) => isObject(relationship) && Array.isArray(relationship.coding) && relationship.coding.some((coding) => isObject(coding) && coding.code === 'MTH')),
  );
  return {
    uid,
    givenName: given[0].trim(),
    familyName,
    sex: gender === 'female' ? 'F' : 'M',
    birthDate,
    motherName: mother && isObject(mother.name) ? text(mother.name, 'text', `${path}.contact[${contacts.indexOf(mother)}].name`, false) : null,
    village: address ? text(address, 'city', `${path}.address[0]`, false) : null,
    orgUnitCode: organisation,
    path,
  };
}

function readVaccine(resource: Resource, path: string): VaccineCode {
  const concept = resource.vaccineCode;
  if (!isObject(concept) || !Array.isArray(concept.coding)) return invalid(`${path}.vaccineCode.coding`, 'REQUIRED');
  const codings = concept.coding.filter(isObject);
  const denw = codings.find((coding) => coding.system === DENW_VACCINE_SYSTEM);
  if (denw) {
    if (!VACCINE_CODES.includes(denw.code as VaccineCode)) invalid(`${path}.vaccineCode.coding[${concept.coding.indexOf(denw)}].code`, 'UNKNOWN_VACCINE');
    return denw.code as VaccineCode;
  }
  for (const coding of codings) {
    const vaccine = coding.system === CVX_SYSTEM ? (Object.entries(CVX).find(([, cvx]) => cvx.code === coding.code)?.[0] as VaccineCode | undefined) : undefined;
    if (vaccine) return vaccine;
  }
  return invalid(`${path}.vaccineCode.coding`, 'UNKNOWN_VACCINE');
}

function readDoseNumber(resource: Resource, path: string): number {
  const protocol = Array.isArray(resource.protocolApplied) ? resource.protocolApplied[0] : undefined;
  if (!isObject(protocol)) return invalid(`${path}.protocolApplied`, 'REQUIRED');
  if (Number.isInteger(protocol.doseNumberPositiveInt) && (protocol.doseNumberPositiveInt as number) >= 1) return protocol.doseNumberPositiveInt as number;
  if (typeof protocol.doseNumberString === 'string' && /^\d{1,2}$/.test(protocol.doseNumberString)) return Number(protocol.doseNumberString);
  return invalid(`${path}.protocolApplied[0].doseNumberPositiveInt`, 'NOT_A_DOSE_NUMBER');
}

function readImmunization(resource: Resource, path: string): ImportedDose {
  const id = text(resource, 'id', path, true);
  if (!UID_PATTERN.test(id)) invalid(`${path}.id`, 'NOT_A_UID');
  const status = resource.status;
  if (status !== 'completed' && status !== 'entered-in-error') return invalid(`${path}.status`, 'STATUS_NOT_SUPPORTED');
  const patient = resource.patient;
  const reference = isObject(patient) && typeof patient.reference === 'string' ? /^Patient\/([A-Za-z0-9]+)$/.exec(patient.reference) : null;
  if (!reference) return invalid(`${path}.patient.reference`, 'NOT_A_PATIENT_REFERENCE');
  const lotNumber = text(resource, 'lotNumber', path, false);
  return {
    id,
    childUid: reference[1]!,
    vaccine: readVaccine(resource, path),
    dose: readDoseNumber(resource, path),
    date: date(text(resource, 'occurrenceDateTime', path, true), `${path}.occurrenceDateTime`),
    lotNumber,
    orgUnitCode: orgUnitCode(resource.location, `${path}.location`),
    status,
    path,
  };
}

/**
 * The Patients and Immunizations of a Bundle (or of a single Patient or Immunization resource).
 * Throws FHIR_INVALID naming the path of the first bad field (`Bundle.entry[2].resource.gender`).
 */
export function readImmunizationBundle(input: unknown): { children: ImportedChild[]; doses: ImportedDose[] } {
  if (!isObject(input)) return invalid('resourceType', 'NOT_A_RESOURCE');
  // Paths as FHIRPath writes them: Bundle.entry[2].resource.gender, or Patient.gender.
  const resources: Array<{ resource: unknown; path: string }> =
    input.resourceType === 'Bundle'
      ? Array.isArray(input.entry)
        ? input.entry.map((entry, index) => ({ resource: isObject(entry) ? entry.resource : undefined, path: `Bundle.entry[${index}].resource` }))
        : invalid('Bundle.entry', 'REQUIRED')
      : [{ resource: input, path: typeof input.resourceType === 'string' ? input.resourceType : 'resourceType' }];
  const children: ImportedChild[] = [];
  const doses: ImportedDose[] = [];
  for (const { resource, path } of resources) {
    if (!isObject(resource)) invalid(path, 'NOT_A_RESOURCE');
    const where = (resource as Resource).resourceType;
    if (where === 'Patient') children.push(readPatient(resource as Resource, path));
    else if (where === 'Immunization') doses.push(readImmunization(resource as Resource, path));
    else invalid(`${path}.resourceType`, 'RESOURCE_NOT_SUPPORTED');
  }
  return { children, doses };
}
