// What the metadata browser shows of each collection: one column list per collection, and the
// texts its search looks into beyond name and code (an indicator's expressions, a combo's
// categories). Labels come from the catalogues; values are shown as the server sends them.
import type { ReactNode } from 'react';
import type { Language } from '../../../core/i18n.ts';
import { pluralKey } from '../../components/plural.ts';
import { displayName, type BrowsedCollection, type MetadataObject, type Ref } from './metadataApi.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Column {
  label: string;
  cell(object: MetadataObject): ReactNode;
  numeric?: boolean;
}

const refs = (value: unknown): Ref[] => (Array.isArray(value) ? (value as Ref[]) : []);
const ref = (value: unknown): Ref | undefined => (value && typeof value === 'object' ? (value as Ref) : undefined);
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function Expression({ expression, description }: { expression: unknown; description: unknown }) {
  return (
    <div className="expression">
      {Boolean(description) && <div>{text(description)}</div>}
      <code>{text(expression)}</code>
    </div>
  );
}

export function columnsOf(collection: Exclude<BrowsedCollection, 'organisationUnits'>, t: Translate, language: Language): Column[] {
  const name: Column = { label: t('web.metadata.name'), cell: (object) => <strong>{displayName(object)}</strong> };
  const code: Column = { label: t('web.metadata.code'), cell: (object) => <code>{object.code ?? object.id}</code> };
  switch (collection) {
    case 'dataElements':
      return [
        name,
        code,
        { label: t('web.metadata.valueType'), cell: (object) => t(`web.valueType.${text(object.valueType)}`) },
        { label: t('web.metadata.aggregationType'), cell: (object) => t(`web.aggregationType.${text(object.aggregationType)}`) },
        { label: t('web.metadata.categoryCombo'), cell: (object) => displayName(ref(object.categoryCombo)) },
      ];
    case 'indicators':
      return [
        name,
        code,
        { label: t('web.metadata.indicatorType'), cell: (object) => displayName(ref(object.indicatorType)) },
        { label: t('web.metadata.numerator'), cell: (object) => <Expression expression={object.numerator} description={object.displayNumeratorDescription ?? object.numeratorDescription} /> },
        { label: t('web.metadata.denominator'), cell: (object) => <Expression expression={object.denominator} description={object.displayDenominatorDescription ?? object.denominatorDescription} /> },
      ];
    case 'dataSets':
      return [
        name,
        code,
        { label: t('web.metadata.periodType'), cell: (object) => t(`web.periodType.${text(object.periodType)}`) },
        { label: t('web.metadata.elements'), numeric: true, cell: (object) => refs(object.dataSetElements).length },
        { label: t('web.metadata.orgUnits'), numeric: true, cell: (object) => refs(object.organisationUnits).length },
        { label: t('web.metadata.sections'), cell: (object) => refs(object.sections).map(displayName).join(' · ') },
      ];
    case 'categoryCombos':
      return [
        name,
        code,
        { label: t('web.metadata.categories'), cell: (object) => refs(object.categories).map(displayName).join(' × ') },
        {
          label: t('web.metadata.optionCombos'),
          cell: (object) => {
            const combos = refs(object.categoryOptionCombos);
            return (
              <details>
                <summary>{t(pluralKey('web.metadata.optionComboCount', combos.length, language), { count: combos.length })}</summary>
                <ul className="plain-list">
                  {combos.map((combo) => (
                    <li key={combo.id}>
                      {displayName(combo)} <code>{combo.code ?? combo.id}</code>
                    </li>
                  ))}
                </ul>
              </details>
            );
          },
        },
      ];
  }
}

/** Texts beyond name and code that the search looks into. */
export function searchTexts(collection: BrowsedCollection, object: MetadataObject): string[] {
  if (collection === 'indicators') return [text(object.numerator), text(object.denominator), text(object.numeratorDescription), text(object.denominatorDescription)];
  if (collection === 'categoryCombos') return refs(object.categories).map(displayName);
  if (collection === 'dataElements') return [text(object.valueType), displayName(ref(object.categoryCombo))];
  return [];
}
