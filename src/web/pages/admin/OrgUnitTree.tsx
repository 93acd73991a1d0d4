// The org-unit tree, read-only: country → regions → cercles → units, each level opened on
// demand (native <details>, so keyboard and screen readers need nothing more); a search shows
// the matching units with their ancestors instead.
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { filterOptions, orgUnitOptions, type OrgUnit } from '../../components/orgUnits.ts';
import { pluralKey } from '../../components/plural.ts';

function Branch({ unit, childrenOf }: { unit: OrgUnit; childrenOf: ReadonlyMap<string, OrgUnit[]> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(unit.level === 1);
  const children = childrenOf.get(unit.id) ?? [];
  const label = (
    <>
      {unit.name} <code>{unit.code ?? unit.id}</code> <span className="muted">{t('web.metadata.level', { level: unit.level })}</span>
    </>
  );
  if (children.length === 0) return <li className="tree-leaf">{label}</li>;
  return (
    <li>
      <details open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
        <summary>
          {label} <span className="muted">· {t('web.metadata.children', { count: children.length })}</span>
        </summary>
        {open && (
          <ul>
            {children.map((child) => (
              <Branch key={child.id} unit={child} childrenOf={childrenOf} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export function OrgUnitTree({ units, scopePaths, query }: { units: OrgUnit[]; scopePaths: string[]; query: string }) {
  const { t, formatNumber, language } = useI18n();
  const childrenOf = useMemo(() => {
    const map = new Map<string, OrgUnit[]>();
    const byName = [...units].sort((a, b) => a.name.localeCompare(b.name));
    for (const unit of byName) {
      const parent = unit.path.split('/').filter(Boolean).at(-2);
      if (parent) map.set(parent, [...(map.get(parent) ?? []), unit]);
    }
    return map;
  }, [units]);
  const options = useMemo(() => orgUnitOptions(units, scopePaths), [units, scopePaths]);
  const roots = units.filter((unit) => scopePaths.includes(unit.path));
  if (query.trim()) {
    const found = filterOptions(options, query);
    return (
      <div>
        <p className="muted">{t(pluralKey('web.metadata.found', found.length, language), { count: formatNumber(found.length) })}</p>
        <ul className="plain-list org-unit-matches">
          {found.slice(0, 300).map((unit) => (
            <li key={unit.id}>
              <span className="muted">{unit.trail.join(' › ')}</span>
              {unit.trail.length > 0 && ' › '}
              <strong>{unit.name}</strong> <code>{unit.code ?? unit.id}</code>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <ul className="org-unit-tree">
      {roots.map((root) => (
        <Branch key={root.id} unit={root} childrenOf={childrenOf} />
      ))}
    </ul>
  );
}
