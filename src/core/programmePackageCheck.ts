// Checks that a list of programme packages hangs together before anything is loaded: codes
// unique, every reference resolving (to the same package or one listed before it, the order
// in which they load), every `#{de.coc}` naming a data element and one of the option combos
// generated for it, French and English text everywhere, a source for every baseline, target
// and observed value. Every problem is reported, each naming the package, collection, object
// and field, so a package author fixes them all in one pass.
import { DenwError } from './errors.ts';
import { itemsOf } from './expression/ast.ts';
import { parseExpression } from './expression/parseExpression.ts';
import { parsePeriod } from './periods/periods.ts';
import { periodType } from './periods/periodTypes.ts';
import { isRelativePeriod } from './periods/relativePeriods.ts';
import {
  optionComboCodes,
  type Bilingual,
  type Category,
  type CategoryCombo,
  type MetadataDocument,
  type ProgrammePackage,
  type Ref,
  type Translation,
  type TranslationProperty,
} from './programmePackage.ts';

export interface CheckOptions {
  /** The org units packages may name (targets, observations, dashboards); unchecked when absent. */
  orgUnitCodes?: ReadonlySet<string>;
}

/** DHIS2's limit on short names (dhis2-core BaseNameableObject, `shortName` column length). */
export const SHORT_NAME_MAX = 50;

type Collection = keyof MetadataDocument | 'dashboards' | 'package';

// The text fields of an object and the DHIS2 translation property that carries each in English.
const TEXT_FIELDS: [string, TranslationProperty][] = [
  ['name', 'NAME'],
  ['shortName', 'SHORT_NAME'],
  ['description', 'DESCRIPTION'],
  ['numeratorDescription', 'NUMERATOR_DESCRIPTION'],
  ['denominatorDescription', 'DENOMINATOR_DESCRIPTION'],
  ['instruction', 'INSTRUCTION'],
];
const NAMED_COLLECTIONS = [
  'categoryOptions',
  'categories',
  'categoryCombos',
  'dataElements',
  'dataSets',
  'indicatorTypes',
  'indicators',
  'validationRules',
  'constants',
  'goals',
  'results',
  'resultIndicators',
] as const;
type NamedCollection = (typeof NAMED_COLLECTIONS)[number];
const WITH_SHORT_NAME: NamedCollection[] = ['categoryOptions', 'categories', 'dataElements', 'dataSets', 'indicators', 'constants'];
const ORG_UNIT_KEYWORD = /^(USER_ORGUNIT|USER_ORGUNIT_CHILDREN|USER_ORGUNIT_GRANDCHILDREN|LEVEL-[1-9]\d*)$/;

class Checker {
  readonly problems: DenwError[] = [];
  private readonly owner = new Map<string, string>();
  private readonly categories = new Map<string, Category>();
  private readonly combos = new Map<string, CategoryCombo>();
  /** Data element code → the codes of its category option combos. */
  private readonly optionCombos = new Map<string, string[]>();
  private pkg = '';

  constructor(private readonly options: CheckOptions) {}

  private report(code: string, collection: Collection, object: string, field: string, params: Record<string, string | number> = {}) {
    this.problems.push(new DenwError(code, { package: this.pkg, collection, object, field, ...params }, field));
  }

  private known(collection: NamedCollection, code: string): boolean {
    return this.owner.has(`${collection}:${code}`) || (collection === 'categoryCombos' && code === 'default');
  }

  private reference(collection: Collection, object: string, field: string, target: NamedCollection, value: Ref | undefined) {
    if (value && !this.known(target, value.code)) this.report('PROGRAMME_REFERENCE_UNKNOWN', collection, object, field, { reference: value.code });
  }

