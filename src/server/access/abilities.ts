// Who may do what, as declarations. A role grants abilities; an org-unit scope limits where
// they apply: a user reads and writes only inside the subtrees rooted at its scope units.
// The web app receives the abilities with the current user and never works out scope itself.
import { inSubtrees } from '../../core/metadata/hierarchy.ts';

export const roles = ['superuser', 'data_manager', 'data_entry', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const abilities = [
  'data:read', // data values, analytics, validation results, inside the scope
  'data:write', // enter and import data values, inside the scope
  'data:editExpired', // and for periods past their data set's expiry days (DHIS2 F_EDIT_EXPIRED; policy.ts)
  'metadata:read',
  'metadata:write', // import metadata, edit the results framework
  'users:manage', // create users, set roles and scopes
] as const;
export type Ability = (typeof abilities)[number];

export const roleAbilities: Record<Role, readonly Ability[]> = {
  superuser: abilities,
  data_manager: ['data:read', 'data:write', 'metadata:read', 'metadata:write'],
  data_entry: ['data:read', 'data:write', 'metadata:read'],
  viewer: ['data:read', 'metadata:read'],
};

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  language: 'fr' | 'en';
  /** DHIS2-style UID paths ('/uidML/uidML01') of the roots of the user's scope. */
  scopePaths: string[];
}

export function hasAbility(user: CurrentUser, ability: Ability): boolean {
  return roleAbilities[user.role].includes(ability);
}

/** True when the org unit with this path is inside one of the user's subtrees. */
export function inScope(user: CurrentUser, orgUnitPath: string): boolean {
  return inSubtrees(orgUnitPath, user.scopePaths);
}
