// The vaccination card: every dose of Mali's schedule with the status the schedule engine gives
// it today (given, invalid — before the minimum age or interval —, due, overdue, not yet due,
// too late, not eligible), its due date and the date given; recording a dose (antigen, dose,
// date, lot, place) and marking one entered in error (it stays in the history, struck out,
// and leaves the monthly figures).
import { useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from './dates.ts';
import { recordDose, removeDose, type ChildRecord, type DoseAssessment, type Immunization } from './childrenApi.ts';
import { EnteredInErrorDialog } from './EnteredInErrorDialog.tsx';
import { HealthAreaPicker } from './HealthAreaPicker.tsx';
import { doseChoices, doseLabel } from './vaccines.ts';
import { FormOutcome } from '../../components/FormOutcome.tsx';

export function DoseStatusBadge({ status }: { status: DoseAssessment['status'] }) {
  const { t } = useI18n();
  return <span className={`status dose-status dose-${status}`}>{t(`web.children.status.${status}`)}</span>;
}

const doseKey = (vaccine: string, dose: number) => `${vaccine}:${dose}`;

function RecordDoseForm({ record, choice, onChoice, onRecorded }: { record: ChildRecord; choice: string; onChoice(key: string): void; onRecorded(): void }) {
  const { t, language } = useI18n();
  const [date, setDate] = useState(todayIso());
  const [lotNumber, setLotNumber] = useState('');
  const [place, setPlace] = useState(record.orgUnit.code);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors: errors, submit } = useSubmit(async () => {
    const [vaccine = '', dose = ''] = choice.split(':');
    setSaved(null);
    await recordDose(record.uid, { vaccine, dose: Number(dose), date, lotNumber: lotNumber.trim() || undefined, orgUnit: place || undefined });
    setSaved(t('web.children.dose.saved', { dose: doseLabel(vaccine, Number(dose), language) }));
    setLotNumber('');
    onRecorded();
  });

  return (
    <form className="card stack record-dose" onSubmit={submit} aria-labelledby="record-dose-title">
      <h2 id="record-dose-title">{t('web.children.dose.record')}</h2>
      <div className="form-grid">
        <label>
          {t('web.children.dose.vaccine')}
          <select value={choice} onChange={(event) => onChoice(event.target.value)} required>
            <option value="">{t('web.pick.choose')}</option>
            {doseChoices(language).map((item) => (
              <option key={doseKey(item.vaccine, item.dose)} value={doseKey(item.vaccine, item.dose)}>
                {item.label}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="vaccine" />
          <FieldError errors={errors} field="dose" />
        </label>
        <label>
          {t('web.children.dose.date')}
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} required />
          <FieldError errors={errors} field="date" />
        </label>
        <label>
          {t('web.children.dose.lot')}
          <input value={lotNumber} onChange={(event) => setLotNumber(event.target.value)} autoComplete="off" />
          <FieldError errors={errors} field="lotNumber" />
        </label>
      </div>
      <div>
        <HealthAreaPicker label={t('web.children.dose.place')} value={place} onChange={setPlace} size={4} />
        <FieldError errors={errors} field="orgUnit" />
      </div>
      <FormOutcome error={error} saved={saved} />
      <div>
        <button type="submit" className="button-primary" disabled={busy || !choice}>
          {t('web.children.dose.submit')}
        </button>
      </div>
    </form>
  );
}

export function VaccinationPanel({ record, onChanged }: { record: ChildRecord; onChanged(): void }) {
  const { t, formatDate, language } = useI18n();
  const { can } = useSession();
  const writable = can('data:write');
  const [choice, setChoice] = useState('');
  const [removing, setRemoving] = useState<Immunization | null>(null);
  const completed = record.immunizations.filter((item) => item.status === 'completed');
  /** The record behind a dose of the card (given or invalid), to remove it. */
  const entryOf = (row: DoseAssessment) => completed.find((item) => item.vaccine === row.vaccine && item.dose === row.dose && item.date === row.givenDate);
  const date = (iso: string | null) => (iso ? formatDate(iso) : '');

  return (
    <div className="vaccination grid">
      <section className="card table-card" aria-labelledby="card-title">
        <h2 id="card-title" className="card-title">
          {t('web.children.card.title')}
        </h2>
        <table className="data-table vaccination-card">
          <thead>
            <tr>
              <th>{t('web.children.dose.vaccine')}</th>
              <th>{t('web.children.card.status')}</th>
              <th>{t('web.children.card.dueDate')}</th>
              <th>{t('web.children.card.overdueDate')}</th>
              <th>{t('web.children.card.givenDate')}</th>
              {writable && <th className="no-print">{t('web.children.card.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {record.schedule.map((row) => {
              const entry = entryOf(row);
              const label = doseLabel(row.vaccine, row.dose, language);
              return (
                <tr key={doseKey(row.vaccine, row.dose)} className={`dose-row dose-row-${row.status}`} data-dose={doseKey(row.vaccine, row.dose)} data-status={row.status}>
                  <th scope="row">{label}</th>
                  <td>
                    <DoseStatusBadge status={row.status} />
                  </td>
                  <td>{date(row.dueDate)}</td>
                  <td>{date(row.overdueDate)}</td>
                  <td>{date(row.givenDate)}</td>
                  {writable && (
                    <td className="no-print">
                      {entry ? (
                        <button type="button" className="link-button danger" onClick={() => setRemoving(entry)} aria-label={t('web.children.dose.remove', { dose: label })}>
                          {t('web.children.dose.removeShort')}
                        </button>
                      ) : (
                        (row.status === 'due' || row.status === 'overdue' || row.status === 'not_due') && (
                          <button type="button" className="link-button" onClick={() => setChoice(doseKey(row.vaccine, row.dose))} aria-label={t('web.children.dose.choose', { dose: label })}>
                            {t('web.children.dose.chooseShort')}
                          </button>
                        )
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {writable && <RecordDoseForm record={record} choice={choice} onChoice={setChoice} onRecorded={onChanged} />}
      {record.immunizations.length > 0 && (
        <section className="card table-card" aria-labelledby="history-title">
          <h2 id="history-title" className="card-title">
            {t('web.children.history.title')}
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('web.children.dose.vaccine')}</th>
                <th>{t('web.children.dose.date')}</th>
                <th>{t('web.children.dose.lot')}</th>
                <th>{t('web.children.dose.place')}</th>
                <th>{t('web.children.card.status')}</th>
              </tr>
            </thead>
            <tbody>
              {record.immunizations.map((item) => (
                <tr key={String(item.id)} className={item.status === 'entered-in-error' ? 'entered-in-error' : undefined}>
                  <td>{doseLabel(item.vaccine, item.dose, language)}</td>
                  <td>{formatDate(item.date)}</td>
                  <td>{item.lotNumber ?? ''}</td>
                  <td>{item.orgUnit?.name ?? ''}</td>
                  <td>{t(`web.children.history.${item.status === 'completed' ? 'completed' : 'enteredInError'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <EnteredInErrorDialog
        title={t('web.children.dose.removeTitle')}
        subject={removing && `${doseLabel(removing.vaccine, removing.dose, language)} — ${formatDate(removing.date)}`}
        explanation={t('web.children.dose.removeExplain')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await removeDose(record.uid, removing!.id);
          setRemoving(null);
          onChanged();
        }}
      />
    </div>
  );
}
