// The columns every list of children opens with (the registry's search, the defaulter list),
// followed by the list's own.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n.tsx';

export function ChildTableHead({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th>{t('web.children.name')}</th>
        <th>{t('web.children.sex')}</th>
        <th>{t('web.children.birthDate')}</th>
        <th>{t('web.children.motherName')}</th>
        <th>{t('web.children.village')}</th>
        {children}
      </tr>
    </thead>
  );
}