  check(pkg: ProgrammePackage): void {
    this.pkg = pkg.id;
    this.bilingual('package', pkg.id, 'name', pkg.name);
    this.bilingual('package', pkg.id, 'modelledOn', pkg.modelledOn);
    if (pkg.sources.every((source) => source.trim() === '')) this.report('PROGRAMME_SOURCE_MISSING', 'package', pkg.id, 'sources');
    this.register(pkg.metadata);
    this.structure(pkg.metadata);
    this.expressions(pkg.metadata);
    this.resultsFramework(pkg.metadata);
    for (const assignment of pkg.dataSetAssignments) this.reference('package', pkg.id, 'dataSetAssignments', 'dataSets', { code: assignment.dataSet });
    this.dashboards(pkg);
  }

  /** Records every code (all of a package's objects before its references, which may point forward). */
  private register(doc: MetadataDocument): void {
    for (const collection of NAMED_COLLECTIONS) {
      const shortNames = new Set<string>();
      for (const object of doc[collection] ?? []) {
        const key = `${collection}:${object.code}`;
        const other = this.owner.get(key);
        if (other !== undefined) this.report('PROGRAMME_CODE_DUPLICATE', collection, object.code, 'code', { other });
        else this.owner.set(key, this.pkg);
        this.texts(collection, object as unknown as Record<string, unknown>);
        if (!WITH_SHORT_NAME.includes(collection)) continue;
        const shortName = (object as { shortName?: string }).shortName ?? '';
        if (shortName.length > SHORT_NAME_MAX) this.report('PROGRAMME_SHORT_NAME_TOO_LONG', collection, object.code, 'shortName', { length: shortName.length, max: SHORT_NAME_MAX });
        if (shortNames.has(shortName)) this.report('PROGRAMME_SHORT_NAME_DUPLICATE', collection, object.code, 'shortName', { shortName });
        shortNames.add(shortName);
      }
    }
    for (const item of doc.categories ?? []) this.categories.set(item.code, item);
    for (const combo of doc.categoryCombos ?? []) this.combos.set(combo.code, combo);
  }

  /** French text present, and an English translation of each text field that has one. */
  private texts(collection: Collection, object: Record<string, unknown>): void {
    const code = String(object.code);
    const translations = (object.translations ?? []) as Translation[];
    const english = (property: TranslationProperty) => translations.find((t) => t.locale === 'en' && t.property === property)?.value ?? '';
    for (const [field, property] of TEXT_FIELDS) {
      const french = object[field];
      if (french === undefined && field !== 'name') continue;
      if (typeof french !== 'string' || french.trim() === '' || english(property).trim() === '') {
        this.report('PROGRAMME_TRANSLATION_MISSING', collection, code, field);
      }
    }
    for (const side of ['leftSide', 'rightSide'] as const) {
      const description = (object[side] as { description?: string } | undefined)?.description;
      if (description === undefined) continue;
      const property = side === 'leftSide' ? 'LEFT_SIDE_DESCRIPTION' : 'RIGHT_SIDE_DESCRIPTION';
      if (description.trim() === '' || english(property).trim() === '') this.report('PROGRAMME_TRANSLATION_MISSING', collection, code, `${side}.description`);
    }
  }

  private bilingual(collection: Collection, object: string, field: string, text: Bilingual): void {
    if (text.fr.trim() === '' || text.en.trim() === '') this.report('PROGRAMME_TRANSLATION_MISSING', collection, object, field);
  }

