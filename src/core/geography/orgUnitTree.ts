// Organisation units shaped as in a DHIS2 metadata export (`organisationUnits`), identified
// by code: references are written {"code": ...}, and `path` is the codes of the unit's
// ancestors and its own, root first ('/ML/ML07/ML1001'), as DHIS2 writes the UIDs in its path.
// Levels are 1-based as in DHIS2 (the root is level 1).
import { DenwError } from '../errors.ts';
import { throwIfAny, type Geometry } from './referenceRows.ts';

export interface Ref {
  code: string;
}

/** A DHIS2 translation of one property of an object (French is the object's own language). */
export interface Translation {
  property: 'NAME' | 'SHORT_NAME' | 'DESCRIPTION';
  locale: 'en';
  value: string;
}

/** A value of a DHIS2 attribute, the attribute referenced by code. */
export interface AttributeValue {
  attribute: Ref;
  value: string;
}

export interface OrganisationUnit {
  code: string;
  name: string;
  shortName: string;
  level: number;
  path: string;
  parent?: Ref;
  openingDate: string;
  /** The boundary set the code and geometry belong to (codes are reused across reforms). */
  boundaryVersion: string;
  geometry?: Geometry;
  attributeValues: AttributeValue[];
}

/** One unit as read from a reference file, before the tree is known. */
export interface OrgUnitSource {
  /** Data row in `file`, for error messages. */
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  boundaryVersion: string;
  attributeValues: AttributeValue[];
}

/**
 * Links the units into a tree by their parent codes and gives each its level and path.
 * Rejects, naming the row: a code used twice, a parent code that is not a unit, and a unit
 * that never reaches a root (a cycle). The result is ordered by level, then by code.
 */
export function buildOrgUnitTree(file: string, sources: readonly OrgUnitSource[], openingDate: string): OrganisationUnit[] {
  const byCode = new Map<string, OrgUnitSource>();
  const problems: DenwError[] = [];
  for (const source of sources) {
    if (byCode.has(source.code)) {
      problems.push(new DenwError('REFERENCE_DUPLICATE_CODE', { file, row: source.row, code: source.code }, 'code'));
    } else {
      byCode.set(source.code, source);
    }
  }
  for (const source of byCode.values()) {
    if (source.parentCode !== null && !byCode.has(source.parentCode)) {
      problems.push(
        new DenwError('REFERENCE_UNKNOWN_PARENT', { file, row: source.row, code: source.code, parent: source.parentCode }, 'parent_code'),
      );
    }
  }
  throwIfAny(problems);

  const paths = new Map<string, string[]>();
  const ancestry = (source: OrgUnitSource): string[] => {
    const chain: string[] = [];
    let current: OrgUnitSource | undefined = source;
    while (current) {
      const known = paths.get(current.code);
      if (known) return [...known, ...chain.reverse()];
      if (chain.includes(current.code)) throw new DenwError('REFERENCE_PARENT_CYCLE', { file, row: source.row, code: source.code }, 'parent_code');
      chain.push(current.code);
      current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
    }
    return chain.reverse();
  };

  const units = [...byCode.values()].map((source): OrganisationUnit => {
    const codes = ancestry(source);
    paths.set(source.code, codes);
    return {
      code: source.code,
      name: source.name,
      shortName: source.name,
      level: codes.length,
      path: `/${codes.join('/')}`,
      ...(source.parentCode === null ? {} : { parent: { code: source.parentCode } }),
      openingDate,
      boundaryVersion: source.boundaryVersion,
      attributeValues: source.attributeValues,
    };
  });
  return units.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}

/** Codes of the units that have no children (the lowest units the data attaches to). */
export function leafCodes(units: readonly OrganisationUnit[]): string[] {
  const parents = new Set(units.flatMap((unit) => (unit.parent ? [unit.parent.code] : [])));
  return units.filter((unit) => !parents.has(unit.code)).map((unit) => unit.code);
}

/**
 * Totals of every unit from values given for the leaves: a unit's total is the sum over the
 * leaves whose path passes through it. Units without any valued leaf below are left out.
 */
export function sumUpTree(units: readonly OrganisationUnit[], leafValues: ReadonlyMap<string, number>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const unit of units) {
    const value = leafValues.get(unit.code);
    if (value === undefined) continue;
    for (const code of unit.path.slice(1).split('/')) totals.set(code, (totals.get(code) ?? 0) + value);
  }
  return totals;
}
