// The RED/REC table of a period: every district (or health area) under an org unit, with its
// Penta1 coverage, dropout rates, other coverages and zero-dose children as the analytics
// engine computes them from the aggregated values (the package's indicators, not a second
// formula here), and the WHO category from src/core/immunization/redRec.ts.
import { parseAnalyticsRequest } from '../../core/analytics/request.ts';
import { DenwError } from '../../core/errors.ts';
import type { Language } from '../../core/i18n.ts';
import { classifyRedRec, type RedRecAssessment } from '../../core/immunization/redRec.ts';
import { parsePeriod } from '../../core/periods/periods.ts';
import type { RedRecDefinition } from '../../programmes/immunization/redRec.ts';
import { answerAnalytics } from '../analytics/runQuery.ts';
import type { OrgUnitInfo } from '../analytics/orgUnitSelection.ts';
import type { Database } from '../database.ts';

export interface RedRecQuery {
  orgUnit: string;
  period: string;
  /** The dropout indicator defining utilisation: one of the definition's, its first by default. */
  utilisation?: string;
  /** The level categorised: the definition's district level by default (4 for health areas). */
  level?: number;
  language: Language;
  userOrgUnitPaths: string[];
  today: string;
  authorize?: (orgUnits: readonly OrgUnitInfo[]) => void;
}

export interface RedRecRow extends RedRecAssessment {
  orgUnit: { code: string; name: string };
  /** Indicator code → value (%, or a number for zero-dose and the target); null where analytics has none. */
  values: Record<string, number | null>;
}

export interface RedRecTable {
  period: string;
  orgUnit: { code: string; name: string; level: number };
  level: number;
  access: string;
  utilisation: string;
  thresholds: RedRecDefinition['thresholds'];
  /** The indicators of `values`, in display order, with their names. */
  indicators: { code: string; name: string }[];
  /** The org unit as a whole, then each unit of the level, by name. */
  total: RedRecRow;
  rows: RedRecRow[];
}

export async function readRedRecTable(database: Database, definition: RedRecDefinition, query: RedRecQuery): Promise<RedRecTable> {
  const utilisation = query.utilisation ?? definition.utilisation[0];
  if (!definition.utilisation.includes(utilisation)) {
    throw new DenwError('IMMUNIZATION_UTILISATION_DROPOUT_UNKNOWN', { value: utilisation, allowed: definition.utilisation.join(', ') }, 'utilisation');
  }
  let period: string;
  try {
    period = parsePeriod(query.period).id;
  } catch (error) {
    if (error instanceof DenwError) throw new DenwError(error.code, error.params, 'period');
    throw error;
  }
  const unit = await database.db.selectFrom('org_unit').select(['code', 'name', 'name_en', 'level']).where('code', '=', query.orgUnit).executeTakeFirst();
  if (!unit?.code) throw new DenwError('ANALYTICS_ORG_UNIT_NOT_FOUND', { item: query.orgUnit }, 'orgUnit');
  const level = query.level ?? definition.districtLevel;

  const dx = [definition.access, ...definition.utilisation, ...definition.coverages, definition.zeroDose, definition.target];
  const ask = async (ou: string) => {
    const parsed = parseAnalyticsRequest({ dimension: [`dx:${dx.join(';')}`, `ou:${ou}`], filter: `pe:${period}`, skipRounding: 'true' });
    if (!parsed.ok) throw new Error(`RED/REC analytics request: ${JSON.stringify(parsed.problems)}`);
    return answerAnalytics(database, parsed.request, {
      userOrgUnitPaths: query.userOrgUnitPaths,
      today: query.today,
      language: query.language,
      ...(query.authorize ? { authorize: query.authorize } : {}),
    });
  };
  // `ou:CODE;LEVEL-3` is DHIS2's "the level-3 units under CODE"; a unit at or below the level
  // stands alone. One question after the other: the embedded engine answers one at a time anyway.
  const own = await ask(unit.code);
  const units = level > unit.level ? await ask(`${unit.code};LEVEL-${level}`) : undefined;

  const rowsOf = (table: Awaited<ReturnType<typeof ask>>) => {
    const [dxColumn, ouColumn] = [table.columns.indexOf('dx'), table.columns.indexOf('ou')];
    const values = new Map<string, Record<string, number>>();
    for (const row of table.rows) {
      const byIndicator = values.get(row[ouColumn]!) ?? {};
      byIndicator[row[dxColumn]!] = Number(row.at(-1));
      values.set(row[ouColumn]!, byIndicator);
    }
    return (table.dimensions.ou ?? []).map((code): RedRecRow => {
      const found = values.get(code) ?? {};
      const value = (indicator: string) => found[indicator] ?? null;
      const assessed = classifyRedRec(
        {
          access: { indicator: definition.access, value: value(definition.access) },
          utilisation: { indicator: utilisation, value: value(utilisation) },
          otherCoverages: definition.coverages.map((indicator) => ({ indicator, value: value(indicator) })),
          otherDropouts: definition.utilisation.filter((d) => d !== utilisation).map((indicator) => ({ indicator, value: value(indicator) })),
        },
        definition.thresholds,
      );
      return { orgUnit: { code, name: table.items[code] ?? code }, values: Object.fromEntries(dx.map((indicator) => [indicator, value(indicator)])), ...assessed };
    });
  };
  const total = rowsOf(own)[0]!;
  const rows = units ? rowsOf(units).sort((a, b) => a.orgUnit.name.localeCompare(b.orgUnit.name, query.language)) : [total];
  return {
    period,
    orgUnit: { code: unit.code, name: query.language === 'en' && unit.name_en ? unit.name_en : unit.name, level: unit.level },
    level: Math.max(level, unit.level),
    access: definition.access,
    utilisation,
    thresholds: definition.thresholds,
    indicators: dx.map((code) => ({ code, name: own.items[code] ?? code })),
    total,
    rows,
  };
}
