// One cell of the form: an input fitted to the data element's value type, checked against that
// type as it is typed (the same check the server makes: core/dataValueSets/valueTypes.ts), saved
// through the form's ValueSaver, and showing its state — saving, saved, failed — in its colour,
// its icon and, for screen readers, its description.
import { memo, useId } from 'react';
import { isNumericType, valueTypeProblem } from '../../../core/dataValueSets/valueTypes.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { CellState } from './valueSaver.ts';

export interface CellInfo {
  comment?: string | null;
  followUp?: boolean;
}

interface ValueCellProps {
  cellKey: string;
  valueType: string;
  text: string;
  state: CellState | undefined;
  info: CellInfo | undefined;
  labelledBy: string;
  disabled: boolean;
  onText(key: string, text: string, commit: boolean, problem: string | undefined): void;
  onDetails(key: string): void;
}

const statusIcon: Record<CellState['status'], string> = { saving: '…', saved: '✓', failed: '!', invalid: '!' };

/** The translated reason a text is refused for a value type, or undefined when it is valid. */
export function useValueProblem() {
  const { t } = useI18n();
  return (text: string, valueType: string) => {
    const problem = valueTypeProblem(text.trim(), valueType);
    return problem === undefined ? undefined : t(`valueReason.${problem}`);
  };
}

function ValueCellView({ cellKey, valueType, text, state, info, labelledBy, disabled, onText, onDetails }: ValueCellProps) {
  const { t } = useI18n();
  const problemOf = useValueProblem();
  const messageId = useId();
  const change = (next: string, commit: boolean) => onText(cellKey, next, commit, problemOf(next, valueType));
  const failed = state?.status === 'failed' || state?.status === 'invalid';
  const common = {
    className: 'value-input',
    'aria-labelledby': labelledBy,
    'aria-describedby': state?.message ? messageId : undefined,
    'aria-invalid': failed || undefined,
    'data-cell': cellKey,
    disabled,
    onKeyDown: (event: React.KeyboardEvent) => {
      // Ctrl+Enter (⌘+Enter): comment and follow-up for this value.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        onDetails(cellKey);
      }
    },
  };
  let input;
  if (valueType === 'BOOLEAN') {
    input = (
      <select {...common} value={text} onChange={(event) => change(event.target.value, true)}>
        <option value="" />
        <option value="true">{t('web.dataEntry.yes')}</option>
        <option value="false">{t('web.dataEntry.no')}</option>
      </select>
    );
  } else if (valueType === 'TRUE_ONLY') {
    input = <input {...common} type="checkbox" checked={text === 'true'} onChange={(event) => change(event.target.checked ? 'true' : '', true)} />;
  } else if (valueType === 'LONG_TEXT') {
    input = <textarea {...common} rows={2} value={text} onChange={(event) => change(event.target.value, false)} onBlur={(event) => change(event.target.value, true)} />;
  } else if (valueType === 'DATE') {
    input = <input {...common} type="date" value={text} onChange={(event) => change(event.target.value, true)} />;
  } else {
    const numeric = isNumericType(valueType);
    input = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? (valueType.startsWith('INTEGER') ? 'numeric' : 'decimal') : undefined}
        autoComplete="off"
        value={text}
        onChange={(event) => change(event.target.value, false)}
        onBlur={(event) => change(event.target.value, true)}
      />
    );
  }
  return (
    <td className={`value-cell${state ? ` cell-${state.status}` : ''}${isNumericType(valueType) ? ' number' : ''}`} onDoubleClick={() => !disabled && onDetails(cellKey)}>
      {input}
      {info?.comment && <span className="cell-comment" title={info.comment} aria-hidden="true" />}
      {info?.followUp && (
        <span className="cell-follow-up" title={t('web.dataEntry.followUp')} aria-hidden="true">
          ⚑
        </span>
      )}
      {state && (
        <span className="cell-status" title={state.message ?? t(`web.dataEntry.status.${state.status}`)} aria-hidden="true">
          {statusIcon[state.status]}
        </span>
      )}
      {state?.message && (
        <span id={messageId} className="visually-hidden">
          {state.message}
        </span>
      )}
      {!disabled && (
        <button type="button" className="cell-details" tabIndex={-1} aria-label={t('web.dataEntry.details')} onClick={() => onDetails(cellKey)}>
          ⋯
        </button>
      )}
    </td>
  );
}

/** Cells re-render only when their own text, state or details change, not at every keystroke elsewhere. */
export const ValueCell = memo(ValueCellView);
