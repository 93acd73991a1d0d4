// The health area a vaccinator works in (level 4 of Mali's tree: the health areas, each with
// its community health centre — src/core/geography/maliOrgUnits.ts), chosen among those of
// the user's scope and kept in the address by its code (?ou=CODE), as the registry API names
// org units by code.
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { orgUnitOptions, type OrgUnitOption } from '../../components/orgUnits.ts';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { useOrgUnits } from '../../components/useOrgUnits.ts';

export const HEALTH_AREA_LEVEL = 4;

export function useHealthAreas(): { options: OrgUnitOption[] | undefined; error: string | null } {
  const { me } = useSession();
  const { units, error } = useOrgUnits();
  const options = useMemo(() => {
    if (!units) return undefined;
    const areas = new Set(units.filter((unit) => unit.level === HEALTH_AREA_LEVEL).map((unit) => unit.id));
    return orgUnitOptions(units, (me?.scope ?? []).map((unit) => unit.path), areas);
  }, [units, me]);
  return { options, error };
}

export function HealthAreaPicker({ value, onChange, size = 8, label }: { value: string; onChange(code: string): void; size?: number; label?: string }) {
  const { t } = useI18n();
  const { options, error } = useHealthAreas();
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!options) return <p className="loading">{t('web.loading')}</p>;
  const chosen = options.find((option) => option.code === value);
  return (
    <OrgUnitPicker
      label={label ?? t('web.children.healthArea')}
      options={options}
      value={chosen?.id ?? ''}
      size={size}
      onChange={(id) => onChange(options.find((option) => option.id === id)?.code ?? '')}
    />
  );
}
