// A modal dialog on the browser's own <dialog> element: showModal() keeps focus inside it,
// Escape closes it, and focus returns to the control that opened it (WAI-ARIA APG "Dialog
// (Modal)" pattern, provided natively by the HTML dialog element).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n.tsx';

export function Dialog({ title, open, onClose, children, wide = false }: { title: string; open: boolean; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={`dialog${wide ? ' dialog-wide' : ''}`} aria-labelledby={titleId} onClose={onClose}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close" aria-label={t('web.dialog.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
