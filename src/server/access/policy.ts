// The access rules every route area applies to org-unit data, as declarations:
//
//   a user may read  data of an org unit if its role grants data:read  and the unit is in its scope;
//   a user may write data of an org unit if its role grants data:write and the unit is in its scope.
//
// The scope is the subtrees rooted at the user's scope units (a superuser's: the whole tree).
// Routes call assertCanRead / assertCanWrite for one org unit, and filter lists in SQL with
// pathInScope(column, readScope(user)) from src/store/orgUnitScope.ts. See ./README.md.
import { DenwError } from '../../core/errors.ts';
import { hasAbility, inScope, type Ability, type CurrentUser } from './abilities.ts';

export type DataAccess = 'read' | 'write';

const abilityFor: Record<DataAccess, Ability> = { read: 'data:read', write: 'data:write' };

/** True when the user may `access` the data of the org unit with this path. */
export function can(user: CurrentUser, access: DataAccess, orgUnitPath: string): boolean {
  return hasAbility(user, abilityFor[access]) && inScope(user, orgUnitPath);
}

/**
 * Throws FORBIDDEN (403) when the role lacks the ability, OUT_OF_SCOPE (403, naming the org
 * unit by `label`, e.g. its code) when the unit lies outside the user's subtrees.
 */
function assertCan(user: CurrentUser, access: DataAccess, orgUnitPath: string, label: string): void {
  if (!hasAbility(user, abilityFor[access])) throw new DenwError('FORBIDDEN');
  if (!inScope(user, orgUnitPath)) throw new DenwError('OUT_OF_SCOPE', { orgUnit: label }, 'orgUnit');
}

export const canRead = (user: CurrentUser, orgUnitPath: string) => can(user, 'read', orgUnitPath);
export const canWrite = (user: CurrentUser, orgUnitPath: string) => can(user, 'write', orgUnitPath);

export function assertCanRead(user: CurrentUser, orgUnitPath: string, label = orgUnitPath): void {
  assertCan(user, 'read', orgUnitPath, label);
}

export function assertCanWrite(user: CurrentUser, orgUnitPath: string, label = orgUnitPath): void {
  assertCan(user, 'write', orgUnitPath, label);
}

/**
 * The paths whose subtrees the user may `access` — the argument of pathInScope() for
 * filtering lists in SQL. Empty (no rows) when the role lacks the ability.
 */
export function scopeFor(user: CurrentUser, access: DataAccess): string[] {
  return hasAbility(user, abilityFor[access]) ? [...user.scopePaths] : [];
}

export const readScope = (user: CurrentUser) => scopeFor(user, 'read');
export const writeScope = (user: CurrentUser) => scopeFor(user, 'write');

/**
 * a user may write the metadata of an org unit — the unit itself, its population, targets and
 * observations, its place in data set assignments and org-unit groups — if its role grants
 * metadata:write and the unit is in its scope; a superuser anywhere, including outside every
 * existing tree (it alone creates new roots). Applied by the metadata import (store/metadata/scopeCheck.ts).
 */
export function canWriteOrgUnitMetadata(user: CurrentUser, orgUnitPath: string): boolean {
  return hasAbility(user, 'metadata:write') && (user.role === 'superuser' || inScope(user, orgUnitPath));
}

/**
 * a user may write data for a period past its data set's expiry days if its role grants
 * data:editExpired — the superuser's alone, as DHIS2's F_EDIT_EXPIRED authority is its
 * administrators' (DataSet.isLocked). Applied by the data value import
 * (core/dataValueSets/checkDataValue.ts, E7640); the data entry form reads the ability.
 */
export function mayEditExpired(user: CurrentUser): boolean {
  return hasAbility(user, 'data:editExpired');
}

/** What the account administration forbids, whoever asks (see routes/users). */
export interface AccountChange {
  role?: unknown;
  scope?: unknown;
  disabled?: unknown;
}

/**
 * Nobody changes their own role, scope or disabled flag, nor deletes their own account:
 * that is how a user would raise its own access (or lock the last administrator out).
 */
export function assertNotOwnAccess(actor: CurrentUser, targetUserId: number, change: AccountChange | 'delete'): void {
  if (actor.id !== targetUserId) return;
  const touchesAccess = change === 'delete' || change.role !== undefined || change.scope !== undefined || change.disabled !== undefined;
  if (touchesAccess) throw new DenwError('OWN_ACCESS_UNCHANGEABLE');
}
