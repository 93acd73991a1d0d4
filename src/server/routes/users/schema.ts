// What the users administration accepts. Usernames are stored lowercase (compared without
// case); passwords follow passwordRule (NIST SP 800-63B); the scope names org units by code
// or UID. Every rule here gives a field and a translatable reason.
import { z } from 'zod';
import { roles } from '../../access/abilities.ts';
import { passwordRule } from '../../auth/passwords.ts';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/)
  .describe("2 à 64 caractères : lettres, chiffres, . _ @ - / 2 to 64 characters: letters, digits, . _ @ -");

const profile = {
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable(),
  role: z.enum(roles),
  language: z.enum(['fr', 'en']),
  disabled: z.boolean(),
  scope: z
    .array(z.string().trim().min(1).max(64))
    .max(500)
    .describe("Unités d'organisation racines du périmètre, par code ou UID / scope root org units, by code or UID"),
  password: z.string().min(passwordRule.minLength).max(passwordRule.maxLength),
};

/** Whoever is not a superuser needs a scope: without one it could see nothing at all. */
export function scopeRequired(role: string, scope: readonly string[]): boolean {
  return role !== 'superuser' && scope.length === 0;
}

export const newUser = z
  .strictObject({
    username,
    displayName: profile.displayName,
    password: profile.password,
    role: profile.role,
    language: profile.language.default('fr'),
    email: profile.email.optional(),
    disabled: profile.disabled.default(false),
    scope: profile.scope.default([]),
  })
  .superRefine((user, context) => {
    if (scopeRequired(user.role, user.scope)) {
      context.addIssue({ code: 'custom', path: ['scope'], params: { reason: 'SCOPE_REQUIRED' }, message: 'scope required' });
    }
    if (user.password.toLowerCase() === user.username) {
      context.addIssue({ code: 'custom', path: ['password'], params: { reason: 'PASSWORD_IS_USERNAME' }, message: 'password is username' });
    }
  });

/** PUT /api/users/:id changes the fields it is given and keeps the others. */
export const userChanges = z.strictObject({
  displayName: profile.displayName.optional(),
  email: profile.email.optional(),
  role: profile.role.optional(),
  language: profile.language.optional(),
  disabled: profile.disabled.optional(),
  scope: profile.scope.optional(),
  password: profile.password.optional().describe('Nouveau mot de passe (réinitialisation) / new password (reset)'),
});

export const userId = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

export const userQuery = z.strictObject({
  query: z.string().trim().min(1).max(100).optional().describe('Partie du nom, du nom d’utilisateur ou du courriel / part of name, username or email'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
