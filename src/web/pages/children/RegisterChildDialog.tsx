// Registering a child in the chosen health area; the server's refusals are shown beside the
// field they name (a birth date in the future, a missing name …).
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { registerChild, type Child, type ChildFields } from './childrenApi.ts';
import { HealthAreaPicker } from './HealthAreaPicker.tsx';

const blank = (orgUnit: string): ChildFields => ({ orgUnit, givenName: '', familyName: '', sex: '', birthDate: '', motherName: '', village: '' });

export function RegisterChildDialog({ open, orgUnit, onClose, onRegistered }: { open: boolean; orgUnit: string; onClose(): void; onRegistered(child: Child): void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<ChildFields>(blank(orgUnit));
  // An unchosen sex goes as it is, so that the server names the field at fault.
  const { busy, error, fieldErrors: errors, submit, reset } = useSubmit(async () => onRegistered(await registerChild(fields as Omit<ChildFields, 'sex'> & { sex: 'F' | 'M' })));
  useEffect(() => {
    if (!open) return;
    setFields(blank(orgUnit));
    reset();
  }, [open, orgUnit, reset]);
  const set = (name: keyof ChildFields, value: string) => setFields((previous) => ({ ...previous, [name]: value }));

  return (
    <Dialog title={t('web.children.register')} open={open} onClose={onClose} wide>
      <form className="dialog-body stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <label>
            {t('web.children.givenName')}
            <input value={fields.givenName} onChange={(event) => set('givenName', event.target.value)} autoComplete="off" />
            <FieldError errors={errors} field="givenName" />
          </label>
          <label>
            {t('web.children.familyName')}
            <input value={fields.familyName} onChange={(event) => set('familyName', event.target.value)} autoComplete="off" />
            <FieldError errors={errors} field="familyName" />
          </label>
          <label>
            {t('web.children.sex')}
            <select value={fields.sex} onChange={(event) => set('sex', event.target.value)}>
              <option value="">{t('web.pick.choose')}</option>
              <option value="F">{t('web.children.sex.F')}</option>
              <option value="M">{t('web.children.sex.M')}</option>
            </select>
            <FieldError errors={errors} field="sex" />
          </label>
          <label>
            {t('web.children.birthDate')}
            <input type="date" value={fields.birthDate} onChange={(event) => set('birthDate', event.target.value)} />
            <FieldError errors={errors} field="birthDate" />
          </label>
          <label>
            {t('web.children.motherName')}
            <input value={fields.motherName} onChange={(event) => set('motherName', event.target.value)} autoComplete="off" />
            <FieldError errors={errors} field="motherName" />
          </label>
          <label>
            {t('web.children.village')}
            <input value={fields.village} onChange={(event) => set('village', event.target.value)} autoComplete="off" />
            <FieldError errors={errors} field="village" />
          </label>
        </div>
        <div>
          <HealthAreaPicker value={fields.orgUnit} onChange={(code) => set('orgUnit', code)} size={5} />
          <FieldError errors={errors} field="orgUnit" />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('web.children.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {t('web.children.registerSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
