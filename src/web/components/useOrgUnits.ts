// The org-unit tree the pickers choose from (GET /api/organisationUnits, DHIS2's collection),
// loaded once per language and shared by every page that needs it.
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { useI18n } from '../app/i18n.tsx';
import type { OrgUnit } from './orgUnits.ts';

interface RawOrgUnit {
  id: string;
  code?: string | null;
  name?: string;
  displayName?: string;
  level: number;
  path: string;
}

const loaded = new Map<string, Promise<OrgUnit[]>>();

function fetchOrgUnits(language: string): Promise<OrgUnit[]> {
  let units = loaded.get(language);
  if (!units) {
    units = api<{ organisationUnits: RawOrgUnit[] }>('/api/organisationUnits?paging=false&fields=id,code,name,displayName,level,path').then((body) =>
      body.organisationUnits.map((raw) => ({ id: raw.id, code: raw.code ?? null, name: raw.displayName ?? raw.name ?? raw.id, level: raw.level, path: raw.path })),
    );
    // A failed load is retried on the next visit rather than remembered.
    units.catch(() => loaded.delete(language));
    loaded.set(language, units);
  }
  return units;
}

/** Every org unit the server lets the user see; undefined while loading. */
export function useOrgUnits(): { units: OrgUnit[] | undefined; error: string | null } {
  const { language } = useI18n();
  const [units, setUnits] = useState<OrgUnit[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    fetchOrgUnits(language)
      .then((list) => current && setUnits(list))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [language]);
  return { units, error };
}
