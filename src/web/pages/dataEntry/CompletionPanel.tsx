// "Mark complete": the server runs the validation rules on the form first; the violations are
// listed (most important first) and, when the data set accepts only valid forms (DHIS2
// validCompleteOnly), they keep the form open. A complete form is read-only until it is
// marked incomplete again, as in DHIS2's data entry.
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { setCompletion, validateForm, type Violation } from './completionApi.ts';
import type { FormKey } from './dataEntryApi.ts';
import { operatorSymbol } from '../../../core/metadata/collections.ts';

function Violations({ violations }: { violations: Violation[] }) {
  const { t, formatNumber } = useI18n();
  const side = (value: number | null) => (value === null ? '—' : formatNumber(value, { maximumFractionDigits: 2 }));
  return (
    <div className="violations" role="region" aria-label={t('web.dataEntry.violations')}>
      <h3>{t('web.dataEntry.violationCount', { count: violations.length })}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('web.dataEntry.rule')}</th>
            <th scope="col">{t('web.dataEntry.importance')}</th>
            <th scope="col" className="number">{t('web.dataEntry.leftSide')}</th>
            <th scope="col" className="operator" aria-label={t('web.dataEntry.operator')} />
            <th scope="col" className="number">{t('web.dataEntry.rightSide')}</th>
          </tr>
        </thead>
        <tbody>
          {violations.map((violation, index) => (
            <tr key={index}>
              <td>
                <strong>{violation.rule}</strong>
                {violation.instruction && <div className="muted">{violation.instruction}</div>}
              </td>
              <td>
                <span className={`status importance-${violation.importance}`}>{t(`web.importance.${violation.importance}`)}</span>
              </td>
              <td className="number">{side(violation.leftSide)}</td>
              <td className="operator">{operatorSymbol(violation.operator) ?? t(`web.operator.${violation.operator}`)}</td>
              <td className="number">{side(violation.rightSide)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CompletionPanel({ form, completeDate, validCompleteOnly, onCompletedChange }: {
  form: FormKey;
  /** When the form was marked complete (`YYYY-MM-DD`), or null. */
  completeDate: string | null;
  validCompleteOnly: boolean;
  onCompletedChange(completeDate: string | null): void;
}) {
  const { t, formatDate } = useI18n();
  const [violations, setViolations] = useState<Violation[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = `${form.dataSet}/${form.orgUnit}/${form.period}`;
  useEffect(() => {
    setViolations(null);
    setMessage(null);
  }, [key]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      setMessage({ text: (failure as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const markComplete = () =>
    run(async () => {
      const found = await validateForm(form);
      setViolations(found);
      if (found.length > 0 && validCompleteOnly) {
        setMessage({ text: t('web.dataEntry.notCompletedInvalid'), error: true });
        return;
      }
      await setCompletion(form, true);
      onCompletedChange(new Date().toISOString().slice(0, 10));
      setMessage({ text: t(found.length > 0 ? 'web.dataEntry.completedWithViolations' : 'web.dataEntry.completedValid'), error: false });
    });
  const markIncomplete = () =>
    run(async () => {
      await setCompletion(form, false);
      onCompletedChange(null);
    });

  return (
    <>
      <div className="completion">
        <span className={`status ${completeDate ? 'status-on-track' : 'status-no-data'}`} data-completed={completeDate !== null}>
          {completeDate ? t('web.dataEntry.completedOn', { date: formatDate(completeDate) }) : t('web.dataEntry.notCompleted')}
        </span>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => run(async () => setViolations(await validateForm(form)))}>
          {t('web.dataEntry.runValidation')}
        </button>
        {completeDate ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={markIncomplete}>
            {t('web.dataEntry.markIncomplete')}
          </button>
        ) : (
          <button type="button" className="button-primary" disabled={busy} onClick={markComplete}>
            {busy ? t('web.loading') : t('web.dataEntry.markComplete')}
          </button>
        )}
      </div>
      {message && (
        <p className={message.error ? 'form-error entry-message' : 'entry-message success'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {violations && violations.length === 0 && !message && (
        <p className="entry-message success" role="status">
          {t('web.dataEntry.noViolation')}
        </p>
      )}
      {violations && violations.length > 0 && <Violations violations={violations} />}
    </>
  );
}