  private structure(doc: MetadataDocument): void {
    for (const item of doc.categories ?? []) {
      for (const option of item.categoryOptions) this.reference('categories', item.code, 'categoryOptions', 'categoryOptions', option);
    }
    for (const combo of doc.categoryCombos ?? []) {
      for (const item of combo.categories) this.reference('categoryCombos', combo.code, 'categories', 'categories', item);
      // Option combo codes are unique across combos, so that a data value file naming one by
      // code (idScheme=code) is never ambiguous.
      for (const code of optionComboCodes(combo, this.categories)) {
        const other = this.owner.get(`categoryOptionCombos:${code}`);
        if (other !== undefined) this.report('PROGRAMME_CODE_DUPLICATE', 'categoryCombos', `${combo.code}.${code}`, 'categoryOptionCombos', { other });
        else this.owner.set(`categoryOptionCombos:${code}`, this.pkg);
      }
    }
    for (const element of doc.dataElements ?? []) {
      this.reference('dataElements', element.code, 'categoryCombo', 'categoryCombos', element.categoryCombo);
      const combo = this.combos.get(element.categoryCombo.code);
      this.optionCombos.set(element.code, combo ? optionComboCodes(combo, this.categories) : ['default']);
    }
    for (const set of doc.dataSets ?? []) {
      this.periodTypeOf('dataSets', set.code, set.periodType);
      const members = new Set(set.dataSetElements.map((element) => element.dataElement.code));
      for (const element of set.dataSetElements) this.reference('dataSets', set.code, 'dataSetElements', 'dataElements', element.dataElement);
      for (const section of set.sections) {
        this.texts('dataSets', { ...section, code: `${set.code}/${section.code}` });
        const other = this.owner.get(`sections:${section.code}`);
        if (other !== undefined) this.report('PROGRAMME_CODE_DUPLICATE', 'dataSets', `${set.code}/${section.code}`, 'sections', { other });
        else this.owner.set(`sections:${section.code}`, this.pkg);
        for (const element of section.dataElements) {
          if (!members.has(element.code)) this.report('PROGRAMME_REFERENCE_UNKNOWN', 'dataSets', set.code, `sections.${section.code}`, { reference: element.code });
        }
      }
    }
    for (const item of doc.indicators ?? []) this.reference('indicators', item.code, 'indicatorType', 'indicatorTypes', item.indicatorType);
    for (const rule of doc.validationRules ?? []) this.periodTypeOf('validationRules', rule.code, rule.periodType);
  }

  private periodTypeOf(collection: Collection, object: string, name: string): void {
    try {
      periodType(name);
    } catch {
      this.report('PROGRAMME_PERIOD_INVALID', collection, object, 'periodType', { period: name });
    }
  }

  private expressions(doc: MetadataDocument): void {
    for (const item of doc.indicators ?? []) {
      this.expression('indicators', item.code, 'numerator', item.numerator);
      this.expression('indicators', item.code, 'denominator', item.denominator);
    }
    for (const rule of doc.validationRules ?? []) {
      this.expression('validationRules', rule.code, 'leftSide.expression', rule.leftSide.expression);
      this.expression('validationRules', rule.code, 'rightSide.expression', rule.rightSide.expression);
    }
  }

  /** Parses a DHIS2 expression and resolves each item it names. */
  private expression(collection: Collection, object: string, field: string, text: string): void {
    let items;
    try {
      const parsed = parseExpression(text);
      if (parsed.valueType !== 'number') throw new DenwError('EXPRESSION_EXPECTS_NUMBER', { position: 1 });
      items = itemsOf(parsed);
    } catch (error) {
      if (!(error instanceof DenwError)) throw error;
      this.report('PROGRAMME_EXPRESSION_INVALID', collection, object, field, { detail: `${error.code} ${JSON.stringify(error.params)}` });
      return;
    }
    for (const item of items.dataItems) {
      const combos = this.optionCombos.get(item.dataElement);
      const written = `${item.dataElement}${item.categoryOptionCombo ? `.${item.categoryOptionCombo}` : ''}`;
      const unknownCombo = item.categoryOptionCombo !== undefined && !combos?.includes(item.categoryOptionCombo);
      const unknownAttribute = item.attributeOptionCombo !== undefined && item.attributeOptionCombo !== 'default';
      if (!combos || unknownCombo || unknownAttribute) this.report('PROGRAMME_REFERENCE_UNKNOWN', collection, object, field, { reference: written });
    }
    for (const code of items.indicators) this.reference(collection, object, field, 'indicators', { code });
    for (const code of items.constants) this.reference(collection, object, field, 'constants', { code });
  }

