import { describe, expect, it } from 'vitest';
import { hasAbility, inScope, roles, type CurrentUser, type Role } from './abilities.ts';

const user = (role: Role, scopePaths: string[]): CurrentUser => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  role,
  language: 'fr',
  scopePaths,
});

describe('abilities by role', () => {
  const matrix: Record<Role, { read: boolean; write: boolean; metadata: boolean; users: boolean }> = {
    superuser: { read: true, write: true, metadata: true, users: true },
    data_manager: { read: true, write: true, metadata: true, users: false },
    data_entry: { read: true, write: true, metadata: false, users: false },
    viewer: { read: true, write: false, metadata: false, users: false },
  };
  for (const role of roles) {
    it(`${role}: ${JSON.stringify(matrix[role])}`, () => {
      const u = user(role, ['/ML']);
      expect(hasAbility(u, 'data:read')).toBe(matrix[role].read);
      expect(hasAbility(u, 'data:write')).toBe(matrix[role].write);
      expect(hasAbility(u, 'metadata:write')).toBe(matrix[role].metadata);
      expect(hasAbility(u, 'users:manage')).toBe(matrix[role].users);
    });
  }
});

describe('org-unit scope', () => {
  const district = user('data_entry', ['/ML/ML04/ML0406']);
  it('includes the scope root and everything below it', () => {
    expect(inScope(district, '/ML/ML04/ML0406')).toBe(true);
    expect(inScope(district, '/ML/ML04/ML0406/CSCOM1')).toBe(true);
  });
  it('excludes ancestors, siblings, and units whose id merely starts with the same letters', () => {
    expect(inScope(district, '/ML/ML04')).toBe(false);
    expect(inScope(district, '/ML/ML04/ML0405')).toBe(false);
    expect(inScope(district, '/ML/ML04/ML04061')).toBe(false);
  });
});
