// The data entry form: one card per section, one table per category combination, option
// combos as columns, totals for numbers. Every input is labelled by its row and column headers
// (aria-labelledby), Tab and Enter move to the next cell, Shift+Enter to the previous one.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { cellKey, cellLabel, formSections, isDefaultCombo, sectionTables, tableTotals, type FormTable } from './sectionForm.ts';
import type { EntryDataSet, StoredValue } from './dataEntryApi.ts';
import { ValueCell } from './ValueCell.tsx';
import { ValueSaver, type CellState } from './valueSaver.ts';

interface FormProps {
  /** Identifies the form (data set, unit, period): a new one starts afresh. */
  formId: string;
  dataSet: EntryDataSet;
  values: ReadonlyMap<string, StoredValue>;
  locked: boolean;
  save(key: string, value: string): Promise<void>;
  onDetails(key: string): void;
  /** Called with each saved value, so the page can keep its copy (comments, completeness). */
  onSaved(key: string, value: string): void;
}

function FormTableView({ table, id, texts, states, values, locked, onText, onDetails }: {
  table: FormTable;
  id: string;
  texts: Record<string, string>;
  states: Record<string, CellState>;
  values: ReadonlyMap<string, StoredValue>;
  locked: boolean;
  onText(key: string, text: string, commit: boolean, problem: string | undefined): void;
  onDetails(key: string): void;
}) {
  const { t, formatNumber } = useI18n();
  const totals = tableTotals(table, (key) => texts[key]);
  const headerId = (key: string) => `${id}-h-${key}`;
  const single = isDefaultCombo(table.combo);
  const show = (value: number | undefined) => (value === undefined ? '' : formatNumber(value, { maximumFractionDigits: 2 }));
  return (
    <div className="table-scroll entry-table-wrap">
      <table className="data-table entry-table">
        <thead>
          {table.headerRows.map((row, depth) => (
            <tr key={depth}>
              {depth === 0 && (
                <th scope="col" rowSpan={table.headerRows.length} className="entry-element-header">
                  {t('web.dataEntry.dataElement')}
                </th>
              )}
              {row.map((cell) => (
                <th key={cell.key} id={headerId(cell.key)} scope={cell.span > 1 ? 'colgroup' : 'col'} colSpan={cell.span} className="number">
                  {single ? t('web.dataEntry.value') : cell.label}
                </th>
              ))}
              {depth === 0 && table.rowTotals && (
                <th scope="col" rowSpan={table.headerRows.length} className="number total">
                  {t('web.dataEntry.total')}
                </th>
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((element) => {
            const rowId = `${id}-r-${element.id}`;
            return (
              <tr key={element.id}>
                <th scope="row" id={rowId}>
                  {element.formName || element.name}
                </th>
                {table.columns.map((coc, index) => {
                  const key = cellKey(element.id, coc.id);
                  const stored = values.get(key);
                  return (
                    <ValueCell
                      key={coc.id}
                      cellKey={key}
                      valueType={element.valueType}
                      text={texts[key] ?? ''}
                      state={states[key]}
                      info={stored}
                      labelledBy={[rowId, ...table.columnHeaderKeys[index]!.map(headerId)].join(' ')}
                      disabled={locked}
                      onText={onText}
                      onDetails={onDetails}
                    />
                  );
                })}
                {table.rowTotals && <td className="number total">{show(totals.rows.get(element.id))}</td>}
              </tr>
            );
          })}
        </tbody>
        {table.columnTotals && (
          <tfoot>
            <tr>
              <th scope="row">{t('web.dataEntry.total')}</th>
              {table.columns.map((coc) => (
                <td key={coc.id} className="number total">
                  {show(totals.columns.get(coc.id))}
                </td>
              ))}
              {table.rowTotals && <td className="number total grand-total">{show(totals.grand)}</td>}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Enter moves to the next cell and Shift+Enter to the previous one (Tab works natively). */
function moveOnEnter(event: KeyboardEvent<HTMLElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || !target.classList.contains('value-input') || target.tagName === 'TEXTAREA') return;
  event.preventDefault();
  const cells = [...event.currentTarget.querySelectorAll<HTMLElement>('.value-input:not(:disabled)')];
  const next = cells[cells.indexOf(target) + (event.shiftKey ? -1 : 1)];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  } else target.blur();
}

export function DataEntryForm({ formId: form, dataSet, values, locked, save, onDetails, onSaved }: FormProps) {
  const { t } = useI18n();
  const formId = useId();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [states, setStates] = useState<Record<string, CellState>>({});
  const [announcement, setAnnouncement] = useState('');
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  // Each form (data set, unit, period) gets its own saver, made by the effect that ends it: an
  // effect run again on the same form (React's StrictMode mounts twice in development, a
  // remount) makes a new saver instead of reusing the one its cleanup disposed, whose answers
  // would change nothing and leave cells "saving" for ever. Pending saves of an old form are
  // dropped; `save` is the one of this form, so a save that ends after the form changed is not
  // reported.
  const saverRef = useRef<ValueSaver | null>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  useEffect(() => {
    const saver: ValueSaver = new ValueSaver(
      async (key, value) => {
        await save(key, value);
        if (!saver.disposed) onSavedRef.current(key, value);
      },
      (key, state) => {
        setStates((previous) => {
          const next = { ...previous };
          if (state) next[key] = state;
          else delete next[key];
          return next;
        });
        if (state?.status === 'failed') setAnnouncement(state.message ?? '');
      },
    );
    const loaded: Record<string, string> = {};
    for (const [key, stored] of valuesRef.current) {
      loaded[key] = stored.value;
      saver.load(key, stored.value);
    }
    saverRef.current = saver;
    setTexts(loaded);
    setStates({});
    return () => saver.dispose();
  }, [form]);

  const onText = useCallback((key: string, text: string, commit: boolean, problem: string | undefined) => {
    setTexts((previous) => ({ ...previous, [key]: text }));
    const saver = saverRef.current!;
    if (problem) saver.refuse(key, problem);
    else if (commit) saver.commit(key, text.trim());
    else saver.typed(key, text.trim());
  }, []);

  const sections = formSections(dataSet);
  const problems = Object.entries(states).filter(([, state]) => state.status === 'failed' || state.status === 'invalid');
  return (
    <div className="entry-form" onKeyDown={moveOnEnter}>
      <p className="visually-hidden" aria-live="polite">
        {announcement && t('web.dataEntry.failedAnnouncement', { message: announcement })}
      </p>
      {problems.length > 0 && (
        <div className="entry-problems">
          <h3>{t('web.dataEntry.problems', { count: problems.length })}</h3>
          <ul>
            {problems.map(([key, state]) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`)?.focus()}>
                  {cellLabel(dataSet.dataElements, key)}
                </button>{' '}
                — {state.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sections.map((section, sectionIndex) => (
        <section key={`${sectionIndex}-${section.name}`} className="card entry-section" aria-labelledby={`${formId}-s${sectionIndex}`}>
          <h2 id={`${formId}-s${sectionIndex}`}>{section.name}</h2>
          {sectionTables(section).map((table, tableIndex) => (
            <FormTableView
              key={table.combo.id}
              table={table}
              id={`${formId}-s${sectionIndex}-t${tableIndex}`.replace(/[^\w-]/g, '')}
              texts={texts}
              states={states}
              values={values}
              locked={locked}
              onText={onText}
              onDetails={onDetails}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