  private resultsFramework(doc: MetadataDocument): void {
    for (const result of doc.results ?? []) this.reference('results', result.code, 'goal', 'goals', result.goal);
    for (const item of doc.resultIndicators ?? []) {
      this.reference('resultIndicators', item.code, 'result', 'results', item.result);
      this.reference('resultIndicators', item.code, 'indicator', 'indicators', item.indicator);
      this.reference('resultIndicators', item.code, 'dataElement', 'dataElements', item.dataElement);
      if (item.indicator && item.dataElement) this.report('PROGRAMME_LINK_AMBIGUOUS', 'resultIndicators', item.code, 'indicator');
      const parts = [item.baselineValue, item.baselineYear, item.baselineSource?.trim() || undefined];
      const given = parts.filter((part) => part !== undefined).length;
      if (given > 0 && given < parts.length) {
        const field = item.baselineSource?.trim() ? 'baselineValue' : 'baselineSource';
        this.report(field === 'baselineSource' ? 'PROGRAMME_SOURCE_MISSING' : 'PROGRAMME_BASELINE_INCOMPLETE', 'resultIndicators', item.code, field);
      }
    }
    const sourced = [
      ...(doc.targets ?? []).map((row, index) => ({ row, collection: 'targets' as const, index })),
      ...(doc.observations ?? []).map((row, index) => ({ row, collection: 'observations' as const, index })),
    ];
    for (const { row, collection, index } of sourced) {
      const object = `${row.resultIndicator.code}@${row.orgUnit.code}/${row.year} (${index + 1})`;
      this.reference(collection, object, 'resultIndicator', 'resultIndicators', row.resultIndicator);
      this.orgUnit(collection, object, 'orgUnit', row.orgUnit.code, false);
      if (row.source.trim() === '') this.report('PROGRAMME_SOURCE_MISSING', collection, object, 'source');
    }
  }

  private orgUnit(collection: Collection, object: string, field: string, code: string, keywordsAllowed: boolean): void {
    if (keywordsAllowed && ORG_UNIT_KEYWORD.test(code)) return;
    const { orgUnitCodes } = this.options;
    if (orgUnitCodes && !orgUnitCodes.has(code)) this.report('PROGRAMME_ORG_UNIT_UNKNOWN', collection, object, field, { orgUnit: code });
  }

  private dashboards(pkg: ProgrammePackage): void {
    for (const dashboard of pkg.dashboards) {
      this.bilingual('dashboards', dashboard.code, 'title', dashboard.title);
      for (const item of dashboard.items) {
        const object = `${dashboard.code}/${item.code}`;
        this.bilingual('dashboards', object, 'title', item.title);
        for (const dx of item.dx) {
          const [element, combo] = dx.split('.');
          const combos = this.optionCombos.get(element ?? '');
          const resolves = combo === undefined ? this.known('indicators', dx) || combos !== undefined : combos?.includes(combo) === true;
          if (!resolves) this.report('PROGRAMME_REFERENCE_UNKNOWN', 'dashboards', object, 'dx', { reference: dx });
        }
        for (const pe of item.pe) {
          if (isRelativePeriod(pe)) continue;
          try {
            parsePeriod(pe);
          } catch {
            this.report('PROGRAMME_PERIOD_INVALID', 'dashboards', object, 'pe', { period: pe });
          }
        }
        for (const ou of item.ou) this.orgUnit('dashboards', object, 'ou', ou, true);
      }
    }
  }
}

/** Every problem found in `packages`, taken in load order; an empty list means they load cleanly. */
export function programmePackageProblems(packages: readonly ProgrammePackage[], options: CheckOptions = {}): DenwError[] {
  const checker = new Checker(options);
  const ids = new Set<string>();
  for (const pkg of packages) {
    if (ids.has(pkg.id)) checker.problems.push(new DenwError('PROGRAMME_CODE_DUPLICATE', { package: pkg.id, collection: 'package', object: pkg.id, field: 'id', other: pkg.id }, 'id'));
    ids.add(pkg.id);
    checker.check(pkg);
  }
  return checker.problems;
}
