// Org units as pickers offer them: only those below the user's scope roots (the server decides
// the scope; this only avoids offering what the server would refuse), each with the names of
// its ancestors so that two health areas with the same name can be told apart.
import { inSubtrees } from '../../core/metadata/hierarchy.ts';

export interface OrgUnit {
  id: string;
  code: string | null;
  name: string;
  level: number;
  /** DHIS2 path of UIDs, root first, the unit itself last: `/uidML/uidML01/uidML0101`. */
  path: string;
}

export interface OrgUnitOption extends OrgUnit {
  /** Names of the ancestors below the scope's top, outermost first: `Kayes › Bafoulabé`. */
  trail: string[];
}

export const insideScope = inSubtrees;

/** Case- and accent-insensitive search text (Ségou matches "segou"). */
export const searchable = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/**
 * The units to offer, in tree order (by the names along their path): inside the scope, and
 * among `only` (e.g. the units a data set is assigned to) when it is given.
 */
export function orgUnitOptions(units: readonly OrgUnit[], scopePaths: readonly string[], only?: ReadonlySet<string>): OrgUnitOption[] {
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const sortKeys = new Map<string, string>();
  const options = units
    .filter((unit) => insideScope(unit.path, scopePaths) && (!only || only.has(unit.id)))
    .map((unit) => {
      const ancestors = unit.path.split('/').filter(Boolean).slice(0, -1).map((id) => names.get(id) ?? id);
      // Sorted by the names along the whole path (a parent before its children); shown without
      // the root, the same country for everyone.
      sortKeys.set(unit.id, [...ancestors, unit.name].map(searchable).join('\u0000'));
      return { ...unit, trail: ancestors.slice(1) };
    });
  return options.sort((a, b) => sortKeys.get(a.id)!.localeCompare(sortKeys.get(b.id)!));
}

/** The options whose name, code or ancestors contain every word of `query`. */
export function filterOptions(options: readonly OrgUnitOption[], query: string): OrgUnitOption[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const text = searchable([option.name, option.code ?? '', ...option.trail].join(' '));
    return words.every((word) => text.includes(word));
  });
}
