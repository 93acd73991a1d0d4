// The users administration API (src/server/routes/users): a page of users, one user created
// or changed; and the signed-in user's personal access tokens (/api/apiToken, as DHIS2's).
import { api } from '../../app/api.ts';

export const roles = ['superuser', 'data_manager', 'data_entry', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface ScopeUnit {
  id: string;
  code: string | null;
  name: string;
  nameEn: string | null;
  level: number;
  path: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: 'fr' | 'en';
  disabled: boolean;
  created: string;
  lastLogin: string | null;
  scope: ScopeUnit[];
}

export interface UsersPage {
  pager: { page: number; pageCount: number; total: number; pageSize: number };
  users: User[];
}

export function listUsers(query: string, page: number): Promise<UsersPage> {
  const params = new URLSearchParams({ page: String(page), pageSize: '50' });
  if (query.trim()) params.set('query', query.trim());
  return api<UsersPage>(`/api/users?${params}`);
}

export interface UserFields {
  username?: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: 'fr' | 'en';
  disabled: boolean;
  /** UIDs of the scope's root units. */
  scope: string[];
  password?: string;
}

export function createUser(fields: UserFields): Promise<User> {
  return api<User>('/api/users', { method: 'POST', json: fields });
}

export function updateUser(id: number, changes: Partial<UserFields>): Promise<User> {
  return api<User>(`/api/users/${id}`, { method: 'PUT', json: changes });
}

export interface ApiToken {
  id: string;
  name: string;
  created: string;
  expire: string | null;
  lastUsed: string | null;
}

export async function listTokens(): Promise<ApiToken[]> {
  return (await api<{ apiToken: ApiToken[] }>('/api/apiToken')).apiToken;
}

/** Creates a token; the key in the answer is shown once and never again. */
export async function createToken(name: string, expire: number | undefined): Promise<{ id: string; key: string }> {
  const body = await api<{ response: { uid: string; key: string } }>('/api/apiToken', { method: 'POST', json: expire === undefined ? { name } : { name, expire } });
  return { id: body.response.uid, key: body.response.key };
}

export async function revokeToken(id: string): Promise<void> {
  await api(`/api/apiToken/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/**
 * A password to hand to a new user or after a reset: 16 letters and digits without look-alikes
 * (no 0/O, 1/l/I), in groups of four — about 93 bits (16 × log2 56) from the browser's CSPRNG, well above
 * NIST SP 800-63B's 8-character minimum that the server enforces.
 */
export function generatePassword(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const characters: string[] = [];
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 56).
  const limit = 256 - (256 % alphabet.length);
  while (characters.length < 16) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < limit && characters.length < 16) characters.push(alphabet[byte % alphabet.length]!);
    }
  }
  return characters.join('').replace(/(.{4})(?!$)/g, '$1-');
}
