import { describe, expect, it } from 'vitest';
import { programmePackageProblems } from './programmePackageCheck.ts';
import { optionComboCodes, type Category, type MetadataDocument, type ProgrammePackage } from './programmePackage.ts';

const en = (name: string) => [{ property: 'NAME' as const, locale: 'en' as const, value: name }];
const named = (code: string, fr: string, english: string) => ({ code, name: fr, shortName: fr, translations: [...en(english), { property: 'SHORT_NAME' as const, locale: 'en' as const, value: english }] });

/** A small two-package set that is correct: sex and age categories, one data element, one indicator. */
function base(): ProgrammePackage[] {
  const shared: ProgrammePackage = {
    id: 'shared',
    name: { fr: 'Commun', en: 'Common' },
    version: '1',
    modelledOn: { fr: 'Test', en: 'Test' },
    sources: ['test'],
    metadata: {
      categoryOptions: [named('F', 'Féminin', 'Female'), named('M', 'Masculin', 'Male')],
      categories: [{ ...named('SEX', 'Sexe', 'Sex'), dataDimensionType: 'DISAGGREGATION', categoryOptions: [{ code: 'F' }, { code: 'M' }] }],
      indicatorTypes: [{ code: 'PERCENT', name: 'Pourcentage', translations: en('Percentage'), factor: 100, number: false }],
    },
    dataSetAssignments: [],
    dashboards: [],
  };
  const metadata: MetadataDocument = {
    categoryOptions: [named('U1', 'Moins d’un an', 'Under 1'), named('A1', 'Un an et plus', '1 year and over')],
    categories: [{ ...named('AGE', 'Âge', 'Age'), dataDimensionType: 'DISAGGREGATION', categoryOptions: [{ code: 'U1' }, { code: 'A1' }] }],
    categoryCombos: [{ code: 'AGE_SEX', name: 'Âge et sexe', translations: en('Age and sex'), dataDimensionType: 'DISAGGREGATION', categories: [{ code: 'AGE' }, { code: 'SEX' }] }],
    dataElements: [
      { ...named('DOSES', 'Doses', 'Doses'), valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'SUM', domainType: 'AGGREGATE', categoryCombo: { code: 'AGE_SEX' }, zeroIsSignificant: true },
      { ...named('TARGET', 'Cible', 'Target'), valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'SUM', domainType: 'AGGREGATE', categoryCombo: { code: 'default' }, zeroIsSignificant: true },
    ],
    dataSets: [
      {
        ...named('MONTHLY', 'Mensuel', 'Monthly'),
        periodType: 'Monthly',
        dataSetElements: [{ dataElement: { code: 'DOSES' } }, { dataElement: { code: 'TARGET' } }],
        sections: [{ code: 'ALL', name: 'Tout', translations: en('All'), sortOrder: 1, dataElements: [{ code: 'DOSES' }] }],
        organisationUnits: [],
        expiryDays: 0,
        timelyDays: 15,
      },
    ],
    indicators: [
      {
        ...named('COVERAGE', 'Couverture', 'Coverage'),
        indicatorType: { code: 'PERCENT' },
        numerator: '#{DOSES.U1_F} + #{DOSES.U1_M}',
        numeratorDescription: 'Doses avant un an',
        denominator: '#{TARGET}',
        denominatorDescription: 'Cible',
        translations: [...named('COVERAGE', 'Couverture', 'Coverage').translations, { property: 'NUMERATOR_DESCRIPTION', locale: 'en', value: 'Doses under 1' }, { property: 'DENOMINATOR_DESCRIPTION', locale: 'en', value: 'Target' }],
        decimals: 1,
        annualized: false,
      },
    ],
    goals: [{ code: 'G1', name: 'Survivre', description: 'Cycle de vie', translations: [...en('Survive'), { property: 'DESCRIPTION', locale: 'en', value: 'Life cycle' }], sortOrder: 1 }],
    results: [{ code: 'R1', name: 'Vaccination', translations: en('Immunization'), goal: { code: 'G1' }, kind: 'KRC', sortOrder: 1 }],
    resultIndicators: [
      { code: 'RI1', name: 'Couverture', translations: en('Coverage'), result: { code: 'R1' }, indicator: { code: 'COVERAGE' }, unit: 'percent', direction: 'increase', baselineValue: 77, baselineYear: 2023, baselineSource: 'WUENIC 2023', public: true, publicMaxLevel: 2, sortOrder: 1 },
    ],
    observations: [{ resultIndicator: { code: 'RI1' }, orgUnit: { code: 'ML' }, year: 2023, sex: 'T', value: 77, source: 'WUENIC 2023', method: 'estimate' }],
  };
  const programme: ProgrammePackage = {
    id: 'programme',
    name: { fr: 'Programme', en: 'Programme' },
    version: '1',
    modelledOn: { fr: 'Test', en: 'Test' },
    sources: ['test'],
    metadata,
    dataSetAssignments: [{ dataSet: 'MONTHLY', orgUnitLevel: 4 }],
    dashboards: [
      { code: 'D', title: { fr: 'Tableau', en: 'Dashboard' }, items: [{ code: 'I', title: { fr: 'Carte', en: 'Map' }, type: 'map', dx: ['COVERAGE', 'DOSES.A1_M', 'TARGET'], pe: ['LAST_YEAR', '2024Q1'], ou: ['LEVEL-2', 'ML'] }] },
    ],
  };
  return [shared, programme];
}

