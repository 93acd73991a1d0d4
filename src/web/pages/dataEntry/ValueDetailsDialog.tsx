// The comment and follow-up flag of one value (DHIS2's data value "history" dialog, reduced to
// what Denw stores), with who changed it last and when.
import { useEffect, useState, type FormEvent } from 'react';
import { VALUE_MAX_LENGTH } from '../../../core/dataValueSets/valueTypes.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import type { StoredValue } from './dataEntryApi.ts';

export function ValueDetailsDialog({ title, stored, onSave, onClose }: {
  /** Which value: data element and option combo names, or null when closed. */
  title: string | null;
  stored: StoredValue | undefined;
  onSave(details: { comment: string; followUp: boolean }): Promise<void>;
  onClose(): void;
}) {
  const { t, formatDate } = useI18n();
  const [comment, setComment] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setComment(stored?.comment ?? '');
    setFollowUp(stored?.followUp ?? false);
    setError(null);
  }, [title, stored]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ comment: comment.trim(), followUp });
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('web.dataEntry.detailsTitle')} open={title !== null} onClose={onClose}>
      <form className="dialog-body stack" onSubmit={submit}>
        <p className="dialog-subject">{title}</p>
        {!stored && <p className="muted">{t('web.dataEntry.detailsNeedValue')}</p>}
        {stored?.storedBy && (
          <p className="muted">
            {t('web.dataEntry.lastChange', { user: stored.storedBy, date: stored.lastUpdated ? formatDate(stored.lastUpdated.slice(0, 10)) : '' })}
          </p>
        )}
        <label>
          {t('web.dataEntry.comment')}
          <textarea rows={4} maxLength={VALUE_MAX_LENGTH} value={comment} disabled={!stored} onChange={(event) => setComment(event.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={followUp} disabled={!stored} onChange={(event) => setFollowUp(event.target.checked)} />
          {t('web.dataEntry.markFollowUp')}
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('web.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy || !stored}>
            {busy ? t('web.saving') : t('web.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
