// Confirming that an entry (a dose, a measurement) was made in error before it leaves the
// record and the month's figures; the server's refusal, if any, stays in the dialog.
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';

export function EnteredInErrorDialog({ title, subject, explanation, onConfirm, onClose }: {
  title: string;
  /** What is removed, in words; null when the dialog is closed. */
  subject: string | null;
  explanation: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [subject]);
  return (
    <Dialog title={title} open={subject !== null} onClose={onClose}>
      <div className="dialog-body stack">
        <p className="dialog-subject">{subject}</p>
        <p>{explanation}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('web.children.cancel')}
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
              } catch (failure) {
                setError((failure as Error).message);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('web.children.removeConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
