// Creating or changing a user: name, email, role, language, org-unit scope (the roots of the
// subtrees the user reads and writes; a superuser's is the whole country), status, and a new
// password — generated here and shown to the administrator to hand over. Errors from the
// server are shown next to the field they name.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.tsx';
import { orgUnitOptions } from '../../components/orgUnits.ts';
import { OrgUnitMultiPicker } from '../../components/OrgUnitPicker.tsx';
import { useOrgUnits } from '../../components/useOrgUnits.ts';
import { createUser, generatePassword, roles, updateUser, type Role, type User, type UserFields } from './usersApi.ts';

const blank: UserFields = { username: '', displayName: '', email: null, role: 'data_entry', language: 'fr', disabled: false, scope: [], password: '' };

/** `user` undefined: a new user; null: closed. */
export function UserDialog({ user, onClose, onSaved }: { user: User | null | undefined; onClose(): void; onSaved(user: User): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { units } = useOrgUnits();
  const [fields, setFields] = useState<UserFields>(blank);
  const [resetPassword, setResetPassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = user === undefined;
  const own = user?.username === me?.username;
  const options = useMemo(() => (units ? orgUnitOptions(units, (me?.scope ?? []).map((unit) => unit.path)) : []), [units, me]);

  useEffect(() => {
    setErrors({});
    setError(null);
    setResetPassword(false);
    if (user === null) return;
    setFields(
      user
        ? { displayName: user.displayName, email: user.email, role: user.role, language: user.language, disabled: user.disabled, scope: user.role === 'superuser' ? [] : user.scope.map((unit) => unit.id) }
        : { ...blank, password: generatePassword() },
    );
  }, [user]);

  const set = <K extends keyof UserFields>(name: K, value: UserFields[K]) => setFields((previous) => ({ ...previous, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    const { password, username, ...rest } = fields;
    const profile = { ...rest, email: rest.email?.trim() ? rest.email.trim() : null };
    try {
      const saved = isNew
        ? await createUser({ ...profile, username, password })
        : await updateUser(user!.id, { ...profile, ...(resetPassword ? { password } : {}) });
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError) {
        setErrors(fieldErrorsOf(failure));
        setError(failure.message);
      } else setError(t('web.error.network'));
    } finally {
      setBusy(false);
    }
  }

  const showPassword = isNew || resetPassword;
  return (
    <Dialog title={isNew ? t('web.users.new') : t('web.users.edit', { name: user?.displayName ?? '' })} open={user !== null} onClose={onClose} wide>
      <form className="dialog-body user-form" onSubmit={submit}>
        <div className="form-grid">
          <label>
            {t('web.users.username')}
            <input value={isNew ? fields.username : user?.username} disabled={!isNew} required autoComplete="off" onChange={(event) => set('username', event.target.value)} />
            <FieldError errors={errors} field="username" />
          </label>
          <label>
            {t('web.users.displayName')}
            <input value={fields.displayName} required onChange={(event) => set('displayName', event.target.value)} />
            <FieldError errors={errors} field="displayName" />
          </label>
          <label>
            {t('web.users.email')}
            <input type="email" value={fields.email ?? ''} onChange={(event) => set('email', event.target.value)} />
            <FieldError errors={errors} field="email" />
          </label>
          <label>
            {t('web.users.language')}
            <select value={fields.language} onChange={(event) => set('language', event.target.value as 'fr' | 'en')}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('web.users.role')}
            <select value={fields.role} disabled={own} onChange={(event) => set('role', event.target.value as Role)}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`web.role.${role}`)}
                </option>
              ))}
            </select>
            <span className="muted field-hint">{t(`web.role.${fields.role}.hint`)}</span>
          </label>
          {!isNew && (
            <label className="check">
              <input type="checkbox" checked={fields.disabled} disabled={own} onChange={(event) => set('disabled', event.target.checked)} />
              {t('web.users.disabled')}
            </label>
          )}
        </div>
        <fieldset className="scope-fieldset" disabled={own}>
          <legend>{t('web.users.scope')}</legend>
          {fields.role === 'superuser' ? (
            <p className="muted">{t('web.users.scopeWholeCountry')}</p>
          ) : (
            <OrgUnitMultiPicker label={t('web.users.scopeSearch')} options={options} value={fields.scope} onChange={(scope) => set('scope', scope)} />
          )}
          <FieldError errors={errors} field="scope" />
        </fieldset>
        <fieldset className="password-fieldset">
          <legend>{t('web.users.password')}</legend>
          {!isNew && (
            <label className="check">
              <input type="checkbox" checked={resetPassword} onChange={(event) => {
                setResetPassword(event.target.checked);
                if (event.target.checked) set('password', generatePassword());
              }} />
              {t('web.users.resetPassword')}
            </label>
          )}
          {showPassword && (
            <div className="password-row">
              <label>
                {t('web.users.newPassword')}
                <input value={fields.password ?? ''} required minLength={8} autoComplete="new-password" onChange={(event) => set('password', event.target.value)} />
              </label>
              <button type="button" className="button-secondary" onClick={() => set('password', generatePassword())}>
                {t('web.users.generate')}
              </button>
            </div>
          )}
          {showPassword && <p className="muted field-hint">{t('web.users.passwordHint')}</p>}
          <FieldError errors={errors} field="password" />
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('web.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('web.saving') : isNew ? t('web.users.create') : t('web.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