const check = (packages: ProgrammePackage[]): Record<string, string | number | undefined>[] =>
  programmePackageProblems(packages, { orgUnitCodes: new Set(['ML', 'ML01']) }).map((problem) => ({ code: problem.code, ...problem.params }));
const programme = (packages: ProgrammePackage[]) => packages[1]!.metadata;

describe('optionComboCodes', () => {
  it('joins option codes with _ in category order, the first category varying slowest', () => {
    const categories = new Map<string, Category>(base().flatMap((pkg) => pkg.metadata.categories ?? []).map((item) => [item.code, item]));
    expect(optionComboCodes(programme(base()).categoryCombos![0]!, categories)).toEqual(['U1_F', 'U1_M', 'A1_F', 'A1_M']);
  });
  it('gives `default` for the default combo', () => {
    expect(optionComboCodes({ code: 'default', name: 'default', translations: [], dataDimensionType: 'DISAGGREGATION', categories: [] }, new Map())).toEqual(['default']);
  });
});

describe('programmePackageProblems', () => {
  it('finds nothing wrong in a consistent set', () => {
    expect(check(base())).toEqual([]);
  });

  it('names an option combo that the data element’s combo does not generate', () => {
    const packages = base();
    programme(packages).indicators![0]!.numerator = '#{DOSES.F_U1}';
    expect(check(packages)).toEqual([
      { code: 'PROGRAMME_REFERENCE_UNKNOWN', package: 'programme', collection: 'indicators', object: 'COVERAGE', field: 'numerator', reference: 'DOSES.F_U1' },
    ]);
  });

  it('names unknown data elements, indicators and constants in validation-rule sides', () => {
    const packages = base();
    programme(packages).validationRules = [
      {
        code: 'VR',
        name: 'Règle',
        translations: [...en('Rule'), { property: 'LEFT_SIDE_DESCRIPTION', locale: 'en', value: 'L' }, { property: 'RIGHT_SIDE_DESCRIPTION', locale: 'en', value: 'R' }],
        instruction: '',
        importance: 'MEDIUM',
        operator: 'less_than_or_equal_to',
        periodType: 'Monthly',
        leftSide: { expression: '#{NOPE} + N{COVERAGE}', description: 'G', missingValueStrategy: 'NEVER_SKIP' },
        rightSide: { expression: 'C{MISSING} * N{ABSENT}', description: 'D', missingValueStrategy: 'NEVER_SKIP' },
      },
    ];
    expect(check(packages).map((p) => `${p.code} ${p.field} ${p.reference ?? ''}`)).toEqual([
      'PROGRAMME_TRANSLATION_MISSING instruction ',
      'PROGRAMME_REFERENCE_UNKNOWN leftSide.expression NOPE',
      'PROGRAMME_REFERENCE_UNKNOWN rightSide.expression ABSENT',
      'PROGRAMME_REFERENCE_UNKNOWN rightSide.expression MISSING',
    ]);
  });

  it('reports an expression that does not parse, with the parser’s error', () => {
    const packages = base();
    programme(packages).indicators![0]!.denominator = '#{TARGET} +';
    const [problem] = check(packages);
    expect(problem).toMatchObject({ code: 'PROGRAMME_EXPRESSION_INVALID', object: 'COVERAGE', field: 'denominator' });
    expect(String(problem!.detail)).toContain('EXPRESSION_UNEXPECTED_END');
  });

  it('reports a reference to a package loaded later', () => {
    const [shared, later] = base();
    expect(check([later!, shared!]).filter((p) => p.code === 'PROGRAMME_REFERENCE_UNKNOWN').map((p) => p.reference)).toEqual(
      expect.arrayContaining(['SEX', 'PERCENT']),
    );
  });

  it('reports a code defined twice: objects, generated option combos, sections', () => {
    const packages = base();
    programme(packages).categoryOptions!.push(named('F', 'Féminin', 'Female'));
    programme(packages).categoryCombos!.push({ code: 'SEX_ONLY', name: 'Sexe', translations: en('Sex'), dataDimensionType: 'DISAGGREGATION', categories: [{ code: 'SEX' }] });
    programme(packages).categoryCombos!.push({ code: 'SEX_AGAIN', name: 'Sexe encore', translations: en('Sex again'), dataDimensionType: 'DISAGGREGATION', categories: [{ code: 'SEX' }] });
    const monthly = programme(packages).dataSets![0]!;
    programme(packages).dataSets!.push({ ...monthly, ...named('QUARTERLY', 'Trimestriel', 'Quarterly'), periodType: 'Quarterly' });
    expect(check(packages).map((p) => `${p.code} ${p.collection} ${p.object} ${p.other}`)).toEqual([
      'PROGRAMME_CODE_DUPLICATE categoryOptions F shared',
      'PROGRAMME_CODE_DUPLICATE categoryCombos SEX_AGAIN.F programme',
      'PROGRAMME_CODE_DUPLICATE categoryCombos SEX_AGAIN.M programme',
      'PROGRAMME_CODE_DUPLICATE dataSets QUARTERLY/ALL programme',
    ]);
  });

  it('requires French and English text for names, descriptions and titles', () => {
    const packages = base();
    programme(packages).dataElements![0]!.translations = en('Doses');
    programme(packages).goals![0]!.translations = en('Survive');
    packages[1]!.dashboards[0]!.items[0]!.title.en = ' ';
    expect(check(packages).map((p) => `${p.collection} ${p.object} ${p.field}`)).toEqual([
      'dataElements DOSES shortName',
      'goals G1 description',
      'dashboards D/I title',
    ]);
  });

  it('requires a source for baselines, targets and observed values, and a whole baseline', () => {
    const packages = base();
    const indicator = programme(packages).resultIndicators![0]!;
    indicator.baselineSource = '';
    programme(packages).resultIndicators!.push({ ...indicator, code: 'RI2', baselineSource: 'DHS 2018', baselineYear: undefined });
    programme(packages).targets = [{ resultIndicator: { code: 'RI1' }, orgUnit: { code: 'ML' }, year: 2027, value: 90, source: ' ' }];
    expect(check(packages).map((p) => `${p.code} ${p.object} ${p.field}`)).toEqual([
      'PROGRAMME_SOURCE_MISSING RI1 baselineSource',
      'PROGRAMME_BASELINE_INCOMPLETE RI2 baselineValue',
      'PROGRAMME_SOURCE_MISSING RI1@ML/2027 (1) source',
    ]);
  });

  it('checks dashboard items: data, periods and org units', () => {
    const packages = base();
    packages[1]!.dashboards[0]!.items[0] = { code: 'I', title: { fr: 'a', en: 'a' }, type: 'line', dx: ['DOSES.XX', 'NOTHING'], pe: ['LAST_7_YEARS', '2024M13'], ou: ['LEVEL-0', 'ML99'] };
    expect(check(packages).map((p) => `${p.code} ${p.field} ${p.reference ?? p.period ?? p.orgUnit}`)).toEqual([
      'PROGRAMME_REFERENCE_UNKNOWN dx DOSES.XX',
      'PROGRAMME_REFERENCE_UNKNOWN dx NOTHING',
      'PROGRAMME_PERIOD_INVALID pe LAST_7_YEARS',
      'PROGRAMME_PERIOD_INVALID pe 2024M13',
      'PROGRAMME_ORG_UNIT_UNKNOWN ou LEVEL-0',
      'PROGRAMME_ORG_UNIT_UNKNOWN ou ML99',
    ]);
  });

  it('checks short-name length and uniqueness, period types, links and section members', () => {
    const packages = base();
    const doc = programme(packages);
    doc.dataElements![1]!.shortName = 'Doses';
    doc.dataElements![0]!.shortName = 'x'.repeat(51);
    doc.dataSets![0]!.periodType = 'Fortnightly';
    doc.dataSets![0]!.sections[0]!.dataElements.push({ code: 'ELSEWHERE' });
    doc.resultIndicators![0]!.dataElement = { code: 'DOSES' };
    expect(check(packages).map((p) => `${p.code} ${p.object} ${p.field}`)).toEqual([
      'PROGRAMME_SHORT_NAME_TOO_LONG DOSES shortName',
      'PROGRAMME_PERIOD_INVALID MONTHLY periodType',
      'PROGRAMME_REFERENCE_UNKNOWN MONTHLY sections.ALL',
      'PROGRAMME_LINK_AMBIGUOUS RI1 indicator',
    ]);
  });

  it('checks org units of observed values against the tree when one is given', () => {
    const packages = base();
    programme(packages).observations![0]!.orgUnit = { code: 'ML20' };
    expect(check(packages)).toEqual([
      expect.objectContaining({ code: 'PROGRAMME_ORG_UNIT_UNKNOWN', collection: 'observations', orgUnit: 'ML20' }),
    ]);
    expect(programmePackageProblems(packages)).toEqual([]);
  });
});
