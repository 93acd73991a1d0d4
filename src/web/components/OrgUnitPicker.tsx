// Choosing an org unit (or several, for a user's scope): a search box over name, code and
// ancestors, and a native list box grouped by ancestors — keyboard and screen-reader support
// come with the <select> element itself.
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { filterOptions, type OrgUnitOption } from './orgUnits.ts';
import { pluralKey } from './plural.ts';

/** Enough to scroll through; a longer list asks for a narrower search instead. */
const SHOWN_AT_MOST = 400;

function groupByTrail(options: readonly OrgUnitOption[]) {
  const groups: Array<{ trail: string; options: OrgUnitOption[] }> = [];
  for (const option of options) {
    const trail = option.trail.join(' › ');
    const last = groups.at(-1);
    if (last && last.trail === trail) last.options.push(option);
    else groups.push({ trail, options: [option] });
  }
  return groups;
}

/**
 * Units of one level (a data set's health areas) are grouped under their ancestors; units of
 * several levels (a scope, an export) are shown as an indented tree, or with their ancestors
 * after the name when searching, since the tree no longer shows them.
 */
function OptionList({ options, searching }: { options: readonly OrgUnitOption[]; searching: boolean }) {
  const top = Math.min(...options.map((option) => option.level));
  if (options.every((option) => option.level === top)) {
    return groupByTrail(options).map((group, index) =>
      group.trail ? (
        <optgroup key={`${index}-${group.trail}`} label={group.trail}>
          {group.options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </optgroup>
      ) : (
        group.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))
      ),
    );
  }
  return options.map((option) => (
    <option key={option.id} value={option.id} title={[...option.trail, option.name].join(' › ')}>
      {searching ? [option.name, option.trail.join(' › ')].filter(Boolean).join(' — ') : `${'\u00a0\u00a0\u00a0'.repeat(option.level - top)}${option.name}`}
    </option>
  ));
}

interface PickerProps {
  label: string;
  options: readonly OrgUnitOption[];
  size?: number;
}

function SearchableList({ label, options, size = 10, value, onPick }: PickerProps & { value: string; onPick(id: string): void }) {
  const { t, formatNumber, language } = useI18n();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const listId = useId();
  const found = useMemo(() => filterOptions(options, query), [options, query]);
  const shown = found.slice(0, SHOWN_AT_MOST);
  return (
    <div className="org-unit-picker">
      <label htmlFor={searchId}>{label}</label>
      <input id={searchId} type="search" value={query} placeholder={t('web.orgUnit.search')} aria-controls={listId} onChange={(event) => setQuery(event.target.value)} />
      <select id={listId} size={size} aria-label={label} value={value} onChange={(event) => onPick(event.target.value)}>
        <OptionList options={shown} searching={query.trim() !== ''} />
      </select>
      <p className="muted picker-count" aria-live="polite">
        {found.length > shown.length
          ? t('web.orgUnit.tooMany', { shown: formatNumber(shown.length), total: formatNumber(found.length) })
          : t(pluralKey('web.orgUnit.count', found.length, language), { count: formatNumber(found.length) })}
      </p>
    </div>
  );
}

export function OrgUnitPicker({ value, onChange, ...props }: PickerProps & { value: string; onChange(id: string): void }) {
  return <SearchableList {...props} value={value} onPick={onChange} />;
}

/** Several units (a user's scope): the chosen ones as removable chips above the list. */
export function OrgUnitMultiPicker({ value, onChange, ...props }: PickerProps & { value: string[]; onChange(ids: string[]): void }) {
  const { t } = useI18n();
  const [highlighted, setHighlighted] = useState('');
  const byId = useMemo(() => new Map(props.options.map((option) => [option.id, option])), [props.options]);
  return (
    <div className="org-unit-multi">
      <ul className="chips" aria-label={t('web.orgUnit.chosen')}>
        {value.length === 0 && <li className="muted">{t('web.orgUnit.noneChosen')}</li>}
        {value.map((id) => (
          <li key={id} className="chip">
            {byId.get(id)?.name ?? id}
            <button type="button" aria-label={t('web.orgUnit.remove', { name: byId.get(id)?.name ?? id })} onClick={() => onChange(value.filter((other) => other !== id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <SearchableList {...props} size={props.size ?? 6} value={highlighted} onPick={setHighlighted} />
      <button type="button" className="button-secondary" disabled={!highlighted || value.includes(highlighted)} onClick={() => onChange([...value, highlighted])}>
        {t('web.orgUnit.add')}
      </button>
    </div>
  );
}
