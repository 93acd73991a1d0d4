// Choosing a period of one type: a list of recent periods, newest first, with buttons for the
// previous and the next one; periods after the latest open one are not offered.
import { useId, useMemo } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { parsePeriod, shiftPeriod, type Period } from '../../core/periods/periods.ts';
import type { PeriodTypeName } from '../../core/periods/periodTypes.ts';
import { latestOpenPeriod, periodLabel, periodWindow } from './periods.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The period a picker starts on: the latest one open for entry. */
export function defaultPeriod(periodType: string, openFuturePeriods = 0): string {
  return latestOpenPeriod(periodType as PeriodTypeName, today(), openFuturePeriods).id;
}

function parsed(id: string, type: string): Period | undefined {
  try {
    const period = parsePeriod(id);
    return period.type === type ? period : undefined;
  } catch {
    return undefined;
  }
}

export function PeriodPicker({ label, periodType, openFuturePeriods = 0, value, onChange }: {
  label: string;
  periodType: string;
  openFuturePeriods?: number;
  value: string;
  onChange(period: string): void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const latest = useMemo(() => latestOpenPeriod(periodType as PeriodTypeName, today(), openFuturePeriods), [periodType, openFuturePeriods]);
  const selected = parsed(value, periodType) ?? latest;
  const choices = periodWindow(selected, latest);
  const next = shiftPeriod(selected, 1);
  return (
    <div className="period-picker">
      <label htmlFor={id}>{label}</label>
      <div className="period-picker-row">
        <button type="button" className="button-secondary" aria-label={t('web.period.previous')} title={t('web.period.previous')} onClick={() => onChange(shiftPeriod(selected, -1).id)}>
          ‹
        </button>
        <select id={id} value={selected.id} onChange={(event) => onChange(event.target.value)}>
          {choices.map((period) => (
            <option key={period.id} value={period.id}>
              {periodLabel(period.id, language)}
            </option>
          ))}
        </select>
        <button type="button" className="button-secondary" aria-label={t('web.period.next')} title={t('web.period.next')} disabled={next.startDate > latest.startDate} onClick={() => onChange(next.id)}>
          ›
        </button>
      </div>
    </div>
  );
}
